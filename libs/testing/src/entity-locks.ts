// Observes the per-entity transaction locks of @hiring/platform's
// lockEntities(), so a test can hold one transaction open and know that a
// second one is queued behind it (a condition to wait on, not a sleep).

/** Anything that runs SQL: a pg Client or a TypeORM DataSource. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Whether some session waits for the lock lockEntities(tx, scope, [id]) takes.
 * The key is computed as lockEntities computes it; pg_locks shows a bigint
 * advisory key as its high (classid) and low (objid) 32 bits.
 */
export async function someoneWaitsForEntityLock(db: SqlRunner, scope: string, id: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
        AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1 || ':' || $2, 0)`,
    [scope, id],
  );
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows.length > 0;
}
