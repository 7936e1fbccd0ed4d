import { SetMetadata } from '@nestjs/common';
import type { Tx } from '@hiring/platform/tx';
import type { ConsumedEvent, DecodeFn } from './types';

export const CONSUME_EVENTS_METADATA = 'hiring:messaging:consume-events';

export interface ConsumeEventsOptions {
  topic: string;
  /** CloudEvents types this method handles; others on the topic are dead-lettered as UNEXPECTED_TYPE unless another handler takes them. */
  types?: readonly string[];
  /**
   * Bytes -> event for this topic instead of the service's decoder; every
   * handler of a topic must use the same one. E.g. `deadLetterDecoder` to read
   * a `.dlq` topic, whose records are not valid events by definition.
   */
  decode?: DecodeFn;
  /**
   * Runs this topic in a consumer of its own (Kafka group `<group>.<consumer>`)
   * instead of the service's main one. kafkajs fetches all of a member's
   * partitions together and fetches again only when every batch of the
   * response is handled, so a topic whose events should not wait behind the
   * others' batches gets its own fetch loop. The inbox stays the service's
   * group: an event already applied under the main consumer is skipped.
   */
  consumer?: string;
  /**
   * The named consumer this topic ran in before it moved to `consumer`. A
   * Kafka group new to the topic starts where that group had committed on it
   * (once, before joining, while the group has no offsets on the topic),
   * instead of at the configured reset: from the beginning would replay the
   * topic's history, from the end would skip what was published during the
   * upgrade. Nothing is done when the former group has no offsets (expired
   * after the broker's `offsets.retention.minutes`, 7 days by default): the
   * option can go a release after the move. See docs/messaging.md.
   */
  takesOverFrom?: string;
  /**
   * The name of a method of the same provider, `(events) => Promise<P>`, run
   * for each chunk before its transaction opens; the handler receives its
   * result as third argument. For work that waits on something outside the
   * database (e.g. fetching keys from another service): done inside the
   * transaction it would hold a connection and the inbox row locks while it waits.
   */
  prepare?: string;
  /**
   * `false`: write no inbox row for this topic's events. Only for a handler
   * whose effect is idempotent by its own key and insensitive to order (e.g. a
   * projection merging earliest times, latest decisions and set unions):
   * applying an event twice, or two events in either order, leaves the same
   * state. A redelivered event is then applied again (and counted as
   * processed, not as a duplicate). The inbox is kept for the topic if any
   * other handler of it does not say so. Default true. See docs/messaging.md.
   */
  inbox?: boolean;
  /**
   * `false` (only with `inbox: false`): the chunk runs in no transaction; the
   * handler's `tx` is the data source's own manager (each statement commits on
   * its own) and the handler makes its effect durable itself before its
   * promise resolves: the offsets are resolved when it does. For a handler that
   * merges the chunks of several partitions and topics into one write (the
   * monitor's read model): holding one idle transaction per chunk while it
   * waits for that write would cost a connection each. Default true.
   */
  transaction?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventBatchHandler = (events: ConsumedEvent<any>[], tx: Tx, prepared?: any) => Promise<void>;

/**
 * Marks a provider method as the handler of a topic. It is called once per
 * chunk of a partition's batch, in offset order, inside the transaction that
 * also records the inbox ids; write effects and outbox rows through `tx`.
 * With `prepare`, that method's result for the chunk is the third argument.
 */
export function ConsumeEvents(options: ConsumeEventsOptions) {
  return <M extends EventBatchHandler>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(CONSUME_EVENTS_METADATA, options)(target, key, descriptor);
  };
}
