// Which SQL statements a phase cost, per candidate, from Postgres' own
// pg_stat_statements (deploy/local/postgres.sh loads it and creates it in the
// application database). Two snapshots are diffed, so nothing is reset and
// another reader of the view is not disturbed. Time is the statements'
// execution time as Postgres measures it: it includes waiting on row locks,
// so it says where the database is busy or contended, not CPU alone.
import type { Client } from 'pg';

interface StatementRow {
  queryid: string;
  query: string;
  calls: number;
  rows: number;
  ms: number;
}

export type StatementSnapshot = ReadonlyMap<string, StatementRow>;

export interface StatementCost {
  statement: string;
  msPerItem: number;
  callsPerItem: number;
  rowsPerItem: number;
}

export interface StatementReport {
  /** All statements together. */
  total: { msPerItem: number; callsPerItem: number };
  top: StatementCost[];
}

/** undefined when the extension is not installed in this database (an older local cluster). */
export async function statementSnapshot(db: Client): Promise<StatementSnapshot | undefined> {
  const installed = await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'`);
  if (installed.rowCount === 0) return undefined;
  const res = await db.query<{ queryid: string; query: string; calls: string; rows: string; ms: number }>(
    `SELECT s.queryid::text AS queryid, s.query, s.calls::text AS calls, s.rows::text AS rows, s.total_exec_time AS ms
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = current_database()`,
  );
  return new Map(res.rows.map((r) => [r.queryid, { queryid: r.queryid, query: r.query, calls: Number(r.calls), rows: Number(r.rows), ms: r.ms }]));
}

/** The statements that ran between the two snapshots, most expensive first. */
export function statementCosts(before: StatementSnapshot, after: StatementSnapshot, items: number, top: number): StatementReport {
  const costs: StatementCost[] = [];
  let ms = 0;
  let calls = 0;
  for (const [id, a] of after) {
    const b = before.get(id);
    const d = { calls: a.calls - (b?.calls ?? 0), rows: a.rows - (b?.rows ?? 0), ms: a.ms - (b?.ms ?? 0) };
    if (d.calls <= 0) continue;
    ms += d.ms;
    calls += d.calls;
    costs.push({ statement: oneLine(a.query), msPerItem: d.ms / items, callsPerItem: d.calls / items, rowsPerItem: d.rows / items });
  }
  costs.sort((x, y) => y.msPerItem - x.msPerItem);
  return { total: { msPerItem: ms / items, callsPerItem: calls / items }, top: costs.slice(0, top) };
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
