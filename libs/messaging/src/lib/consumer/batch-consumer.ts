// The batch transport: one kafkajs consumer per group, eachBatch with manual
// offset resolution. A partition's messages are processed in offset order in
// chunks; a chunk commits in one Postgres transaction holding the inbox claims,
// the handlers' effects and their outbox rows, shared with the chunks other
// partitions (and topics) of the consumer hand in at the same time
// (chunk-group.ts). Offsets are resolved only after that transaction (and any
// dead-letter publish) is durable.
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { messagingTables } from '../sql';
import type { ConsumedEvent, DecodeFn } from '../types';
import { DEFAULT_RETRY_POLICY, errorMessage, type RetryPolicy } from '../failure-policy';
import type { MessagingMetrics } from '../messaging.metrics';
import { consoleLogger, type MessagingLogger } from '../util';
import { ChunkApplier, type Outcome } from './chunk-applier';
import { decodeChunk, type DecodedItem } from './chunk-decoder';
import { DatabaseOutage } from './database-outage';
import { Aborted, DeadLetterPublisher } from './dead-letter-publisher';
import { HandlerTable, type EventHandlerRegistration } from './handler-table';
import { ChunkGroupCommit, type ChunkOfPartition } from './chunk-group';
import { applyInInboxTransaction, applyInOneTransaction, type AppliedCounts, type TopicShare } from './inbox-transaction';
import { takeOverOffsets, type OffsetTakeOver } from './offset-take-over';
import { PartitionBatch } from './partition-batch';
import { OffsetCommits } from './offset-commits';
import { copyFetchedRecordBatches, releaseFetchedRecords } from '../kafka-fetch-buffers';
import { FetchLinger } from './fetch-linger';

export interface BatchConsumerOptions {
  groupId: string;
  /** The group the inbox records applied events under; default groupId. */
  inboxGroup?: string;
  /** Postgres schema holding `inbox` (and `outbox`). */
  schema: string;
  handlers: readonly EventHandlerRegistration[];
  decode: DecodeFn;
  /** Partitions processed in parallel (each in offset order); their chunks handed in together share a transaction. Default 3. */
  partitionsConsumedConcurrently?: number;
  /** Topics new to this group that start where another group had committed (offset-take-over.ts). */
  takeOver?: readonly OffsetTakeOver[];
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
  /**
   * Fetch: the broker answers once it holds this many bytes for the member
   * (or `maxWaitTimeInMs` passed). kafkajs' default, 1, answers as soon as
   * anything is there: least latency, smallest batches. A consumer that is
   * not latency-critical (a read model) can trade up to `maxWaitTimeInMs` of
   * delay for batches several times larger.
   */
  minBytes?: number;
  /** Fetch: the longest the broker holds a fetch waiting for `minBytes` (kafkajs default 5000). */
  maxWaitTimeInMs?: number;
  /** Most bytes of one fetch over all partitions (kafkajs decodes a whole fetch at once); default kafkajs' 10 MB. */
  maxBytes?: number;
  /** Offsets are committed at most this often while events flow, and this long after the last batch (ms). Default 1000. */
  autoCommitInterval?: number;
  /**
   * After a fetch that brought more than one event, the next fetch starts no
   * sooner than this many ms after that one was handed in (fetch-linger.ts):
   * fewer, larger wake-ups while events flow, none added when they come one
   * at a time. Default 0 (fetch again at once).
   */
  fetchLingerMs?: number;
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
}

export class BatchConsumer {
  private readonly chunkSize: number;
  private readonly heartbeatInterval: number;
  private readonly logger: MessagingLogger;
  private readonly handlers: HandlerTable;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly outage: DatabaseOutage;
  private readonly applier: ChunkApplier;
  private readonly group: ChunkGroupCommit;
  private readonly offsets: OffsetCommits;
  private readonly linger: FetchLinger;
  private consumer: Consumer | undefined;
  private stopping = false;
  private lingeringBatches = 0;

  constructor(
    private readonly kafka: Kafka,
    dataSource: DataSource,
    private readonly options: BatchConsumerOptions,
  ) {
    const tables = messagingTables(options.schema);
    const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.chunkSize = options.maxChunkSize ?? 500;
    this.heartbeatInterval = options.heartbeatInterval ?? 3_000;
    this.logger = options.logger ?? consoleLogger;
    this.offsets = new OffsetCommits(options.autoCommitInterval ?? 1_000, this.logger, options.groupId);
    this.handlers = new HandlerTable(options.handlers);
    this.linger = new FetchLinger(options.fetchLingerMs ?? 0);
    this.deadLetters = new DeadLetterPublisher(kafka, options.groupId, retry, this.logger, options.metrics);
    const probePolicy: RetryPolicy = {
      ...retry,
      initialDelayMs: options.databaseProbe?.initialDelayMs ?? 250,
      maxDelayMs: options.databaseProbe?.maxDelayMs ?? 5_000,
    };
    this.outage = new DatabaseOutage(dataSource, () => this.consumer, probePolicy, this.heartbeatInterval, () => this.stopping, this.logger, options.metrics);
    const inboxGroup = options.inboxGroup ?? options.groupId;
    this.applier = new ChunkApplier(
      async (topic, items) => {
        if (this.handlers.usesTransaction(topic)) options.metrics?.transactions.inc({ group: options.groupId, chunks: 'one' });
        const fresh = await applyInInboxTransaction(dataSource, tables, inboxGroup, this.handlers, topic, items.map((i) => i.event));
        options.metrics?.processed.inc({ topic }, fresh);
        if (items.length > fresh) options.metrics?.duplicates.inc({ topic }, items.length - fresh);
      },
      this.deadLetters,
      this.outage,
      retry,
      this.logger,
      options.metrics,
    );
    this.group = new ChunkGroupCommit(
      async (chunks) => {
        options.metrics?.transactions.inc({ group: options.groupId, chunks: chunks.length > 1 ? 'group' : 'one' });
        countApplied(await applyInOneTransaction(dataSource, tables, inboxGroup, this.handlers, sharesByTopic(chunks)), options.metrics);
      },
      this.chunkSize,
      (size, failure) => this.logger.warn('group transaction failed, applying each partition\'s chunk alone', { chunks: size, error: errorMessage(failure) }),
    );
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get topics(): string[] {
    return this.handlers.topics;
  }

  get isPaused(): boolean {
    return this.outage.isPaused;
  }

  /** True while a batch holds the next fetch back (fetchLingerMs; diagnostics and tests). */
  get lingering(): boolean {
    return this.lingeringBatches > 0;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    if (this.topics.length === 0) return;
    this.stopping = false;
    // Before the first fetch: records then hold copies of their record batch that onBatch frees when done.
    copyFetchedRecordBatches();
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeout ?? 30_000,
      heartbeatInterval: this.heartbeatInterval,
      maxBytesPerPartition: this.options.maxBytesPerPartition,
      // undefined keeps kafkajs' defaults
      ...(this.options.minBytes !== undefined ? { minBytes: this.options.minBytes } : {}),
      ...(this.options.maxWaitTimeInMs !== undefined ? { maxWaitTimeInMs: this.options.maxWaitTimeInMs } : {}),
      maxBytes: this.options.maxBytes,
      allowAutoTopicCreation: false,
    });
    await this.deadLetters.connect();
    await takeOverOffsets(this.kafka, this.options.groupId, this.options.takeOver ?? [], this.logger);
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    const groupId = this.options.groupId;
    consumer.on(consumer.events.COMMIT_OFFSETS, () => this.options.metrics?.offsetCommits.inc({ group: groupId }));
    if (this.linger.enabled) consumer.on(consumer.events.FETCH_START, () => this.linger.fetchStarted());
    this.consumer = consumer;
    await consumer.run({
      eachBatchAutoResolve: false,
      // kafkajs' autoCommit commits after every batch: offset-commits.ts does it once per interval.
      autoCommit: false,
      autoCommitInterval: this.options.autoCommitInterval ?? 1_000,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Stop fetching, let in-flight chunks finish and commit, then disconnect. */
  async stop(): Promise<void> {
    this.stopping = true;
    const consumer = this.consumer;
    this.consumer = undefined;
    const disconnectDeadLetters = this.deadLetters.close();
    // What earlier batches resolved, while this member still owns its partitions; a
    // batch still running commits its own at its end (onBatch, stopping).
    if (consumer) await this.offsets.flush();
    this.offsets.cancel();
    // kafkajs' disconnect stops the fetch loop and waits for the running eachBatch calls.
    await consumer?.disconnect();
    await disconnectDeadLetters();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, commitOffsetsIfNecessary } = payload;
    const partitionBatch = new PartitionBatch(payload, this.heartbeatInterval, () => this.stopping, this.logger);
    if (this.linger.enabled) this.linger.batchStarted(batch.messages.length, performance.now());
    let finished = true;
    for (let i = 0; i < batch.messages.length; i += this.chunkSize) {
      if (!partitionBatch.canContinue) {
        finished = false;
        break;
      }
      const chunk = batch.messages.slice(i, i + this.chunkSize);
      const outcome = await partitionBatch.withHeartbeats(() => this.processChunk(partitionBatch, chunk));
      if (outcome === 'aborted') {
        finished = false;
        break;
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      // Commits every resolved offset of the consumer once the interval has passed since the last commit.
      await commitOffsetsIfNecessary();
      this.offsets.resolved(() => commitOffsetsIfNecessary(payload.uncommittedOffsets()));
      await partitionBatch.heartbeat();
    }
    if (this.stopping) {
      // Shutdown: commit what is durable now rather than on the next interval.
      await commitOffsetsIfNecessary(payload.uncommittedOffsets()).catch(() => undefined);
    }
    // Every chunk is committed or dead-lettered, or left for kafkajs to fetch
    // again: nothing reads these bytes any more. Freed now, not at the next
    // full collection (kafka-fetch-buffers.ts). Not on a throw: kafkajs may
    // hand the same batch in again.
    const released = releaseFetchedRecords(batch.messages);
    if (released > 0) this.options.metrics?.fetchBytesReleased.inc({ topic: batch.topic }, released);
    // Committed and resolved: holding the next fetch back delays only events not fetched yet.
    const linger = finished && !this.stopping ? this.linger.delayAfterBatch(performance.now()) : 0;
    if (linger > 0) {
      this.options.metrics?.fetchLingers.inc({ group: this.options.groupId });
      this.lingeringBatches++;
      try {
        await partitionBatch.sleepActive(linger);
      } finally {
        this.lingeringBatches--;
      }
    }
  }

  private async processChunk(batch: PartitionBatch, chunk: KafkaMessage[]): Promise<Outcome> {
    const started = process.hrtime.bigint();
    const topic = batch.topic;
    this.options.metrics?.consumed.inc({ topic }, chunk.length);
    const decoded = decodeChunk(batch, chunk, this.handlers.decoder(topic, this.options.decode), this.handlers.expectedTypes(topic));
    try {
      if (decoded.invalid.length > 0) await this.deadLetters.publish(batch, decoded.invalid, 1);
      if (decoded.duplicatesInChunk > 0) this.options.metrics?.duplicates.inc({ topic }, decoded.duplicatesInChunk);
      const outcome = decoded.items.length > 0 ? await this.apply(batch, decoded.items) : 'done';
      this.options.metrics?.batchSeconds.observe({ topic }, Number(process.hrtime.bigint() - started) / 1e9);
      return outcome;
    } catch (err) {
      if (err instanceof Aborted) return 'aborted';
      throw err;
    }
  }

  /**
   * A chunk of a topic that runs in a transaction joins the group commit; if
   * its group failed it is applied alone (retries, outage pause, isolation).
   */
  private async apply(batch: PartitionBatch, items: DecodedItem[]): Promise<Outcome> {
    if (!this.handlers.usesTransaction(batch.topic)) return this.applier.apply(batch, items);
    const grouped = await this.group.submit({ batch, items });
    if (grouped.committed) return 'done';
    return this.applier.apply(batch, items, grouped.alone ? { failure: grouped.failure } : undefined);
  }
}

/** The chunks' events by topic (topics in order of first appearance), each topic's in the chunks' order: per partition, offset order. */
function sharesByTopic(chunks: readonly ChunkOfPartition[]): TopicShare[] {
  const byTopic = new Map<string, ConsumedEvent[]>();
  for (const c of chunks) {
    const events = byTopic.get(c.batch.topic) ?? [];
    for (const item of c.items) events.push(item.event);
    byTopic.set(c.batch.topic, events);
  }
  return [...byTopic].map(([topic, events]) => ({ topic, events }));
}

function countApplied(counts: AppliedCounts, metrics: MessagingMetrics | undefined): void {
  for (const [topic, { fresh, duplicates }] of counts) {
    metrics?.processed.inc({ topic }, fresh);
    if (duplicates > 0) metrics?.duplicates.inc({ topic }, duplicates);
  }
}
