// The batch transport: one kafkajs consumer per group, eachBatch with manual
// offset resolution. A partition's messages are processed in offset order in
// chunks; each chunk is one Postgres transaction holding the inbox claims, the
// handlers' effects and their outbox rows. Offsets are resolved only after that
// transaction (and any dead-letter publish) is durable.
import type { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopic } from '@hiring/contracts';
import { messagingTables, type MessagingTables } from './sql';
import { headersToStrings, type ConsumedEvent, type DecodeFn, type RawMessage } from './types';
import {
  backoffDelay,
  classifyFailure,
  isServiceException,
  serviceFailureReason,
  DecodeFailure,
  DEFAULT_RETRY_POLICY,
  errorMessage,
  failureAction,
  type FailureKind,
  type RetryPolicy,
} from './failure-policy';
import { deadLetterMessage, type DeadLetterReason } from './dead-letter';
import type { MessagingMetrics } from './messaging.metrics';
import { consoleLogger, delay, type MessagingLogger } from './util';
import { createIdempotentProducer, producerStateLost, sendAcknowledged } from './idempotent-producer';

export interface EventHandlerRegistration {
  topic: string;
  /** Event types this handler receives; undefined = every type on the topic. */
  types?: readonly string[];
  /** For logs and dead-letter reasons. */
  name: string;
  handle: (events: ConsumedEvent[], tx: EntityManager) => Promise<void>;
}

export interface BatchConsumerOptions {
  groupId: string;
  /** Postgres schema holding `inbox` (and `outbox`). */
  schema: string;
  handlers: readonly EventHandlerRegistration[];
  decode: DecodeFn;
  /** Partitions processed in parallel (each in offset order). Default 3. */
  partitionsConsumedConcurrently?: number;
  /** Max events per transaction. Default 500. */
  maxChunkSize?: number;
  retry?: Partial<RetryPolicy>;
  /** Probing a database that is down: first and max delay. */
  databaseProbe?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Where a group with no committed offset starts. Default true (a new service sees history). */
  fromBeginning?: boolean;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  maxBytesPerPartition?: number;
  autoCommitInterval?: number;
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
}

type Outcome = 'done' | 'aborted';

interface BatchContext {
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
  isActive: () => boolean;
}

interface Item {
  raw: KafkaMessage;
  event: ConsumedEvent;
}

class Aborted extends Error {}

/**
 * The inbox key of an event: CloudEvents ids are unique per source, so the key
 * is "<source> <id>" (a URI-reference has no spaces), or the id alone without a source.
 */
export function inboxKey(event: { id: string; source?: string }): string {
  return event.source ? `${event.source} ${event.id}` : event.id;
}

export class BatchConsumer {
  private readonly t: MessagingTables;
  private readonly retry: RetryPolicy;
  private readonly chunkSize: number;
  private readonly heartbeatInterval: number;
  private readonly logger: MessagingLogger;
  private readonly handlersByTopic = new Map<string, EventHandlerRegistration[]>();
  private readonly expectedTypes = new Map<string, readonly string[] | undefined>();
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private replacingProducer: Promise<void> | undefined;
  private stopping = false;
  private outage: Promise<void> | undefined;
  private readonly pausedTopics = new Set<string>();

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: BatchConsumerOptions,
  ) {
    this.t = messagingTables(options.schema);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.chunkSize = options.maxChunkSize ?? 500;
    this.heartbeatInterval = options.heartbeatInterval ?? 3_000;
    this.logger = options.logger ?? consoleLogger;
    for (const h of options.handlers) {
      const list = this.handlersByTopic.get(h.topic) ?? [];
      list.push(h);
      this.handlersByTopic.set(h.topic, list);
    }
    for (const [topic, list] of this.handlersByTopic) {
      this.expectedTypes.set(topic, list.some((h) => !h.types) ? undefined : [...new Set(list.flatMap((h) => h.types ?? []))]);
    }
  }

  get topics(): string[] {
    return [...this.handlersByTopic.keys()];
  }

  get isPaused(): boolean {
    return this.pausedTopics.size > 0;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    if (this.handlersByTopic.size === 0) return;
    this.stopping = false;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeout ?? 30_000,
      heartbeatInterval: this.heartbeatInterval,
      maxBytesPerPartition: this.options.maxBytesPerPartition,
      allowAutoTopicCreation: false,
    });
    const producer = createIdempotentProducer(this.kafka);
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    this.consumer = consumer;
    this.producer = producer;
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      autoCommitInterval: this.options.autoCommitInterval ?? 1_000,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Stop fetching, let in-flight chunks finish and commit, then disconnect. */
  async stop(): Promise<void> {
    this.stopping = true;
    const consumer = this.consumer;
    const producer = this.producer;
    this.consumer = undefined;
    this.producer = undefined;
    // kafkajs' disconnect stops the fetch loop and waits for the running eachBatch calls.
    await consumer?.disconnect();
    await producer?.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    let rebalancing = false;
    const ctx: BatchContext = {
      topic: batch.topic,
      partition: batch.partition,
      heartbeat: async () => {
        try {
          await heartbeat();
        } catch (err) {
          // REBALANCE_IN_PROGRESS etc.: finish the current chunk, then hand the partition back.
          rebalancing = true;
          this.logger.warn('heartbeat failed during batch', { topic: batch.topic, partition: batch.partition, error: errorMessage(err) });
        }
      },
      isActive: () => !this.stopping && isRunning() && !isStale(),
    };
    for (let i = 0; i < batch.messages.length; i += this.chunkSize) {
      if (!ctx.isActive() || rebalancing) break;
      const chunk = batch.messages.slice(i, i + this.chunkSize);
      const outcome = await this.withHeartbeats(ctx, () => this.processChunk(ctx, batch, chunk));
      if (outcome === 'aborted') break;
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await ctx.heartbeat();
    }
    if (this.stopping) {
      // Shutdown: commit what is durable now rather than on the next interval.
      await commitOffsetsIfNecessary(payload.uncommittedOffsets()).catch(() => undefined);
    }
  }

  private async withHeartbeats<T>(ctx: BatchContext, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void ctx.heartbeat(), this.heartbeatInterval);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async processChunk(ctx: BatchContext, batch: Batch, chunk: KafkaMessage[]): Promise<Outcome> {
    const started = process.hrtime.bigint();
    const topic = batch.topic;
    this.options.metrics?.consumed.inc({ topic }, chunk.length);
    const items: Item[] = [];
    const invalid: Array<{ raw: KafkaMessage; reason: DeadLetterReason }> = [];
    const seen = new Set<string>();
    let duplicatesInChunk = 0;
    for (const raw of chunk) {
      if (raw.value === null) continue; // tombstone on a compacted topic: not an event
      const rawMessage: RawMessage = {
        topic,
        partition: batch.partition,
        offset: raw.offset,
        timestamp: raw.timestamp,
        key: raw.key,
        value: raw.value,
        headers: raw.headers ?? {},
      };
      try {
        const d = this.options.decode(rawMessage, { expectedTypes: this.expectedTypes.get(topic) });
        const key = inboxKey(d);
        if (seen.has(key)) {
          duplicatesInChunk++;
          continue;
        }
        seen.add(key);
        items.push({
          raw,
          event: {
            id: d.id,
            type: d.type,
            source: d.source,
            subject: d.subject,
            time: d.time,
            correlationId: d.correlationId,
            data: d.data,
            envelope: d.envelope,
            topic,
            partition: batch.partition,
            offset: raw.offset,
            key: raw.key ? raw.key.toString('utf8') : null,
            headers: headersToStrings(raw.headers),
          },
        });
      } catch (err) {
        const f = DecodeFailure.from(err);
        invalid.push({ raw, reason: { code: f.code, message: f.message, errors: f.errors } });
      }
    }
    try {
      if (invalid.length > 0) await this.deadLetter(ctx, invalid, 1);
      if (duplicatesInChunk > 0) this.options.metrics?.duplicates.inc({ topic }, duplicatesInChunk);
      const outcome = items.length > 0 ? await this.applyWithPolicy(ctx, items) : 'done';
      this.options.metrics?.batchSeconds.observe({ topic }, Number(process.hrtime.bigint() - started) / 1e9);
      return outcome;
    } catch (err) {
      if (err instanceof Aborted) return 'aborted';
      throw err;
    }
  }

  /** Retries, waits out a database outage, or isolates the poison message; never returns with an item unaccounted for. */
  private async applyWithPolicy(ctx: BatchContext, items: Item[]): Promise<Outcome> {
    let attempt = 0;
    for (;;) {
      attempt++;
      let failure: unknown;
      try {
        await this.applyInTransaction(ctx.topic, items);
        return 'done';
      } catch (err) {
        failure = err;
      }
      const kind = classifyFailure(failure);
      const action = failureAction(kind);
      if (action === 'retry-with-backoff' || action === 'pause-and-probe') {
        if (attempt < this.retry.maxAttempts) {
          this.options.metrics?.retried.inc({ topic: ctx.topic });
          await this.sleepActive(ctx, backoffDelay(this.retry, attempt));
          if (!ctx.isActive()) return 'aborted';
          continue;
        }
        if (action === 'pause-and-probe') {
          this.logger.warn('database unavailable, pausing consumption', { topic: ctx.topic, error: errorMessage(failure) });
          if (!(await this.waitForDatabase(ctx))) return 'aborted';
          attempt = 0;
          continue;
        }
      }
      // A handler error (or transient retries exhausted): find the message(s) responsible.
      if (items.length > 1) {
        this.logger.warn('batch failed, isolating per message', { topic: ctx.topic, partition: ctx.partition, size: items.length, error: errorMessage(failure) });
        for (const item of items) {
          if ((await this.applyWithPolicy(ctx, [item])) === 'aborted') return 'aborted';
        }
        return 'done';
      }
      const reason = handlerFailureReason(kind, failure);
      this.logger.error('dead-lettering message', { topic: ctx.topic, offset: items[0].raw.offset, code: reason.code, error: reason.message });
      await this.deadLetter(ctx, [{ raw: items[0].raw, reason }], attempt);
      return 'done';
    }
  }

  private async applyInTransaction(topic: string, items: Item[]): Promise<void> {
    const handlers = this.handlersByTopic.get(topic) ?? [];
    let fresh = 0;
    await this.dataSource.transaction(async (tx) => {
      // Claiming the ids first makes a concurrent duplicate (e.g. the previous owner of a
      // partition still finishing) wait on our row lock, then skip: one effect per event.
      const claimed: Array<{ event_id: string }> = await tx.query(
        `INSERT INTO ${this.t.inbox} (consumer_group, event_id)
         SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, items.map((i) => inboxKey(i.event))],
      );
      const claimedKeys = new Set(claimed.map((c) => c.event_id));
      const events = items.filter((i) => claimedKeys.has(inboxKey(i.event))).map((i) => i.event);
      fresh = events.length;
      for (const h of handlers) {
        const mine = h.types ? events.filter((e) => h.types?.includes(e.type)) : events;
        if (mine.length > 0) await h.handle(mine, tx);
      }
    });
    this.options.metrics?.processed.inc({ topic }, fresh);
    if (items.length > fresh) this.options.metrics?.duplicates.inc({ topic }, items.length - fresh);
  }

  /** Publishes to `<topic>.dlq` and waits for the broker's ack; keeps retrying while the consumer is active. */
  private async deadLetter(ctx: BatchContext, items: Array<{ raw: KafkaMessage; reason: DeadLetterReason }>, attempts: number): Promise<void> {
    const messages = items.map((i) =>
      deadLetterMessage({ topic: ctx.topic, partition: ctx.partition, message: i.raw }, this.options.groupId, i.reason, attempts, new Date()),
    );
    for (let attempt = 1; ; attempt++) {
      const producer = this.producer;
      if (!producer) throw new Aborted();
      try {
        await sendAcknowledged(producer, [{ topic: deadLetterTopic(ctx.topic), messages }]);
        for (const i of items) this.options.metrics?.deadLettered.inc({ topic: ctx.topic, reason: i.reason.code });
        return;
      } catch (err) {
        this.logger.warn('dead-letter publish failed, retrying', { topic: ctx.topic, error: errorMessage(err) });
        if (producerStateLost(err)) await this.replaceProducer(producer);
        await this.sleepActive(ctx, backoffDelay({ ...this.retry, maxDelayMs: 10_000 }, attempt));
        if (!ctx.isActive()) throw new Aborted();
      }
    }
  }

  /**
   * A new dead-letter producer after the broker refused the old one's
   * idempotence state (see producerStateLost). Partitions processed in
   * parallel share the producer: one replacement at a time, and the old one is
   * kept until the new one is connected (a failed connect is retried on the
   * next refused send).
   */
  private replaceProducer(broken: Producer): Promise<void> {
    if (!this.replacingProducer && this.producer === broken) {
      this.replacingProducer = (async () => {
        this.logger.warn('dead-letter producer replaced (idempotence state lost)', {});
        const next = createIdempotentProducer(this.kafka);
        await next.connect();
        if (this.producer !== broken) {
          await next.disconnect(); // stopped meanwhile
          return;
        }
        this.producer = next;
        await broken.disconnect().catch(() => undefined);
      })()
        .catch((err: unknown) => this.logger.warn('dead-letter producer replacement failed', { error: errorMessage(err) }))
        .finally(() => {
          this.replacingProducer = undefined;
        });
    }
    return this.replacingProducer ?? Promise.resolve();
  }

  /** Pauses this topic, probes the database with backoff (one prober for all partitions), resumes. False if the consumer stopped meanwhile. */
  private async waitForDatabase(ctx: BatchContext): Promise<boolean> {
    this.pause(ctx.topic);
    if (!this.outage) {
      this.outage = this.probeUntilUp().finally(() => {
        this.outage = undefined;
        for (const topic of [...this.pausedTopics]) this.resume(topic);
      });
    }
    const outage = this.outage;
    let up = false;
    void outage.then(() => {
      up = true;
    });
    while (!up) {
      await Promise.race([outage, delay(this.heartbeatInterval)]);
      if (up) break;
      if (!ctx.isActive()) return false;
      await ctx.heartbeat();
    }
    return ctx.isActive();
  }

  private async probeUntilUp(): Promise<void> {
    const policy: RetryPolicy = {
      ...this.retry,
      initialDelayMs: this.options.databaseProbe?.initialDelayMs ?? 250,
      maxDelayMs: this.options.databaseProbe?.maxDelayMs ?? 5_000,
    };
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.dataSource.query('SELECT 1');
        this.logger.log('database reachable again, resuming', {});
        return;
      } catch (err) {
        if (classifyFailure(err) !== 'database-unavailable') this.logger.warn('database probe failed', { error: errorMessage(err) });
        await delay(backoffDelay(policy, attempt));
      }
    }
  }

  private pause(topic: string): void {
    if (this.pausedTopics.has(topic)) return;
    this.pausedTopics.add(topic);
    this.consumer?.pause([{ topic }]);
    this.options.metrics?.paused.set({ topic }, 1);
  }

  private resume(topic: string): void {
    if (!this.pausedTopics.delete(topic)) return;
    this.consumer?.resume([{ topic }]);
    this.options.metrics?.paused.set({ topic }, 0);
  }

  private async sleepActive(ctx: BatchContext, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && ctx.isActive()) {
      await delay(Math.min(this.heartbeatInterval, until - Date.now()));
      await ctx.heartbeat();
    }
  }
}

/**
 * Why a handler's message is dead-lettered. A domain exception's own code
 * (`UNAUTHENTICATED_SUBMISSION`, ...) and field paths are kept, so ops see the
 * rule that refused it; anything else is `HANDLER_ERROR`, and a transient
 * failure that outlived its retries is `RETRIES_EXHAUSTED`.
 */
export function handlerFailureReason(kind: FailureKind, failure: unknown): { code: string; message: string; errors: { path: string; message: string }[] } {
  const message = errorMessage(failure);
  if (kind === 'transient') return { code: 'RETRIES_EXHAUSTED', message, errors: [] };
  if (isServiceException(failure)) return { code: failure.code, message: `${failure.name}: ${serviceFailureReason(failure)}`, errors: [...failure.errors] };
  const own = (failure as { code?: unknown } | null)?.code;
  if (typeof own !== 'string' || !/^[A-Z][A-Z0-9_]{2,63}$/.test(own)) return { code: 'HANDLER_ERROR', message, errors: [] };
  return { code: own, message, errors: [...DecodeFailure.from(failure).errors] };
}
