// Publishes committed outbox rows to Kafka. Wakes on the outbox trigger's
// NOTIFY (low latency) and on a slow safety poll (a missed notification costs
// at most one poll interval). Several relays may run against one schema: rows
// are claimed with FOR UPDATE SKIP LOCKED, and a row is held back while an
// earlier unpublished row of the same topic+key is claimed by another relay,
// so per-key order survives scale-out. A published row is deleted in the
// transaction that claimed it, so nothing needs pruning later. Claims start
// at a scan cursor past the rows already published (see ScanCursor). A busy
// relay lingers between claims so each carries several events (relay-linger.ts).
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { backoffDelay, DEFAULT_RETRY_POLICY, errorMessage } from '../failure-policy';
import { createIdempotentProducer, producerStateLost } from '../idempotent-producer';
import type { MessagingMetrics, OutboxBacklog } from '../messaging.metrics';
import { messagingTables, type MessagingTables } from '../sql';
import { consoleLogger, Wakeup, type MessagingLogger } from '../util';
import { claimStatement, publishOutboxBatch, type OutboxBatchResult } from './outbox-batch';
import { OutboxListener } from './outbox-listener';
import { checkLingerMs, DEFAULT_RELAY_LINGER_MS, lingerDelay } from './relay-linger';
import { wakeInProcess } from './in-process-wakeup';
import { ScanCursor } from './scan-cursor';

export interface OutboxRelayOptions {
  schema: string;
  /** Rows claimed and published per transaction. */
  batchSize?: number;
  /** Safety poll when no NOTIFY arrives. */
  pollIntervalMs?: number;
  /** LISTEN for the outbox trigger's NOTIFY (default true). */
  listen?: boolean;
  /** How often a claim scans from the first row instead of the cursor (rows a dead relay left behind). Default 30 s. */
  fullScanIntervalMs?: number;
  /**
   * After a claim that published rows, the next claim starts this long after
   * that one started (wake-ups meanwhile wait for it); a relay that published
   * nothing for this long claims at once. 0: every wake-up claims at once.
   * Default DEFAULT_RELAY_LINGER_MS.
   */
  lingerMs?: number;
  /** Test seam: runs after rows are claimed, before they are sent. */
  beforePublish?: (rows: ReadonlyArray<{ id: string; topic: string }>) => void | Promise<void>;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
}

export class OutboxRelay {
  private readonly t: MessagingTables;
  private readonly batchSize: number;
  private readonly cursor: ScanCursor;
  private readonly pollIntervalMs: number;
  private readonly lingerMs: number;
  /** performance.now() when the last claim that published rows started. */
  private lastBusyClaimAt: number | undefined;
  private lingeringNow = false;
  private readonly logger: MessagingLogger;
  private readonly wakeup = new Wakeup();
  private readonly listener: OutboxListener | undefined;
  private producer: Producer | undefined;
  private running = false;
  private producerNeedsReset = false;
  private loopDone: Promise<void> | undefined;
  private unregisterBacklog: (() => void) | undefined;
  private stopWakingInProcess: (() => void) | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.t = messagingTables(options.schema);
    this.batchSize = options.batchSize ?? 500;
    claimStatement(this.t.outbox, this.batchSize); // checks batchSize now, not at the first claim
    this.cursor = new ScanCursor(this.batchSize, options.fullScanIntervalMs ?? 30_000);
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.lingerMs = checkLingerMs(options.lingerMs ?? DEFAULT_RELAY_LINGER_MS);
    this.logger = options.logger ?? consoleLogger;
    if (options.listen !== false) this.listener = new OutboxListener(dataSource, this.t.notifyChannel, () => this.wakeup.signal(), this.logger);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.producer = createIdempotentProducer(this.kafka);
    await this.producer.connect();
    this.running = true;
    this.unregisterBacklog = this.options.metrics?.addBacklogSource(this.options.schema, () => this.backlog());
    await this.listener?.start();
    if (this.listener) this.stopWakingInProcess = wakeInProcess(this.dataSource, () => this.wakeup.signal());
    this.wakeup.signal();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeup.signal();
    await this.loopDone;
    this.unregisterBacklog?.();
    this.stopWakingInProcess?.();
    this.stopWakingInProcess = undefined;
    await this.listener?.stop();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  async backlog(): Promise<OutboxBacklog> {
    // Every row is unpublished; the oldest is the first by id.
    const rows: Array<{ count: string; age: string | null; parked: string }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM ${this.t.outbox})::text AS count,
              (SELECT extract(epoch FROM now() - created_at) FROM ${this.t.outbox} ORDER BY id LIMIT 1)::text AS age,
              (SELECT count(*) FROM ${this.t.parked})::text AS parked`,
    );
    return { count: Number(rows[0]?.count ?? 0), oldestAgeSeconds: Number(rows[0]?.age ?? 0), parked: Number(rows[0]?.parked ?? 0) };
  }

  /** Claims, publishes and deletes one batch. Returns rows claimed, published and held back for ordering. */
  async publishBatch(): Promise<OutboxBatchResult> {
    const producer = this.producer;
    if (!producer) throw new Error('OutboxRelay not started');
    const from = this.cursor.next();
    const r = await publishOutboxBatch(this.dataSource, producer, {
      claimSql: claimStatement(this.t.outbox, this.batchSize, from),
      parkedTable: this.t.parked,
      replaceProducer: () => this.replaceProducer('a send was refused as too large: which partitions it wrote is unknown'),
      beforePublish: this.options.beforePublish,
      metrics: this.options.metrics,
    });
    this.cursor.committed(from, r);
    // Once per row: the park committed with the batch.
    for (const p of r.parked) {
      this.logger.error('outbox relay parked an event Kafka refuses as too large; later events go on (see docs/messaging.md)', {
        schema: this.options.schema,
        table: `${this.options.schema}.outbox_parked`,
        outboxId: p.id,
        topic: p.topic,
        key: p.key,
        bytes: p.bytes,
        reason: p.reason,
      });
    }
    return r;
  }

  /** The id the relay's claims start at, unless a full scan is due (diagnostics and tests). */
  get scanCursor(): bigint {
    return this.cursor.position;
  }

  /** True while the relay, woken, waits out its linger before the next claim (diagnostics and tests). */
  get lingering(): boolean {
    return this.lingeringNow;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (this.producerNeedsReset) await this.resetProducer();
        let quickRecheck = false;
        for (;;) {
          const startedAt = performance.now();
          const r = await this.publishBatch();
          if (r.published > 0) this.lastBusyClaimAt = startedAt;
          if (r.heldBack > 0) quickRecheck = true;
          // A full claim goes on at once: the rows are there already.
          if (!this.running || r.claimed < this.batchSize) break;
        }
        failures = 0;
        if (!this.running) break;
        await this.wakeup.wait(quickRecheck ? 50 : this.pollIntervalMs);
        await this.linger();
      } catch (err) {
        failures++;
        // The rows stay unpublished (the transaction rolled back); the new
        // producer re-sends them, so records the old one did write appear twice
        // on the topic with the same event id, which consumers' inboxes drop.
        if (producerStateLost(err)) this.producerNeedsReset = true;
        const wait = backoffDelay({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 10_000 }, failures);
        this.logger.warn('outbox relay failed, retrying', { schema: this.options.schema, error: errorMessage(err), waitMs: wait });
        await this.wakeup.wait(wait);
      }
    }
  }

  /**
   * Waits until the next claim may start (lingerDelay). A wake-up meanwhile
   * ends one wait, and the rest is waited out: the claim that follows takes
   * the row it announced. stop() ends it (running is false then).
   */
  private async linger(): Promise<void> {
    try {
      for (;;) {
        const wait = lingerDelay(performance.now(), this.lastBusyClaimAt, this.lingerMs);
        if (wait <= 0 || !this.running) return;
        this.lingeringNow = true;
        await this.wakeup.wait(wait);
      }
    } finally {
      this.lingeringNow = false;
    }
  }

  private async resetProducer(): Promise<void> {
    await this.replaceProducer('idempotence state lost');
  }

  private async replaceProducer(why: string): Promise<Producer> {
    const old = this.producer;
    // Until the new one is connected: if that fails, the loop tries again before its next claim.
    this.producerNeedsReset = true;
    this.logger.warn(`outbox relay replaces its Kafka producer (${why})`, { schema: this.options.schema });
    await old?.disconnect().catch(() => undefined);
    const next = createIdempotentProducer(this.kafka);
    this.producer = next;
    await next.connect();
    this.producerNeedsReset = false;
    return next;
  }
}
