import { uniqueName, waitFor } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };
// Far longer than any wait below: only the NOTIFY can make these revocations show in time.
const LONG_TTL = { API_KEY_CACHE_TTL_MS: '60000' };

describe('sourcing: API keys remembered per instance, revocation prompt on every instance (real Postgres)', () => {
  let a: SourcingTestApp;
  let b: SourcingTestApp;
  const http = (t: SourcingTestApp) => t.app.getHttpServer() as App;
  const list = (t: SourcingTestApp, key: string) => request(http(t)).get('/v1/submissions?limit=1').set('x-api-key', key);
  const createAgency = async () => {
    const res = await request(http(a)).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201);
    return { id: res.body.agency.id as string, key: res.body.apiKey.key as string, keyId: res.body.apiKey.id as string };
  };
  const answers401 = (t: SourcingTestApp, key: string, description: string) =>
    waitFor(async () => (await list(t, key)).status === 401, { timeoutMs: 10_000, intervalMs: 100, description });

  beforeAll(async () => {
    [a, b] = await Promise.all([createSourcingTestApp(LONG_TTL), createSourcingTestApp(LONG_TTL)]);
  });
  afterAll(async () => {
    await Promise.all([a?.app.close(), b?.app.close()]);
  });

  it('a key revoked through instance A stops working on instance B, which had it remembered', async () => {
    const agency = await createAgency();
    await list(b, agency.key).expect(200);
    await request(http(a)).delete(`/v1/agencies/${agency.id}/api-keys/${agency.keyId}`).set(OPS).expect(204);
    await list(a, agency.key).expect(401);
    await answers401(b, agency.key, 'instance B answered 401 for the key revoked through A');
  });

  it('a rotation through A: the old key stops working on B, the new one works there', async () => {
    const agency = await createAgency();
    await list(b, agency.key).expect(200);
    const rotated = await request(http(a)).post(`/v1/agencies/${agency.id}/api-keys/rotate`).set(OPS).expect(201);
    await answers401(b, agency.key, 'instance B answered 401 for the key rotated away through A');
    await list(b, rotated.body.key as string).expect(200);
  });

  it('a key revoked straight in the database stops working on both', async () => {
    const agency = await createAgency();
    await list(a, agency.key).expect(200);
    await list(b, agency.key).expect(200);
    await a.dataSource.query('UPDATE sourcing.agency_api_keys SET revoked_at = now() WHERE id = $1', [agency.keyId]);
    await answers401(a, agency.key, 'instance A answered 401 for the key revoked in the database');
    await answers401(b, agency.key, 'instance B answered 401 for the key revoked in the database');
  });

  it('another agency keeps working through all this', async () => {
    const agency = await createAgency();
    await list(b, agency.key).expect(200);
    await a.dataSource.query('UPDATE sourcing.agency_api_keys SET revoked_at = now() WHERE id = $1', [(await createAgency()).keyId]);
    await list(b, agency.key).expect(200);
  });
});
