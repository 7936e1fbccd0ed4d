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
  handle: (events: ConsumedEvent[], tx: Tx) => Promise<void>;
  /** This topic's decoder, when not the consumer's default (see ConsumeEventsOptions.decode). */
  decode?: DecodeFn;
  /** The consumer this topic runs in, when not the service's main one (see ConsumeEventsOptions.consumer). */
  consumer?: string;
}

export class HandlerTable {
  private readonly byTopic = new Map<string, EventHandlerRegistration[]>();
  private readonly typesByTopic = new Map<string, readonly string[] | undefined>();
  private readonly decoderByTopic = new Map<string, DecodeFn>();

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
    }
  }

  /** The topic's own decoder, or `fallback` (the consumer's). */
  decoder(topic: string, fallback: DecodeFn): DecodeFn {
    return this.decoderByTopic.get(topic) ?? fallback;
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  expectedTypes(topic: string): readonly string[] | undefined {
    return this.typesByTopic.get(topic);
  }

  /** Hands each handler of the topic its share of the events, in registration order. */
  async dispatch(topic: string, events: ConsumedEvent[], tx: Tx): Promise<void> {
    for (const h of this.byTopic.get(topic) ?? []) {
      const mine = h.types ? events.filter((e) => h.types?.includes(e.type)) : events;
      if (mine.length > 0) await h.handle(mine, tx);
    }
  }
}
