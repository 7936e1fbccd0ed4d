// Crypto-shredding, end to end inside sourcing (real Postgres, real outbox):
// the candidate-sourced event leaves sealed with the candidate's data key, the
// key is obtained through the batch lookup, and the erasure destroys it.
import { EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { openJson, SEALED_PATTERN } from '@hiring/platform';
import { TopicProbe, uniqueName, waitFor } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_KEY_SERVICE_TOKEN, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission } from '../test/submission.fixtures';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };
const KEY_SERVICE = { Authorization: `Bearer ${TEST_KEY_SERVICE_TOKEN}` };

describe('sourcing: personal data sealed with a per-candidate key, erasure destroys the key', () => {
  let t: SourcingTestApp;
  let http: App;
  let key: string;
  let requisitionId: string;
  let sourced: TopicProbe;

  beforeAll(async () => {
    // The relay publishes as usual and deletes what it published; the test reads the events on the topic.
    sourced = await TopicProbe.start(TOPICS.candidateSourced);
    t = await createSourcingTestApp({}, { realPublisher: true });
    http = t.app.getHttpServer() as App;
    key = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body.apiKey.key;
    requisitionId = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.app.close();
    await sourced?.stop();
  });

  /** The candidate-sourced event as published; once published, no copy is left in the outbox. */
  const publishedData = async (candidateId: string): Promise<{ raw: string; data: Record<string, unknown> }> => {
    const records = await sourced.waitFor((r) => r.key === candidateId && r.json?.['type'] === EVENT_TYPES.candidateSourced);
    expect(records).toHaveLength(1);
    await waitFor(async () => ((await t.dataSource.query('SELECT 1 FROM sourcing.outbox WHERE key = $1', [candidateId])) as unknown[]).length === 0, {
      description: `no outbox row left for ${candidateId}`,
    });
    const value = records[0]?.value;
    if (!value) throw new Error(`candidate-sourced for ${candidateId} has no value`);
    const raw = value.toString('utf8');
    return { raw, data: (JSON.parse(raw) as { data: Record<string, unknown> }).data };
  };

  const lookup = (candidateIds: string[]) => request(http).post('/v1/ops/candidate-keys/lookup').set(KEY_SERVICE).send({ candidateIds });

  it('the published event holds the profile sealed only; the looked-up key opens it; after erasure the key is gone and the erasure records it', async () => {
    const marker = uniqueName('SECRET-MARK');
    const body = submission(requisitionId, { name: 'Ada Sealed' });
    (body.profile as { achievements: string[] }).achievements = [`Ask ${marker} about it: ada@example.org, +44 20 7946 0958`];
    const accepted = await request(http).post('/v1/submissions').set('x-api-key', key).send(body).expect(202);
    const candidateId = accepted.body.candidateId as string;

    const { raw, data } = await publishedData(candidateId);
    expect(raw).not.toContain(marker);
    expect(raw).not.toContain('ada@example.org');
    expect(raw).not.toContain('Ada Sealed');
    expect(data['profile']).toBeUndefined();
    const stored: { wrapped_key: Buffer }[] = await t.dataSource.query('SELECT wrapped_key FROM sourcing.candidate_data_keys WHERE candidate_id = $1', [candidateId]);
    expect(stored).toHaveLength(1);

    const found = await lookup([candidateId]).expect(200);
    expect(found.body.erased).toEqual([]);
    const dataKey = Buffer.from(found.body.keys[0].dataKey, 'base64');
    expect(stored[0]!.wrapped_key.includes(dataKey)).toBe(false);
    const profile = openJson<{ achievements: string[] }>(dataKey, String(data['sealedProfile']), `${candidateId}:profile`);
    expect(profile.achievements[0]).toContain(marker);

    // A copy the relay parked (Kafka refused it as too large) is deleted by the erasure, not only made unreadable.
    const parked = 'SELECT id FROM sourcing.outbox_parked WHERE key = $1';
    await t.dataSource.query(
      `INSERT INTO sourcing.outbox_parked (id, topic, key, value, reason, bytes) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM sourcing.outbox_parked), $1, $2, $3, 'MESSAGE_TOO_LARGE: test', $4)`,
      [TOPICS.candidateSourced, candidateId, Buffer.from(raw), raw.length],
    );
    expect(await t.dataSource.query(parked, [candidateId])).toHaveLength(1);

    const erased = await request(http).post(`/v1/ops/candidates/${candidateId}/erasure`).set(OPS).send({ requestedBy: 'dpo@example.com' }).expect(200);
    expect(erased.body).toMatchObject({ erasedNow: true, dataKeyDestroyed: true });
    expect(await t.dataSource.query(parked, [candidateId])).toEqual([]);
    const audit = await t.dataSource.query('SELECT data_key_destroyed FROM sourcing.erasures WHERE candidate_id = $1', [candidateId]);
    expect(audit).toEqual([{ data_key_destroyed: true }]);
    expect(await t.dataSource.query('SELECT 1 FROM sourcing.candidate_data_keys WHERE candidate_id = $1', [candidateId])).toEqual([]);

    const after = await lookup([candidateId]).expect(200);
    expect(after.body).toEqual({ keys: [], erased: [candidateId], unknown: [] });
    // The sealed copy is still on the topic (and in any dead letter): nothing can open it now.
    const { raw: still } = await publishedData(candidateId);
    expect(still).toContain(String(data['sealedProfile']));
  });

  it('a bulk request seals each candidate with its own key; one lookup returns them all', async () => {
    const items = [submission(requisitionId), submission(requisitionId), submission(requisitionId)];
    const res = await request(http).post('/v1/submissions/bulk').set('x-api-key', key).send(items).expect(200);
    const ids = res.body.results.map((r: { candidateId: string }) => r.candidateId) as string[];
    expect(new Set(ids).size).toBe(3);
    const found = await lookup(ids).expect(200);
    expect(found.body.keys).toHaveLength(3);
    const keys = new Map<string, string>(found.body.keys.map((k: { candidateId: string; dataKey: string }) => [k.candidateId, k.dataKey]));
    expect(new Set(keys.values()).size).toBe(3);
    for (const id of ids) {
      const { data } = await publishedData(id);
      expect(() => openJson(Buffer.from(keys.get(id)!, 'base64'), String(data['sealedProfile']), `${id}:profile`)).not.toThrow();
      const other = ids.find((x) => x !== id)!;
      expect(() => openJson(Buffer.from(keys.get(other)!, 'base64'), String(data['sealedProfile']), `${id}:profile`)).toThrow();
    }
  });

  /** Every column of the rows sourcing keeps about these submissions and candidates, as text. */
  const storedText = async (submissionIds: string[], candidateIds: string[]): Promise<string> => {
    const rows: unknown[] = await t.dataSource.query(
      `SELECT row_to_json(s)::text AS row FROM sourcing.submissions s WHERE id = ANY($1::uuid[])
       UNION ALL SELECT row_to_json(i)::text FROM sourcing.candidate_identifiers i WHERE candidate_id = ANY($2::uuid[])
       UNION ALL SELECT row_to_json(d)::text FROM sourcing.duplicates d WHERE submission_id = ANY($1::uuid[])
       UNION ALL SELECT row_to_json(h)::text FROM sourcing.submission_status_history h WHERE submission_id = ANY($1::uuid[])`,
      [submissionIds, candidateIds],
    );
    return JSON.stringify(rows);
  };

  it('sourcing stores identity and profile sealed, identifiers as blind indexes; ops read them opened, an erased person reads as erased', async () => {
    const other = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body.apiKey.key as string;
    const marker = uniqueName('FREE-TEXT');
    const email = `${uniqueName('grace')}@example.org`;
    const phone = '+44 20 7946 0' + String(Math.floor(Math.random() * 900) + 100);
    const name = uniqueName('Grace Hopper');
    const body = submission(requisitionId, { name, email, phone, profileUrl: `https://www.linkedin.com/in/${uniqueName('grace')}` });
    (body.profile as { achievements: string[] }).achievements = [`${marker}: shipped the compiler`];
    const owned = await request(http).post('/v1/submissions').set('x-api-key', key).send(body).expect(202);
    // The duplicate comes through the bulk path: sealed for the person it duplicates, in the same set-based write.
    const dupBody = { ...submission(requisitionId, { name, email }), profile: body.profile };
    const bulk = await request(http).post('/v1/submissions/bulk').set('x-api-key', other).send([dupBody]).expect(200);
    expect(bulk.body.results[0].status).toBe('duplicate');
    const candidateId = owned.body.candidateId as string;
    const ids = [owned.body.submissionId as string, bulk.body.results[0].submissionId as string];

    const needles = [name, email, email.slice(0, email.indexOf('@')), phone.replace(/\D/g, '').slice(-7), marker, 'linkedin.com/in/grace'];
    const text = await storedText(ids, [candidateId]);
    for (const needle of needles) expect(text).not.toContain(needle);
    const rows: { sealed_for: string; personal_data: string }[] = await t.dataSource.query('SELECT sealed_for, personal_data FROM sourcing.submissions WHERE id = ANY($1::uuid[]) ORDER BY received_at', [ids]);
    expect(rows.map((r) => r.sealed_for)).toEqual([candidateId, candidateId]);
    for (const r of rows) expect(r.personal_data).toMatch(SEALED_PATTERN);
    const identifiers: { kind: string; value: string }[] = await t.dataSource.query('SELECT kind, value FROM sourcing.candidate_identifiers WHERE candidate_id = $1 ORDER BY kind', [candidateId]);
    expect(identifiers.map((i) => i.kind)).toEqual(['email', 'phone', 'profile-url']);
    for (const i of identifiers) expect(i.value).toMatch(/^bi1:[A-Za-z0-9_-]{43}$/);

    for (const id of ids) {
      const shown = await request(http).get(`/v1/ops/submissions/${id}`).set(OPS).expect(200);
      expect(shown.body.candidate).toMatchObject({ name, email });
    }

    await request(http).post(`/v1/ops/candidates/${candidateId}/erasure`).set(OPS).send({ requestedBy: 'dpo@example.com' }).expect(200);
    for (const id of ids) {
      const shown = await request(http).get(`/v1/ops/submissions/${id}`).set(OPS).expect(200);
      expect(shown.body.candidate).toEqual({ name: '[erased]' });
    }
    const after = await storedText(ids, [candidateId]);
    for (const needle of needles) expect(after).not.toContain(needle);
    expect(await t.dataSource.query('SELECT 1 FROM sourcing.candidate_identifiers WHERE candidate_id = $1', [candidateId])).toEqual([]);
  });

  it('the lookup needs the key service token (the ops token does not open it), takes 1 to 1000 uuids, and names unknown ids', async () => {
    const anyId = { candidateIds: ['00000000-0000-4000-8000-000000000000'] };
    await request(http).post('/v1/ops/candidate-keys/lookup').send(anyId).expect(401);
    const withOps = await request(http).post('/v1/ops/candidate-keys/lookup').set(OPS).send(anyId).expect(401);
    expect(withOps.body.detail).toContain('KEY_SERVICE_TOKEN');
    await lookup([]).expect(400);
    await lookup(Array.from({ length: 1001 }, () => '00000000-0000-4000-8000-000000000000')).expect(400);
    await lookup(['not-a-uuid']).expect(400);
    const unknown = await lookup(['00000000-0000-4000-8000-000000000000']).expect(200);
    expect(unknown.body).toEqual({ keys: [], erased: [], unknown: ['00000000-0000-4000-8000-000000000000'] });
  });

  it('the key service token opens no other route', async () => {
    const routes: [method: 'get' | 'post', path: string, body?: object][] = [
      ['get', '/v1/agencies'],
      ['get', '/v1/ops/master-keys'],
      ['post', '/v1/ops/master-keys/rewrap', {}],
      ['get', '/v1/requisitions'],
      ['post', '/v1/ops/candidates/00000000-0000-4000-8000-000000000000/erasure', { requestedBy: 'dpo@example.com' }],
      ['get', '/v1/ops/webhooks/deliveries'],
    ];
    for (const [method, path, body] of routes) {
      const res = await request(http)[method](path).set(KEY_SERVICE).send(body);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    await request(http).get('/v1/ops/master-keys').set(OPS).expect(200);
  });
});
