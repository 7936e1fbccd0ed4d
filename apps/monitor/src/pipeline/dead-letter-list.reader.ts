// The dead letters behind the page's counts: for each .dlq topic that holds
// records, the oldest few with their reason and the CLI command that replays
// one (after its cause is fixed). Read on demand (the page asks when the
// section is open), cached briefly, never the original bytes: a refused
// record may hold personal data.
import { Inject, Injectable } from '@nestjs/common';
import { listDeadLetters, MESSAGING_KAFKA } from '@hiring/messaging';
import type { Kafka } from 'kafkajs';
import { Clock } from '@hiring/platform';
import { BrokerBacklogReader } from './broker-backlog.reader';

export interface DeadLetterLine {
  dlqTopic: string;
  partition: number;
  offset: string;
  failedAt: string;
  reasonCode: string;
  reason: string;
  errors: Array<{ path: string; message: string }>;
  sourceTopic: string;
  consumerGroup: string;
  attempts: number;
  replayCommand: string;
}

export interface DeadLetterList {
  checkedAt: string;
  /** Per topic that holds records: how many, and the oldest `letters.length` of them. */
  topics: Array<{ dlqTopic: string; depth: number; letters: DeadLetterLine[] }>;
  error?: string;
}

export const DEAD_LETTERS_PER_TOPIC = 20;
const CACHE_MS = 10_000;
const READ_TIMEOUT_MS = 10_000;
const MAX_ERRORS = 5;

export function reasonCode(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason || '(no reason)';
}

export function replayCommand(dlqTopic: string, partition: number, offset: string): string {
  return `npm run -s hiring -- dlq replay ${dlqTopic} ${partition} ${offset}`;
}

@Injectable()
export class DeadLetterListReader {
  private cached?: { at: number; value: Promise<DeadLetterList> };

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    private readonly backlog: BrokerBacklogReader,
    private readonly clock: Clock,
  ) {}

  list(): Promise<DeadLetterList> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.value;
    const value = this.read();
    this.cached = { at: now, value };
    value.catch(() => (this.cached = undefined));
    return value;
  }

  private async read(): Promise<DeadLetterList> {
    const backlog = await this.backlog.read();
    const checkedAt = this.clock.now().toISOString();
    if (!backlog.ok) return { checkedAt, topics: [], error: backlog.error ?? 'the broker did not answer' };
    const topics: DeadLetterList['topics'] = [];
    for (const d of backlog.deadLetters.filter((t) => t.depth > 0)) {
      const letters = await listDeadLetters(this.kafka, d.topic, { limit: DEAD_LETTERS_PER_TOPIC, timeoutMs: READ_TIMEOUT_MS });
      topics.push({
        dlqTopic: d.topic,
        depth: d.depth,
        letters: letters.map((l) => ({
          dlqTopic: l.dlqTopic,
          partition: l.partition,
          offset: l.offset,
          failedAt: l.failedAt,
          reasonCode: reasonCode(l.reason),
          reason: l.reason,
          errors: l.errors.slice(0, MAX_ERRORS),
          sourceTopic: l.sourceTopic,
          consumerGroup: l.consumerGroup,
          attempts: l.attempts,
          replayCommand: replayCommand(l.dlqTopic, l.partition, l.offset),
        })),
      });
    }
    return { checkedAt, topics };
  }
}
