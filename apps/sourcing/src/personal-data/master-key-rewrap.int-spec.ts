// Master key rotation end to end on real Postgres: keys, webhook secrets and
// an agency's signing secret wrapped by the old key, the new key put first, the re-wrap run in batches,
// the old key dropped, and everything still opens. Runs in a database of its
// own: a rotation re-wraps every row of the key store, and other test files'
// rows are wrapped by the laptop key.
import { randomBytes } from 'node:crypto';
import { MasterKeyRing } from '@hiring/platform';
import { testDatabaseUrl, uniqueName } from '@hiring/testing';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AgencySigningSecrets } from '../agencies/agency-signing-secrets';
import { createSourcingTestApp, TEST_KEY_SERVICE_TOKEN, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission } from '../test/submission.fixtures';
import { WebhookSecrets } from '../webhooks/webhook-secrets';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };
const OLD = `it-old:${randomBytes(32).toString('base64')}`;
const NEW = `it-new:${randomBytes(32).toString('base64')}`;
const FIRST_SECRET = `first-${randomBytes(24).toString('base64url')}`;
const SECOND_SECRET = `second-${randomBytes(24).toString('base64url')}`;

describe('sourcing: master key rotation re-wraps every data key, webhook secret and agency signing secret', () => {
  const database = uniqueName('rewrap').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  const admin = new Client({ connectionString: testDatabaseUrl() });
  let app: SourcingTestApp | undefined;

  const start = async (masterKeys: string): Promise<App> => {
    await app?.app.close();
    app = await createSourcingTestApp({ DATABASE_URL: url.toString(), PERSONAL_DATA_MASTER_KEYS: masterKeys, WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    return app.app.getHttpServer() as App;
  };
  const keysOf = async (http: App, candidateIds: string[]): Promise<Record<string, string>> => {
    const res = await request(http).post('/v1/ops/candidate-keys/lookup').set({ Authorization: `Bearer ${TEST_KEY_SERVICE_TOKEN}` }).send({ candidateIds }).expect(200);
    return Object.fromEntries((res.body.keys as { candidateId: string; dataKey: string }[]).map((k) => [k.candidateId, k.dataKey]));
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
  });

  afterAll(async () => {
    await app?.app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('rotate, re-wrap in batches, drop the old key: keys, sealed submissions, webhook and signing secrets all open; an old key dropped too early is refused by name', async () => {
    // Before: everything wrapped by the old key.
    let http = await start(OLD);
    const created = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body as { agency: { id: string }; apiKey: { key: string }; signingSecret: string };
    const agency = created.apiKey.key;
    const requisitionId = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id as string;
    const names = [uniqueName('Ada'), uniqueName('Grace'), uniqueName('Edsger')];
    const bulk = await request(http).post('/v1/submissions/bulk').set('x-api-key', agency).send(names.map((name) => submission(requisitionId, { name }))).expect(200);
    const items = bulk.body.results as { submissionId: string; candidateId: string }[];
    const candidateIds = items.map((i) => i.candidateId);
    const keysBefore = await keysOf(http, candidateIds);
    expect(Object.keys(keysBefore)).toHaveLength(3);
    const endpointId = (await request(http).post('/v1/webhooks/endpoints').set('x-api-key', agency).send({ url: 'http://127.0.0.1:9/hook', eventTypes: ['submission.scored'], secret: FIRST_SECRET }).expect(201)).body.endpoint.id as string;
    await request(http).post(`/v1/webhooks/endpoints/${endpointId}/secret/rotate`).set('x-api-key', agency).send({ secret: SECOND_SECRET, graceSeconds: 3600 }).expect(200);

    // The old key dropped before re-wrapping: refused, naming the key and how much it still wraps; nothing changed.
    http = await start(NEW);
    const refused = await request(http).post('/v1/ops/master-keys/rewrap').set(OPS).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'MASTER_KEY_MISSING', type: expect.stringContaining('master-key-missing') });
    expect(refused.body.detail).toContain('"it-old" (6)');

    // Rotation: the new key first, the old one kept to unwrap.
    http = await start(`${NEW},${OLD}`);
    const before = await request(http).get('/v1/ops/master-keys').set(OPS).expect(200);
    expect(before.body).toEqual({
      currentKeyId: 'it-new',
      configuredKeyIds: ['it-new', 'it-old'],
      dataKeysByKeyId: { 'it-old': 3 },
      webhookSecretsByKeyId: { 'it-old': 2 },
      signingSecretsByKeyId: { 'it-old': 1 },
      remaining: { dataKeys: 3, webhookSecrets: 2, signingSecrets: 1 },
    });
    // A new candidate meanwhile gets a key wrapped by the new key.
    const late = await request(http).post('/v1/submissions').set('x-api-key', agency).send(submission(requisitionId)).expect(202);
    const first = await request(http).post('/v1/ops/master-keys/rewrap').set(OPS).send({ limit: 2 }).expect(200);
    expect(first.body).toMatchObject({ rewrapped: { dataKeys: 2, webhookSecrets: 2, signingSecrets: 1 }, remaining: { dataKeys: 1, webhookSecrets: 0, signingSecrets: 0 } });
    const second = await request(http).post('/v1/ops/master-keys/rewrap').set(OPS).send({ limit: 2 }).expect(200);
    expect(second.body).toMatchObject({ rewrapped: { dataKeys: 1, webhookSecrets: 0, signingSecrets: 0 }, remaining: { dataKeys: 0, webhookSecrets: 0, signingSecrets: 0 }, dataKeysByKeyId: { 'it-new': 4 } });
    const again = await request(http).post('/v1/ops/master-keys/rewrap').set(OPS).send({}).expect(200);
    expect(again.body.rewrapped).toEqual({ dataKeys: 0, webhookSecrets: 0, signingSecrets: 0 });
    await request(http).post('/v1/ops/master-keys/rewrap').set(OPS).send({ limit: 0 }).expect(400);

    // The old key dropped: every key, sealed submission and webhook secret still opens.
    http = await start(NEW);
    expect(await keysOf(http, candidateIds)).toEqual(keysBefore);
    expect(Object.keys(await keysOf(http, [late.body.candidateId as string]))).toHaveLength(1);
    for (const [i, item] of items.entries()) {
      const shown = await request(http).get(`/v1/ops/submissions/${item.submissionId}`).set(OPS).expect(200);
      expect(shown.body.candidate).toMatchObject({ name: names[i] });
    }
    const [row] = (await app!.dataSource.query(
      'SELECT secret_key_id, secret_wrapped, previous_secret_key_id, previous_secret_wrapped FROM sourcing.webhook_endpoints WHERE id = $1',
      [endpointId],
    )) as { secret_key_id: string; secret_wrapped: Buffer; previous_secret_key_id: string; previous_secret_wrapped: Buffer }[];
    const secrets = new WebhookSecrets(MasterKeyRing.parse(NEW));
    expect(secrets.open({ keyId: row!.secret_key_id, wrapped: row!.secret_wrapped }, endpointId)).toBe(SECOND_SECRET);
    expect(secrets.open({ keyId: row!.previous_secret_key_id, wrapped: row!.previous_secret_wrapped }, endpointId)).toBe(FIRST_SECRET);
    const [agencyRow] = (await app!.dataSource.query('SELECT signing_secret_key_id, signing_secret_wrapped FROM sourcing.agencies WHERE id = $1', [created.agency.id])) as {
      signing_secret_key_id: string;
      signing_secret_wrapped: Buffer;
    }[];
    expect(new AgencySigningSecrets(MasterKeyRing.parse(NEW)).open({ keyId: agencyRow!.signing_secret_key_id, wrapped: agencyRow!.signing_secret_wrapped }, created.agency.id)).toBe(created.signingSecret);
    expect((await request(http).get('/v1/ops/master-keys').set(OPS).expect(200)).body.remaining).toEqual({ dataKeys: 0, webhookSecrets: 0, signingSecrets: 0 });
  });
});
