// The migration that seals agencies' signing secrets stored in clear before:
// an agency is put back into the old shape (the secret in a clear column),
// the migration runs again, and the secret comes out sealed and still
// verifies a signed Kafka submission. A database of its own: the test
// changes the agencies table's shape.
import { MasterKeyRing, runMigrationsLocked } from '@hiring/platform';
import { testDatabaseUrl, uniqueName } from '@hiring/testing';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AgencyRepository } from './agency.repository';
import { AgencySigningSecrets } from './agency-signing-secrets';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };
const MIGRATION = 'SealAgencySigningSecrets1796337599022';

describe('sourcing: agencies\' signing secrets are stored sealed', () => {
  const database = uniqueName('signing').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  const admin = new Client({ connectionString: testDatabaseUrl() });
  let t: SourcingTestApp;
  let http: App;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    t = await createSourcingTestApp({ DATABASE_URL: url.toString() });
    http = t.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await t?.app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const createAgency = async () =>
    (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body as { agency: { id: string }; signingSecret: string };

  it('a new agency: no column holds the secret in clear; it opens only for its own agency', async () => {
    const created = await createAgency();
    const [row] = (await t.dataSource.query('SELECT * FROM sourcing.agencies WHERE id = $1', [created.agency.id])) as Record<string, unknown>[];
    expect(Object.keys(row!)).not.toContain('signing_secret');
    expect(JSON.stringify(row)).not.toContain(created.signingSecret);
    expect(Buffer.from(row!['signing_secret_wrapped'] as Buffer).includes(Buffer.from(created.signingSecret))).toBe(false);
    const secrets = new AgencySigningSecrets(MasterKeyRing.parse(t.config.PERSONAL_DATA_MASTER_KEYS));
    const sealed = { keyId: row!['signing_secret_key_id'] as string, wrapped: row!['signing_secret_wrapped'] as Buffer };
    expect(secrets.open(sealed, created.agency.id)).toBe(created.signingSecret);
    const other = await createAgency();
    expect(() => secrets.open(sealed, other.agency.id)).toThrow();
  });

  it('a secret rotated is stored sealed too and replaces the old one', async () => {
    const created = await createAgency();
    const rotated = (await request(http).post(`/v1/agencies/${created.agency.id}/signing-secret/rotate`).set(OPS).send({}).expect(201)).body as { signingSecret: string };
    expect(rotated.signingSecret).not.toBe(created.signingSecret);
    const [agency] = await t.app.get(AgencyRepository).findByIds([created.agency.id]);
    expect(agency?.signingSecret).toBe(rotated.signingSecret);
  });

  it('the migration seals secrets stored in clear and drops the clear column', async () => {
    const created = await Promise.all([createAgency(), createAgency()]);
    // Back to the old shape: the secret in clear, no sealed columns.
    await t.dataSource.query('ALTER TABLE sourcing.agencies ADD COLUMN signing_secret text');
    for (const c of created) await t.dataSource.query('UPDATE sourcing.agencies SET signing_secret = $2 WHERE id = $1', [c.agency.id, c.signingSecret]);
    await t.dataSource.query('UPDATE sourcing.agencies SET signing_secret = repeat(\'x\', 43) WHERE signing_secret IS NULL');
    await t.dataSource.query('ALTER TABLE sourcing.agencies DROP COLUMN signing_secret_key_id, DROP COLUMN signing_secret_wrapped');
    await t.dataSource.query('DELETE FROM sourcing.migrations WHERE name = $1', [MIGRATION]);

    expect(await runMigrationsLocked(t.dataSource, 'sourcing')).toEqual([MIGRATION]);

    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'sourcing' AND table_name = 'agencies' AND column_name LIKE 'signing_secret%' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['signing_secret_key_id', 'signing_secret_wrapped']);
    const found = await t.app.get(AgencyRepository).findByIds(created.map((c) => c.agency.id));
    expect(Object.fromEntries(found.map((a) => [a.id, a.signingSecret]))).toEqual(Object.fromEntries(created.map((c) => [c.agency.id, c.signingSecret])));
  });
});
