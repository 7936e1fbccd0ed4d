// Per-entity locks for the length of a transaction, for writes that arrive on
// different topics about the same entity (a candidate's score and its
// erasure) and so are not serialised by a Kafka partition.
import { entityManagerOf, type Tx } from './tx';

/**
 * Takes a transaction-scoped advisory lock per id (scope + id hashed to the
 * lock key), in key order so that two batches never deadlock. Call it before
 * the statements that read and write those entities: under READ COMMITTED the
 * next statement's snapshot then sees the other side's committed work.
 */
export async function lockEntities(tx: Tx, scope: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await entityManagerOf(tx).query(
    // A volatile function in the select list runs after the sort: locks are taken in key order.
    `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended($1 || ':' || id, 0) AS k FROM unnest($2::text[]) AS id) AS keys ORDER BY k`,
    [scope, ids],
  );
}
