// Which registered handlers receive which topic's events, and the event types a
// topic's decoder may accept (undefined: some handler takes every type).
import type { Tx } from '@hiring/platform/tx';
import type { ConsumedEvent, DecodeFn } from '../types';

export interface EventHandlerRegistration {
  topic: string;
  /** Event types this handler receives; undefined = every type on the topic. */
  types?: readonly string[];
  /** For logs and dead-letter reasons. */
  name: string;
  /** `prepared`: what `prepare` returned for this chunk (undefined without a prepare). */
  handle: (events: ConsumedEvent[], tx: Tx, prepared?: unknown) => Promise<void>;
  /**
   * Work the handler needs before its transaction (e.g. keys from another
   * service over HTTP): run for the chunk's events before the inbox
   * transaction opens, so no transaction, connection or row lock is held while
   * it waits. Its failure is the chunk's failure (same retry and dead-letter
   * policy). Runs again when the chunk is retried or split.
   */
  prepare?: (events: ConsumedEvent[]) => Promise<unknown>;
  /** This topic's decoder, when not the consumer's default (see ConsumeEventsOptions.decode). */
  decode?: DecodeFn;
  /** The consumer this topic runs in, when not the service's main one (see ConsumeEventsOptions.consumer). */
  consumer?: string;
  /** The named consumer the topic ran in before (see ConsumeEventsOptions.takesOverFrom). */
  takesOverFrom?: string;
  /** false: the handler's effect is idempotent and order-insensitive by its own key (see ConsumeEventsOptions.inbox). */
  inbox?: boolean;
  /** false: no transaction for the chunk, the handler makes its effect durable (see ConsumeEventsOptions.transaction). */
  transaction?: boolean;
}

/** What each handler's `prepare` returned for one chunk. */
export type PreparedChunk = ReadonlyMap<EventHandlerRegistration, unknown>;

export class HandlerTable {
  private readonly byTopic = new Map<string, EventHandlerRegistration[]>();
  private readonly typesByTopic = new Map<string, readonly string[] | undefined>();
  private readonly decoderByTopic = new Map<string, DecodeFn>();
  private readonly topicsWithoutInbox = new Set<string>();
  private readonly topicsWithoutTransaction = new Set<string>();

  constructor(handlers: readonly EventHandlerRegistration[]) {
    for (const h of handlers) {
      const list = this.byTopic.get(h.topic) ?? [];
      list.push(h);
      this.byTopic.set(h.topic, list);
    }
    for (const [topic, list] of this.byTopic) {
      this.typesByTopic.set(topic, list.some((h) => !h.types) ? undefined : [...new Set(list.flatMap((h) => h.types ?? []))]);
      const own = new Set(list.map((h) => h.decode));
      if (own.size > 1) throw new Error(`handlers of ${topic} disagree on the decoder: ${list.map((h) => h.name).join(', ')}`);
      const decode = list[0]?.decode;
      if (decode) this.decoderByTopic.set(topic, decode);
      if (list.every((h) => h.inbox === false)) this.topicsWithoutInbox.add(topic);
      for (const h of list) {
        // Inbox claims are only worth something in the transaction of the effects they guard.
        if (h.transaction === false && h.inbox !== false) throw new Error(`${h.name}: transaction: false needs inbox: false`);
      }
      if (list.every((h) => h.transaction === false)) this.topicsWithoutTransaction.add(topic);
    }
  }

  /** The topic's own decoder, or `fallback` (the consumer's). */
  decoder(topic: string, fallback: DecodeFn): DecodeFn {
    return this.decoderByTopic.get(topic) ?? fallback;
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  /** Whether the topic's events are claimed in the inbox: unless every handler of it opted out. */
  usesInbox(topic: string): boolean {
    return !this.topicsWithoutInbox.has(topic);
  }

  /** Whether a chunk of the topic runs in a transaction: unless every handler of it opted out (then none uses the inbox either). */
  usesTransaction(topic: string): boolean {
    return !this.topicsWithoutTransaction.has(topic);
  }

  expectedTypes(topic: string): readonly string[] | undefined {
    return this.typesByTopic.get(topic);
  }

  /**
   * Runs the `prepare` of each handler of the topic on its share of the chunk,
   * outside any transaction. It sees every event of the chunk, including any
   * the inbox then skips as already applied.
   */
  async prepare(topic: string, events: readonly ConsumedEvent[]): Promise<PreparedChunk> {
    const prepared = new Map<EventHandlerRegistration, unknown>();
    for (const h of this.byTopic.get(topic) ?? []) {
      const mine = share(h, events);
      if (h.prepare && mine.length > 0) prepared.set(h, await h.prepare(mine));
    }
    return prepared;
  }

  /** Hands each handler of the topic its share of the events (and what its prepare returned), in registration order. */
  async dispatch(topic: string, events: readonly ConsumedEvent[], tx: Tx, prepared: PreparedChunk = new Map()): Promise<void> {
    for (const h of this.byTopic.get(topic) ?? []) {
      const mine = share(h, events);
      if (mine.length > 0) await h.handle(mine, tx, prepared.get(h));
    }
  }
}

function share(h: EventHandlerRegistration, events: readonly ConsumedEvent[]): ConsumedEvent[] {
  return h.types ? events.filter((e) => h.types?.includes(e.type)) : [...events];
}
