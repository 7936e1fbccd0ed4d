// One relay step: claim a batch of committed outbox rows, hold back any row
// whose earlier same-key row another relay still holds (per-key order), and
// delete the rest, all in one statement; then send them with every partition
// acknowledged and commit. A failed send (or a relay that dies) rolls the
// delete back, so the rows stay for the next attempt. Published rows are not
// kept: the table holds only what is still to publish.
import type { Message, Producer } from 'kafkajs';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { errorMessage } from '../failure-policy';
import { refusedAsTooLarge, sendAcknowledged } from '../idempotent-producer';
import type { MessagingMetrics } from '../messaging.metrics';

/**
 * Kafka refuses a partition's record batch over message.max.bytes (1 MiB by
 * default), and one partition can get most of a claim: rows left behind by
 * failed sends pile up on the partitions that failed. A claim of 500 rows of
 * 2.2 KB once put 1 MB on one partition, the send failed and was retried
 * forever (screening's relay, 8,583 rows stuck). So a claim is sent in parts of
 * at most this many bytes (whatever the spread, no partition gets more), in
 * id order, each acknowledged before the next.
 */
export const MAX_PRODUCE_BYTES = 512 * 1024;

/** Bytes a row adds to a produce request, near enough: key, value, headers and the record's framing. */
export function recordBytes(r: Pick<ClaimedRow, 'key' | 'value' | 'headers'>): number {
  let headers = 0;
  for (const [k, v] of Object.entries(r.headers ?? {})) headers += k.length + String(v).length + 8;
  return (r.key?.length ?? 0) + (r.value?.length ?? 0) + headers + 32;
}

/** Consecutive parts of `rows`, each of at most `maxBytes` (a single larger row is a part of its own). */
export function produceParts<T extends Pick<ClaimedRow, 'key' | 'value' | 'headers'>>(rows: readonly T[], maxBytes = MAX_PRODUCE_BYTES): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const r of rows) {
    const size = recordBytes(r);
    if (current.length > 0 && bytes + size > maxBytes) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
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
 * with id >= `fromId` in id order (rows another relay holds are skipped), flag
 * each claimed row that has an earlier row of its topic+key outside this claim
 * (so held by another relay) as held back, and delete the others, returning
 * them to send. The delete commits only after Kafka acknowledged them.
 *
 * Every row in the table is unpublished, so the claim walks the primary key
 * and the guard probes (topic, key, id): no partial index, no update. The
 * walk starts at `fromId` (the relay's scan cursor, see ScanCursor), so it
 * does not step over the index entries of rows deleted since the oldest open
 * snapshot, which no claim may mark dead yet. The guard probes every row of
 * the key, whatever the cursor, one index probe per claimed row: written as
 * a LATERAL subquery with LIMIT, which the planner cannot turn into a hash
 * semi join over a sequential scan of the whole table (dead rows included),
 * the plan it chose for EXISTS whenever it expected a full batch. Its id
 * comparison is written \`p.id + 0 < c.id\` so that the primary key cannot
 * serve it: with the table looking empty, the planner walked the primary key
 * over every id below the claimed one instead of probing (topic, key), in 191
 * of 209 slow claims of a quiet 20,000-candidate run (up to 765 ms and
 * 107,000 buffers for a 500-row claim). The delete
 * finds the claimed rows by ctid: they are locked, so it cannot change, and
 * that saves a primary key lookup per row.
 */
export function claimStatement(outbox: string, limit: number, fromId = 0n): string {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`outbox relay batchSize must be a positive integer, got ${limit}`);
  if (typeof fromId !== 'bigint' || fromId < 0n) throw new Error(`outbox claim cursor must be a non-negative bigint, got ${String(fromId)}`);
  return `WITH claimed AS MATERIALIZED (
            SELECT o.id, o.topic, o.key, o.ctid FROM ${outbox} o WHERE o.id >= ${fromId} ORDER BY o.id LIMIT ${limit} FOR UPDATE SKIP LOCKED),
          held AS MATERIALIZED (
            SELECT c.id FROM claimed c
             CROSS JOIN LATERAL (
               SELECT 1 FROM ${outbox} p
                WHERE p.topic = c.topic AND p.key = c.key AND p.id + 0 < c.id AND p.id NOT IN (SELECT id FROM claimed)
                LIMIT 1) earlier
             WHERE c.key IS NOT NULL),
          sent AS (
            DELETE FROM ${outbox} o USING claimed c
             WHERE o.ctid = c.ctid AND c.id NOT IN (SELECT id FROM held)
            RETURNING o.id, o.topic, o.key, o.value, o.headers)
          SELECT u.id::text AS id, u.topic, u.key, u.value, u.headers, u.held FROM (
            SELECT s.id, s.topic, s.key, s.value, s.headers, false AS held FROM sent s
            UNION ALL
            SELECT h.id, NULL, NULL, NULL, NULL, true FROM held h) u
           ORDER BY u.id`; // the bigint, not the text alias: "10" < "2"
}

/**
 * Runs after the claim in the same round trip, in its own (later) snapshot:
 * which transactions were still running then. See ScanCursor.
 */
/**
 * A queue table's statistics lie: vacuumed, it looks empty, so the planner
 * picks sequential scans (a seq scan of the whole outbox per claimed row in
 * the ordering guard, a hash join over one for the delete by ctid), whose cost
 * grows with the dead rows a busy outbox carries. Measured on a quiet 20,000
 * candidate run: offer's claim took 324 ms a call. Every access of the claim
 * has an index (or a TID scan), so the claim's transaction forbids seq scans.
 */
const INDEX_ONLY_ACCESS = 'SET LOCAL enable_seqscan = off';

const SNAPSHOT_SQL = `SELECT pg_snapshot_xmin(s)::text AS xmin, pg_snapshot_xmax(s)::text AS xmax FROM pg_current_snapshot() s`;

export interface ClaimSnapshot {
  /** Every transaction with an id below this had ended when the snapshot was taken. */
  xmin: bigint;
  /** Every transaction that had an id when the snapshot was taken has one below this. */
  xmax: bigint;
}

/** A row Kafka refused as too large, moved from the outbox to the parked table in the claim's transaction. */
export interface ParkedRow {
  id: string;
  topic: string;
  key: string | null;
  bytes: number;
  reason: string;
}

export interface OutboxBatchResult {
  claimed: number;
  published: number;
  /** Rows Kafka refused as too large, parked instead of published (committed with the batch). */
  parked: ParkedRow[];
  heldBack: number;
  /** Smallest and largest id claimed (published or held back); null when nothing was claimed. */
  minId: bigint | null;
  maxId: bigint | null;
  /** The smallest id held back, or null. */
  minHeldId: bigint | null;
  snapshot: ClaimSnapshot;
}

/**
 * Two Postgres round trips per batch (it is on the latency path of every
 * event): "BEGIN; SET LOCAL; claim and delete; snapshot" and "COMMIT", each one
 * simple-protocol query. Simple protocol has no bind parameters, so the only
 * values written into the SQL are the batch size and the cursor (integers
 * checked in claimStatement).
 */
export async function publishOutboxBatch(
  dataSource: DataSource,
  initialProducer: Producer,
  options: {
    /** claimStatement(tables.outbox, batchSize, cursor). */
    claimSql: string;
    /** Table for rows Kafka refuses as too large (MessagingTables.parked). */
    parkedTable: string;
    /**
     * A new producer in place of the one passed (the relay's own, replaced for
     * good): after a part of several rows is refused as too large, which of
     * its partitions the broker wrote is unknown, and kafkajs has rolled back
     * the sequence numbers of all of them.
     */
    replaceProducer: () => Promise<Producer>;
    beforePublish?: (rows: ReadonlyArray<{ id: string; topic: string }>) => void | Promise<void>;
    metrics?: MessagingMetrics;
  },
): Promise<OutboxBatchResult> {
  let producer = initialProducer;
  const qr = dataSource.createQueryRunner();
  const db = (await qr.connect()) as PoolClient;
  try {
    const [, , claim, snap] = (await db.query(`BEGIN; ${INDEX_ONLY_ACCESS}; ${options.claimSql}; ${SNAPSHOT_SQL}`)) as unknown as [
      QueryResult,
      QueryResult,
      QueryResult<ClaimedRow>,
      QueryResult<{ xmin: string; xmax: string }>,
    ];
    const rows = claim.rows;
    const publishable = rows.filter((r) => !r.held);
    const parked: Array<ParkedRow & { row: ClaimedRow }> = [];
    if (publishable.length > 0) {
      await options.beforePublish?.(publishable);
      // The delete commits only when every partition written to acknowledged.
      for (const part of produceParts(publishable)) {
        try {
          await send(producer, part);
        } catch (err) {
          if (!refusedAsTooLarge(err)) throw err;
          // Some record batch of the part is over the topic's limit. Send the part
          // again one row at a time, in id order, and park each row refused on
          // its own: the rows after it, of its key too, go on.
          if (part.length > 1) producer = await options.replaceProducer();
          for (const row of part) {
            try {
              if (part.length > 1) await send(producer, [row]);
              else throw err;
            } catch (rowErr) {
              const type = refusedAsTooLarge(rowErr);
              if (!type) throw rowErr;
              const bytes = recordBytes(row);
              parked.push({ id: row.id, topic: row.topic, key: row.key, bytes, reason: `${type}: ${errorMessage(rowErr)} (one record of about ${bytes} bytes)`, row });
            }
          }
        }
      }
    }
    if (parked.length > 0) await park(db, options.parkedTable, parked);
    await db.query('COMMIT');
    const parkedIds = new Set(parked.map((p) => p.id));
    for (const [topic, messages] of groupByTopic(publishable.filter((r) => !parkedIds.has(r.id)))) options.metrics?.published.inc({ topic }, messages.length);
    for (const p of parked) options.metrics?.parked.inc({ topic: p.topic });
    const held = rows.filter((r) => r.held);
    return {
      claimed: rows.length,
      published: publishable.length - parked.length,
      parked: parked.map(({ row: _row, ...p }) => p),
      heldBack: held.length,
      // Rows come ordered by id.
      minId: rows.length > 0 ? BigInt(rows[0].id) : null,
      maxId: rows.length > 0 ? BigInt(rows[rows.length - 1].id) : null,
      minHeldId: held.length > 0 ? BigInt(held[0].id) : null,
      snapshot: { xmin: BigInt(snap.rows[0].xmin), xmax: BigInt(snap.rows[0].xmax) },
    };
  } catch (err) {
    // Also after a failed "BEGIN; claim": the transaction may be open and aborted.
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await qr.release();
  }
}

function send(producer: Producer, rows: readonly ClaimedRow[]): Promise<unknown> {
  return sendAcknowledged(producer, [...groupByTopic(rows)].map(([topic, messages]) => ({ topic, messages })));
}

/**
 * Parked rows go in within the claim's transaction (their DELETE from the
 * outbox commits with it): a relay that dies before COMMIT leaves them in the
 * outbox, to be refused and parked again. A rare path: a plain parameterised insert.
 */
async function park(db: PoolClient, table: string, parked: ReadonlyArray<ParkedRow & { row: ClaimedRow }>): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (id, topic, key, value, headers, reason, bytes)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[], $6::text[], $7::int[])
     ON CONFLICT (id) DO NOTHING`,
    [
      parked.map((p) => p.id),
      parked.map((p) => p.topic),
      parked.map((p) => p.key),
      parked.map((p) => p.row.value),
      parked.map((p) => JSON.stringify(p.row.headers ?? {})),
      parked.map((p) => p.reason),
      parked.map((p) => p.bytes),
    ],
  );
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
