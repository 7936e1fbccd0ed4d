// One relay step: claim a batch of committed outbox rows, hold back any row
// whose earlier same-key row another relay still holds (per-key order), and
// delete the rest, all in one statement; then send them with every partition
// acknowledged and commit. A failed send (or a relay that dies) rolls the
// delete back, so the rows stay for the next attempt. Published rows are not
// kept: the table holds only what is still to publish.
import type { Message, Producer } from 'kafkajs';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { sendAcknowledged } from '../idempotent-producer';
import type { MessagingMetrics } from '../messaging.metrics';

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
  /** An earlier row of the same topic+key is claimed by another relay: publish this one later (topic, key, value are null). */
  held: boolean;
}

/**
 * Claim, ordering guard and delete in one statement: lock up to `limit` rows
 * in id order (rows another relay holds are skipped), flag each claimed row
 * that has an earlier row of its topic+key outside this claim (so held by
 * another relay) as held back, and delete the others, returning them to send.
 * The delete commits only after Kafka acknowledged them.
 *
 * Every row in the table is unpublished, so the claim walks the primary key
 * and the guard probes (topic, key, id): no partial index, no update.
 */
export function claimStatement(outbox: string, limit: number): string {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`outbox relay batchSize must be a positive integer, got ${limit}`);
  return `WITH claimed AS MATERIALIZED (
            SELECT o.id, o.topic, o.key FROM ${outbox} o ORDER BY o.id LIMIT ${limit} FOR UPDATE SKIP LOCKED),
          held AS MATERIALIZED (
            SELECT c.id FROM claimed c
             WHERE c.key IS NOT NULL AND EXISTS (
               SELECT 1 FROM ${outbox} p
                WHERE p.topic = c.topic AND p.key = c.key AND p.id < c.id AND p.id NOT IN (SELECT id FROM claimed))),
          sent AS (
            DELETE FROM ${outbox} o USING claimed c
             WHERE o.id = c.id AND c.id NOT IN (SELECT id FROM held)
            RETURNING o.id, o.topic, o.key, o.value, o.headers)
          SELECT u.id::text AS id, u.topic, u.key, u.value, u.headers, u.held FROM (
            SELECT s.id, s.topic, s.key, s.value, s.headers, false AS held FROM sent s
            UNION ALL
            SELECT h.id, NULL, NULL, NULL, NULL, true FROM held h) u
           ORDER BY u.id`; // the bigint, not the text alias: "10" < "2"
}

/**
 * Two Postgres round trips per batch (it is on the latency path of every
 * event): "BEGIN; claim and delete" and "COMMIT", each one simple-protocol
 * query. Simple protocol has no bind parameters, so the only value written
 * into the SQL is the batch size (an integer checked in claimStatement).
 */
export async function publishOutboxBatch(
  dataSource: DataSource,
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
      // The delete commits only when every partition written to acknowledged.
      await sendAcknowledged(producer, [...groupByTopic(publishable)].map(([topic, messages]) => ({ topic, messages })));
    }
    await db.query('COMMIT');
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
