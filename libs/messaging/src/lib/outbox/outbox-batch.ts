// One relay step: claim a batch of committed outbox rows, hold back any row
// whose earlier same-key row another relay still holds (per-key order), send
// the rest with every partition acknowledged, and mark them published, all in
// one transaction so a failed send leaves the rows for the next attempt.
// Pruning of published rows lives here too.
import type { Message, Producer } from 'kafkajs';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { sendAcknowledged } from '../idempotent-producer';
import type { MessagingMetrics } from '../messaging.metrics';
import type { MessagingTables } from '../sql';

export interface OutboxBatchResult {
  claimed: number;
  published: number;
  heldBack: number;
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
export function claimStatement(outbox: string, limit: number): string {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`outbox relay batchSize must be a positive integer, got ${limit}`);
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

/**
 * Two Postgres round trips per batch (it is on the latency path of every
 * event): "BEGIN; claim" and "mark; COMMIT", each one simple-protocol query.
 * Simple protocol has no bind parameters, so the only values written into the
 * SQL are the batch size (an integer checked in claimStatement) and row ids
 * read back from the bigint column (checked to be digits).
 */
export async function publishOutboxBatch(
  dataSource: DataSource,
  tables: MessagingTables,
  producer: Producer,
  options: {
    /** claimStatement(tables.outbox, batchSize), built once by the relay. */
    claimSql: string;
    beforePublish?: (rows: ReadonlyArray<{ id: string; topic: string }>) => void | Promise<void>;
    metrics?: MessagingMetrics;
  },
): Promise<OutboxBatchResult> {
  const qr = dataSource.createQueryRunner();
  const db = (await qr.connect()) as PoolClient;
  try {
    const [, claim] = (await db.query(`BEGIN; ${options.claimSql}`)) as unknown as [QueryResult, QueryResult<ClaimedRow>];
    const rows = claim.rows;
    const publishable = rows.filter((r) => !r.held);
    if (publishable.length > 0) {
      await options.beforePublish?.(publishable);
      // Rows are marked published only when every partition written to acknowledged.
      await sendAcknowledged(producer, [...groupByTopic(publishable)].map(([topic, messages]) => ({ topic, messages })));
      await db.query(`UPDATE ${tables.outbox} SET published_at = now() WHERE id = ANY('{${publishable.map((r) => digits(r.id)).join(',')}}'::bigint[]); COMMIT`);
    } else {
      await db.query('COMMIT');
    }
    for (const [topic, messages] of groupByTopic(publishable)) options.metrics?.published.inc({ topic }, messages.length);
    return { claimed: rows.length, published: publishable.length, heldBack: rows.length - publishable.length };
  } catch (err) {
    // Also after a failed "BEGIN; claim": the transaction may be open and aborted.
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await qr.release();
  }
}

function groupByTopic(rows: readonly ClaimedRow[]): Map<string, Message[]> {
  const byTopic = new Map<string, Message[]>();
  for (const r of rows) {
    const list = byTopic.get(r.topic) ?? [];
    list.push({ key: r.key, value: r.value, headers: r.headers ?? {} });
    byTopic.set(r.topic, list);
  }
  return byTopic;
}

/** Deletes published rows older than the retention, in bounded chunks; returns how many. */
export async function pruneOutbox(dataSource: DataSource, tables: MessagingTables, retentionMs: number): Promise<number> {
  let total = 0;
  for (;;) {
    const res: [unknown[], number] = await dataSource.query(
      `DELETE FROM ${tables.outbox} WHERE id IN (
         SELECT id FROM ${tables.outbox}
          WHERE published_at IS NOT NULL AND published_at < now() - ($1::bigint * interval '1 millisecond')
          LIMIT 5000)`,
      [retentionMs],
    );
    const n = Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
    total += n;
    if (n < 5000) return total;
  }
}
