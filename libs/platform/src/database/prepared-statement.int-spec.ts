// Named prepared statements and generic-plan transactions against the real
// Postgres: rows come back as from query(), errors stay QueryFailedErrors with
// the Postgres code, the transaction commits or rolls back whole, and inside it
// a statement runs on its generic plan while outside Postgres plans per call.
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { packValues } from './packed-values';
import { inGenericPlanTransaction, inTransactionOpenedWith, preparedStatement, runPrepared } from './prepared-statement';
import { textArrayLiteral } from './sql-literals';
import { entityManagerOf } from './tx';

const url = process.env.DATABASE_URL ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring';
const schema = `it_prepared_${randomUUID().slice(0, 8)}`;

describe('prepared statements', () => {
  // One connection, so every call below meets the statements the earlier ones prepared.
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  const insert = preparedStatement(`INSERT INTO ${schema}.items (id, label) SELECT * FROM unnest($1::int[], $2::text[]) RETURNING id`);
  const byIds = preparedStatement(`SELECT id, label FROM ${schema}.items WHERE id = ANY($1::int[]) ORDER BY id`);
  const plans = (name: string) =>
    dataSource.query<{ generic_plans: string; custom_plans: string }[]>('SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1', [name]);

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query(`CREATE TABLE ${schema}.items (id int PRIMARY KEY, label text NOT NULL)`);
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await dataSource.destroy();
  });

  it('names a statement by its text', () => {
    expect(preparedStatement('SELECT 1').name).toBe(preparedStatement('SELECT 1').name);
    expect(preparedStatement('SELECT 1').name).not.toBe(preparedStatement('SELECT 2').name);
  });

  it('runs outside a transaction and returns the rows; Postgres plans each call there', async () => {
    expect(await runPrepared(dataSource, insert, [[1, 2], ['one', 'two']])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await runPrepared(dataSource, byIds, [[2, 1, 9]])).toEqual([
      { id: 1, label: 'one' },
      { id: 2, label: 'two' },
    ]);
    const [seen] = await plans(byIds.name);
    expect(seen).toEqual({ generic_plans: '0', custom_plans: '1' });
  });

  it('runs in a generic-plan transaction on its generic plan, commits, and leaves the connection as it was', async () => {
    const inside = await inGenericPlanTransaction(dataSource, async (tx) => {
      await runPrepared(tx, insert, [[3], ['three']]);
      const rows = await runPrepared(tx, byIds, [[3]]);
      const [setting] = await runPrepared<{ plan_cache_mode: string }>(tx, preparedStatement('SHOW plan_cache_mode'), []);
      return { rows, setting };
    });
    expect(inside).toEqual({ rows: [{ id: 3, label: 'three' }], setting: { plan_cache_mode: 'force_generic_plan' } });
    const [seen] = await plans(byIds.name);
    expect(seen?.generic_plans).toBe('1');
    expect(await dataSource.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'auto' }]);
    expect(await runPrepared(dataSource, byIds, [[3]])).toEqual([{ id: 3, label: 'three' }]);
  });

  it('rolls the whole transaction back when the work fails, with the Postgres error as a QueryFailedError', async () => {
    const failed = inGenericPlanTransaction(dataSource, async (tx) => {
      await runPrepared(tx, insert, [[4], ['four']]);
      await runPrepared(tx, insert, [[1], ['one again']]); // primary key taken
    });
    await expect(failed).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failed).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(await runPrepared(dataSource, byIds, [[4]])).toEqual([]);
    // The connection is usable again, outside any transaction.
    expect(await dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('lets TypeORM see the transaction it did not open: a transaction() inside is a savepoint, not a commit of its own', async () => {
    await expect(
      inGenericPlanTransaction(dataSource, async (tx) => {
        await entityManagerOf(tx).transaction((inner) => inner.query(`INSERT INTO ${schema}.items (id, label) VALUES (5, 'five')`));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await runPrepared(dataSource, byIds, [[5]])).toEqual([]);
  });

  it('opens a transaction with a statement in the same round trip, hands over its rows, and commits the work with it', async () => {
    const labels = await inTransactionOpenedWith(dataSource, `INSERT INTO ${schema}.items (id, label) VALUES (6, 'six'), (7, 'seven') RETURNING label`, async (tx, [opened]) => {
      await runPrepared(tx, insert, [[8], ['eight']]);
      return opened.rows.map((r) => r.label as string);
    });
    expect(labels).toEqual(['six', 'seven']);
    expect(await runPrepared(dataSource, byIds, [[6, 7, 8]])).toHaveLength(3);
  });

  it('rolls back the opening statement with the work, and reports a failed opening as a QueryFailedError on a clean connection', async () => {
    await expect(
      inTransactionOpenedWith(dataSource, `INSERT INTO ${schema}.items (id, label) VALUES (9, 'nine')`, async () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await runPrepared(dataSource, byIds, [[9]])).toEqual([]);
    const failed = inTransactionOpenedWith(dataSource, `INSERT INTO ${schema}.items (id, label) VALUES (1, 'taken')`, async () => 'never');
    await expect(failed).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(await dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('frees a packed parameter once its statement has run, after Postgres got every byte; a failed statement keeps it', async () => {
    const insertPacked = preparedStatement(`INSERT INTO ${schema}.items (id, label)
      SELECT u.id, convert_from(substring($2::bytea FROM u.start FOR u.length), 'UTF8') FROM unnest($1::int[], $3::int[], $4::int[]) AS u (id, start, length)`);
    const labels = ['a'.repeat(40_000), 'b'.repeat(40_000)];
    const packed = packValues(labels);
    await runPrepared(dataSource, insertPacked, [[20, 21], packed.bytes, packed.starts, packed.lengths]);
    expect(packed.bytes.buffer.byteLength).toBe(0);
    expect(await runPrepared(dataSource, byIds, [[20, 21]])).toEqual([
      { id: 20, label: labels[0] },
      { id: 21, label: labels[1] },
    ]);
    const again = packValues(labels);
    await expect(runPrepared(dataSource, insertPacked, [[20, 21], again.bytes, again.starts, again.lengths])).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(again.bytes.toString()).toBe(labels.join(''));
  });

  it('writes text arrays as literals Postgres reads back exactly, whatever the characters', async () => {
    const values = ['plain', 'NULL', '', ' spaced ', 'a,b', '{braces}', 'quote"d', "apo'strophe", 'back\\slash', '\\"both\'\'', 'tab\tline\n', 'émoji 🎉'];
    const [row] = await dataSource.query(`SELECT ${textArrayLiteral(values)} AS v`);
    expect(row.v).toEqual(values);
    expect(() => textArrayLiteral(['nul\u0000'])).toThrow(/NUL/);
  });
});
