// A part of a transaction that can be undone alone: a batch that lost a race
// for some of its rows rolls back only its own attempt and tries again
// without the losers, instead of failing the whole transaction.
import { entityManagerOf, type Tx } from './tx';

/**
 * Runs `attempt` inside a savepoint of `tx`. Its writes stay when `keep`
 * holds for the result, else they are rolled back to the savepoint and the
 * transaction goes on; the result is returned either way. A thrown error is
 * left to fail the whole transaction.
 */
export async function inSavepoint<T>(tx: Tx, name: string, attempt: () => Promise<T>, keep: (result: T) => boolean): Promise<T> {
  const db = entityManagerOf(tx);
  await db.query(`SAVEPOINT ${name}`);
  const result = await attempt();
  await db.query(keep(result) ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`);
  return result;
}
