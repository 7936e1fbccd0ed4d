// Hot statements go to Postgres as named prepared statements. TypeORM's
// query() sends every statement unnamed, so Postgres parses, analyses and
// plans it again on each call: for the intake's large unnest/CTE statements
// that cost about as much as running them (pg_stat_statements with
// track_planning, docs/performance.md). A named statement is parsed once per
// connection, and once Postgres has run it five times it reuses a generic plan
// when that plan is estimated no worse than planning each call afresh.
import { createHash } from 'node:crypto';
import type { ClientBase, QueryResult, QueryResultRow } from 'pg';
import { DataSource, QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';
import { releasePackedValues } from './packed-values';
import { asTx, entityManagerOf, type Tx } from './tx';

export interface PreparedStatement {
  /** Derived from the text: the same text is one statement on a connection, another text can never take its name. */
  readonly name: string;
  readonly text: string;
}

/** Declare a statement once, at module level, and run it with {@link runPrepared}. */
export function preparedStatement(text: string): PreparedStatement {
  return { name: `hiring_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/** Where a statement runs: a use case's Tx, the data source (a pooled connection), or a migration's query runner. */
export type SqlRunner = Tx | DataSource | QueryRunner;

/**
 * Runs the statement on the transaction's own connection, or (given the data
 * source, or a Tx that is not a transaction) on a connection from the pool, and
 * returns its rows. A failure is a TypeORM QueryFailedError, as from query(),
 * so callers keep reading the Postgres error code the same way.
 */
export async function runPrepared<R extends QueryResultRow>(on: SqlRunner, statement: PreparedStatement, values: readonly unknown[]): Promise<R[]> {
  if (isQueryRunner(on)) return send<R>(on, statement, values);
  const manager: EntityManager = on instanceof DataSource ? on.manager : entityManagerOf(on);
  const inTransaction = manager.queryRunner;
  if (inTransaction && !inTransaction.isReleased) return send<R>(inTransaction, statement, values);
  const pooled = manager.connection.createQueryRunner();
  try {
    return await send<R>(pooled, statement, values);
  } finally {
    await pooled.release();
  }
}

function isQueryRunner(on: SqlRunner): on is QueryRunner {
  return typeof (on as Partial<QueryRunner>).startTransaction === 'function';
}

async function send<R extends QueryResultRow>(runner: QueryRunner, statement: PreparedStatement, values: readonly unknown[]): Promise<R[]> {
  // For the postgres driver, connect() hands out the runner's node-postgres client (once it has one, the same).
  const client = (await runner.connect()) as ClientBase;
  const logger = runner.connection.logger;
  logger.logQuery(statement.text, values as unknown[], runner);
  try {
    const result = await client.query<R>({ name: statement.name, text: statement.text, values: values as unknown[] });
    // Sent and done with: a packed parameter's memory goes now, not at the next full collection.
    releasePackedValues(values);
    return result.rows;
  } catch (error) {
    logger.logQueryError(error as Error, statement.text, values as unknown[], runner);
    throw new QueryFailedError(statement.text, values as unknown[], error as Error);
  }
}

/**
 * Runs `work` in a transaction in which every statement with parameters uses
 * its generic plan, planned once per connection. Meant for transactions of
 * prepared set-based statements (arrays in, one plan whatever the values): left
 * to choose, Postgres plans those afresh on every call, because the generic
 * plan's estimate of an unnest of a parameter (100 rows) makes it look dearer
 * than a plan for the one row a single submission sends. `BEGIN` and the
 * setting go in one simple-protocol query, one round trip as `START
 * TRANSACTION` was; `SET LOCAL` ends with the transaction, so the pooled
 * connection goes back as it was.
 */
export async function inGenericPlanTransaction<T>(dataSource: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransactionOpenedWith(dataSource, 'SET LOCAL plan_cache_mode = force_generic_plan', (tx) => work(tx));
}

/**
 * Runs `work` in a transaction whose `BEGIN` goes to Postgres in one
 * simple-protocol round trip with `opening` (one or more statements, no bind
 * parameters: every value in it must already be a checked or escaped literal),
 * and hands `work` the opening's results (one per statement of `opening`). At
 * batches of one a round trip is a socket write, a backend wake-up and a
 * client wake-up; `START TRANSACTION` on its own was one per transaction.
 * Commits after `work` (TypeORM's commitTransaction: its transaction
 * subscribers run), rolls back on any error.
 */
export async function inTransactionOpenedWith<T>(
  dataSource: DataSource,
  opening: string,
  work: (tx: Tx, opened: ReadonlyArray<QueryResult<QueryResultRow>>) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as ClientBase;
    let opened: QueryResult<QueryResultRow>[];
    try {
      // A multi-statement simple query answers with one result per statement ("BEGIN" first).
      const results = (await client.query(`BEGIN; ${opening}`)) as unknown as QueryResult<QueryResultRow>[];
      opened = results.slice(1);
    } catch (error) {
      // The opening may have failed after BEGIN: the connection is in an aborted transaction.
      await client.query('ROLLBACK').catch(() => undefined);
      throw new QueryFailedError(`BEGIN; ${opening}`, [], error as Error);
    }
    // TypeORM must know a transaction is open: a save() inside would otherwise open (and commit) one of its own,
    // and commitTransaction() / rollbackTransaction() below end it as if TypeORM had started it.
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    try {
      const result = await work(asTx(runner.manager), opened);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined); // the work's error is the one to report
      throw error;
    }
  } finally {
    await runner.release();
  }
}
