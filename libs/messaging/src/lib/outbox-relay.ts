// Publishes committed outbox rows to Kafka. Wakes on the outbox trigger's
// NOTIFY (low latency) and on a slow safety poll (a missed notification costs
// at most one poll interval). Several relays may run against one schema: rows
// are claimed with FOR UPDATE SKIP LOCKED, and a row is held back while an
// earlier unpublished row of the same topic+key is claimed by another relay,
// so per-key order survives scale-out.
import { Client, type PoolClient, type QueryResult } from 'pg';
import type { Kafka, Message, Producer } from 'kafkajs';
import { createIdempotentProducer, producerStateLost, sendAcknowledged } from './idempotent-producer';
import type { DataSource, QueryRunner } from 'typeorm';
import { messagingTables, type MessagingTables } from './sql';
import type { MessagingMetrics, OutboxBacklog } from './messaging.metrics';
import { pgClientConfig } from './pg-connection';
import { consoleLogger, delay, Wakeup, type MessagingLogger } from './util';
import { backoffDelay, DEFAULT_RETRY_POLICY, errorMessage } from './failure-policy';


export interface OutboxRelayOptions {
  schema: string;
  /** Rows claimed and published per transaction. */
  batchSize?: number;
  /** Safety poll when no NOTIFY arrives. */
  pollIntervalMs?: number;
  /** Published rows are deleted after this long. */
  retentionMs?: number;
  pruneIntervalMs?: number;
  /** LISTEN for the outbox trigger's NOTIFY (default true). */
  listen?: boolean;
  /** Test seam: runs after rows are claimed, before they are sent. */
  beforePublish?: (rows: ReadonlyArray<{ id: string; topic: string }>) => void | Promise<void>;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
}

interface ClaimedRow {
  id: string;
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string> | null;
  /** An earlier unpublished row of the same topic+key is claimed by another relay: publish this one later. */
  held: boolean;
}

/**
 * Claim and ordering guard in one statement: lock up to `limit` unpublished
 * rows in id order (rows another relay holds are skipped), and flag each
 * claimed row that has an earlier unpublished row of its topic+key outside
 * this claim (so held by another relay) as held back.
 */
function claimStatement(outbox: string, limit: number): string {
  return `WITH claimed AS MATERIALIZED (
            SELECT o.id, o.topic, o.key, o.value, o.headers FROM ${outbox} o
             WHERE o.published_at IS NULL ORDER BY o.id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          SELECT c.id::text AS id, c.topic, c.key, c.value, c.headers,
                 (c.key IS NOT NULL AND EXISTS (
                   SELECT 1 FROM ${outbox} p
                    WHERE p.published_at IS NULL AND p.topic = c.topic AND p.key = c.key
                      AND p.id < c.id AND p.id NOT IN (SELECT id FROM claimed))) AS held
            FROM claimed c ORDER BY c.id`; // c.id, not the text alias: "10" < "2"
}

function digits(id: string): string {
  if (!/^[0-9]+$/.test(id)) throw new Error(`outbox row id is not a number: ${id}`);
  return id;
}

export class OutboxRelay {
  private readonly t: MessagingTables;
  private readonly batchSize: number;
  private readonly claimSql: string;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly pruneIntervalMs: number;
  private readonly logger: MessagingLogger;
  private producer: Producer | undefined;
  private listener: Client | undefined;
  private running = false;
  private producerNeedsReset = false;
  private loopDone: Promise<void> | undefined;
  private readonly wakeup = new Wakeup();
  private lastPrune = 0;
  private unregisterBacklog: (() => void) | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.t = messagingTables(options.schema);
    this.batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new Error(`outbox relay batchSize must be a positive integer, got ${this.batchSize}`);
    this.claimSql = claimStatement(this.t.outbox, this.batchSize);
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.retentionMs = options.retentionMs ?? 24 * 3600_000;
    this.pruneIntervalMs = options.pruneIntervalMs ?? 60_000;
    this.logger = options.logger ?? consoleLogger;
  }

  /** See producerStateLost. */
  static needsNewProducer(err: unknown): boolean {
    return producerStateLost(err);
  }

  /** Idempotent producer (acks=all, one request in flight) whose sends are checked partition by partition. */
  static createProducer(kafka: Kafka): Producer {
    return createIdempotentProducer(kafka);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.producer = OutboxRelay.createProducer(this.kafka);
    await this.producer.connect();
    this.running = true;
    this.unregisterBacklog = this.options.metrics?.addBacklogSource(this.options.schema, () => this.backlog());
    if (this.options.listen !== false) {
      try {
        await this.connectListener();
      } catch (err) {
        // The safety poll covers us until LISTEN is back.
        this.logger.warn('outbox LISTEN failed, retrying in background', { error: errorMessage(err) });
        void this.reconnectListener();
      }
    }
    this.wakeup.signal();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeup.signal();
    await this.loopDone;
    this.unregisterBacklog?.();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /** Wake the relay now (e.g. right after a local commit when LISTEN is off). */
  notify(): void {
    this.wakeup.signal();
  }

  async backlog(): Promise<OutboxBacklog> {
    const rows: Array<{ count: string; age: string | null }> = await this.dataSource.query(
      `SELECT count(*)::text AS count, extract(epoch FROM now() - min(created_at))::text AS age
         FROM ${this.t.outbox} WHERE published_at IS NULL`,
    );
    return { count: Number(rows[0]?.count ?? 0), oldestAgeSeconds: Number(rows[0]?.age ?? 0) };
  }

  /**
   * Claims, publishes and marks one batch. Returns rows claimed and rows held back for ordering.
   *
   * Two Postgres round trips per batch (it is on the latency path of every
   * event): "BEGIN; claim" and "mark; COMMIT", each one simple-protocol
   * query. Simple protocol has no bind parameters, so the only values written
   * into the SQL are the batch size (an integer checked in the constructor)
   * and row ids read back from the bigint column (checked to be digits).
   */
  async publishBatch(): Promise<{ claimed: number; published: number; heldBack: number }> {
    const producer = this.producer;
    if (!producer) throw new Error('OutboxRelay not started');
    const qr: QueryRunner = this.dataSource.createQueryRunner();
    const db = (await qr.connect()) as PoolClient;
    try {
      const [, claim] = (await db.query(`BEGIN; ${this.claimSql}`)) as unknown as [QueryResult, QueryResult<ClaimedRow>];
      const rows = claim.rows;
      const publishable = rows.filter((r) => !r.held);
      if (publishable.length > 0) {
        await this.options.beforePublish?.(publishable);
        const byTopic = new Map<string, Message[]>();
        for (const r of publishable) {
          const list = byTopic.get(r.topic) ?? [];
          list.push({ key: r.key, value: r.value, headers: r.headers ?? {} });
          byTopic.set(r.topic, list);
        }
        // Rows are marked published only when every partition written to acknowledged.
        await sendAcknowledged(producer, [...byTopic].map(([topic, messages]) => ({ topic, messages })));
        await db.query(`UPDATE ${this.t.outbox} SET published_at = now() WHERE id = ANY('{${publishable.map((r) => digits(r.id)).join(',')}}'::bigint[]); COMMIT`);
      } else {
        await db.query('COMMIT');
      }
      for (const [topic, n] of countBy(publishable.map((r) => r.topic))) this.options.metrics?.published.inc({ topic }, n);
      return { claimed: rows.length, published: publishable.length, heldBack: rows.length - publishable.length };
    } catch (err) {
      // Also after a failed "BEGIN; claim": the transaction may be open and aborted.
      await db.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }

  /** Deletes published rows older than the retention, in bounded chunks. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const res: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM ${this.t.outbox} WHERE id IN (
           SELECT id FROM ${this.t.outbox}
            WHERE published_at IS NOT NULL AND published_at < now() - ($1::bigint * interval '1 millisecond')
            LIMIT 5000)`,
        [this.retentionMs],
      );
      const n = Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
      total += n;
      if (n < 5000) return total;
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (this.producerNeedsReset) await this.resetProducer();
        let quickRecheck = false;
        for (;;) {
          const r = await this.publishBatch();
          if (r.heldBack > 0) quickRecheck = true;
          if (!this.running || r.claimed < this.batchSize) break;
        }
        if (Date.now() - this.lastPrune > this.pruneIntervalMs) {
          this.lastPrune = Date.now();
          await this.prune();
        }
        failures = 0;
        if (!this.running) break;
        await this.wakeup.wait(quickRecheck ? 50 : this.pollIntervalMs);
      } catch (err) {
        failures++;
        // The rows stay unpublished (the transaction rolled back); the new
        // producer re-sends them, so records the old one did write appear twice
        // on the topic with the same event id, which consumers' inboxes drop.
        if (OutboxRelay.needsNewProducer(err)) this.producerNeedsReset = true;
        const wait = backoffDelay({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 10_000 }, failures);
        this.logger.warn('outbox relay failed, retrying', { schema: this.options.schema, error: errorMessage(err), waitMs: wait });
        await this.wakeup.wait(wait);
      }
    }
  }

  private async resetProducer(): Promise<void> {
    const old = this.producer;
    this.logger.warn('outbox relay replaces its Kafka producer (idempotence state lost)', { schema: this.options.schema });
    await old?.disconnect().catch(() => undefined);
    const next = OutboxRelay.createProducer(this.kafka);
    this.producer = next;
    await next.connect();
    this.producerNeedsReset = false;
  }

  private async connectListener(): Promise<void> {
    const client = new Client(pgClientConfig(this.dataSource));
    const reconnect = (): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.removeAllListeners();
      client.end().catch(() => undefined);
      void this.reconnectListener();
    };
    client.on('notification', () => this.wakeup.signal());
    client.on('error', reconnect);
    client.on('end', reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN "${this.t.notifyChannel}"`);
      this.listener = client;
      // Anything committed while we were not listening is picked up now.
      this.wakeup.signal();
    } catch (err) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw err;
    }
  }

  private async reconnectListener(): Promise<void> {
    for (let attempt = 1; this.running && !this.listener; attempt++) {
      await delay(backoffDelay({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 10_000 }, attempt));
      if (!this.running) return;
      try {
        await this.connectListener();
      } catch (err) {
        this.logger.warn('outbox LISTEN reconnect failed', { error: errorMessage(err) });
      }
    }
  }
}

function countBy(xs: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}
