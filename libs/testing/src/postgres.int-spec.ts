// Proves the local Postgres cluster is reachable with DATABASE_URL as the
// application role, and that the role may create and drop its own schemas
// (each service owns one; tests use throwaway ones).
import { Client } from 'pg';
import { testDatabaseUrl } from './test-env';
import { uniqueName } from './unique-name';

describe('local Postgres', () => {
  const client = new Client({ connectionString: testDatabaseUrl() });
  const schema = uniqueName('it_pg');

  beforeAll(async () => {
    await client.connect();
  });

  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  });

  it('is PostgreSQL 15+ and we are the application role', async () => {
    const { rows } = await client.query<{ version: number; role: string; db: string }>(
      `SELECT current_setting('server_version_num')::int AS version, current_user AS role, current_database() AS db`,
    );
    expect(rows[0].version).toBeGreaterThanOrEqual(150000);
    expect(rows[0].role).toBe(new URL(testDatabaseUrl()).username);
    expect(rows[0].db).toBe(new URL(testDatabaseUrl()).pathname.slice(1));
  });

  it('creates a schema, writes and reads in a transaction, and drops it', async () => {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(
      `CREATE TABLE ${schema}.candidate (id uuid PRIMARY KEY, name text NOT NULL, score numeric(5,2) CHECK (score BETWEEN 0 AND 100))`,
    );
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO ${schema}.candidate (id, name, score) VALUES (gen_random_uuid(), 'Ada', 91.5), (gen_random_uuid(), 'Grace', 88)`,
    );
    await client.query('COMMIT');

    const { rows } = await client.query<{ name: string; score: string }>(
      `SELECT name, score FROM ${schema}.candidate ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'Ada', score: '91.50' },
      { name: 'Grace', score: '88.00' },
    ]);
    // Constraints are enforced by the database itself.
    await expect(
      client.query(`INSERT INTO ${schema}.candidate (id, name, score) VALUES (gen_random_uuid(), 'Bad', 101)`),
    ).rejects.toThrow(/check constraint/);

    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    const { rowCount } = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [schema]);
    expect(rowCount).toBe(0);
  });
});
