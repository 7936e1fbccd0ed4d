// The hardening list of issue 10, each with the exact bad input that used to
// get a 500 (or the wrong answer), through the real app and real Postgres.
import { MAX_JSON_DEPTH } from '@hiring/platform';
import { TcpProxy, testDatabaseUrl, uniqueName, waitFor } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission, uniqueEmail } from '../test/submission.fixtures';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

/** `{"a":{"a":...1...}}`, `depth` objects deep. */
function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The JSON text of `body`, with `marker` (inside some string) replaced by raw bytes that are not UTF-8. */
function withInvalidUtf8(body: unknown, marker: string): Buffer {
  const [before, after] = JSON.stringify(body).split(marker);
  return Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after!, 'utf8')]);
}

/** Sends bytes as they are (supertest would serialise a Buffer as JSON). */
function postBytes(http: App, path: string, key: string, type: string, bytes: Buffer) {
  const req = request(http).post(path).set('x-api-key', key).set('content-type', type);
  req.write(bytes);
  return req;
}

async function newAgencyKey(http: App): Promise<string> {
  const res = await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201);
  return res.body.apiKey.key;
}

async function newRequisition(http: App): Promise<string> {
  const res = await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead, hardening', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201);
  return res.body.id;
}

describe('hardening: bad input on every body route', () => {
  let t: SourcingTestApp;
  let http: App;
  let key: string;
  let requisitionId: string;

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    key = await newAgencyKey(http);
    requisitionId = await newRequisition(http);
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('JSON nested 5,000 deep is a 400 naming the depth limit (agency and ops routes), not a stack overflow', async () => {
    for (const [path, auth] of [
      ['/v1/submissions', { 'x-api-key': key }],
      ['/v1/agencies', OPS],
      ['/v1/submissions/bulk', { 'x-api-key': key }],
    ] as const) {
      const res = await request(http).post(path).set(auth).set('content-type', 'application/json').send(nestedJson(5_000));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://hiring.local/problems/too-deep', maxDepth: MAX_JSON_DEPTH });
      expect(res.body.detail).toContain(String(MAX_JSON_DEPTH));
    }
  });

  it('a profile nested just beyond the limit is refused, a normal one is not', async () => {
    const deep = submission(requisitionId);
    let leaf: Record<string, unknown> = {};
    (deep.profile as Record<string, unknown>)['extra'] = leaf;
    for (let i = 0; i < MAX_JSON_DEPTH; i += 1) {
      const next = {};
      leaf['x'] = next;
      leaf = next;
    }
    const res = await request(http).post('/v1/submissions').set('x-api-key', key).send(deep);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://hiring.local/problems/too-deep');
  });

  it('a NUL in a string is a 400 naming the field, and nothing is stored', async () => {
    const body = submission(requisitionId, { name: 'Jane\u0000Doe' });
    const res = await request(http).post('/v1/submissions').set('x-api-key', key).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'candidate.name', message: 'must not contain the NUL character (U+0000)' }]);
    const stored = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE external_id = $1', [body.externalId]);
    expect(stored[0].n).toBe(0);
  });

  it('bytes that are not UTF-8 inside a string are a 400 naming the field', async () => {
    const body = submission(requisitionId);
    (body.profile as { achievements: string[] }).achievements = ['MARKER'];
    const res = await postBytes(http, '/v1/submissions', key, 'application/json', withInvalidUtf8(body, 'MARKER'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'profile.achievements[0]', message: 'must be valid UTF-8 text' }]);
  });

  it('bulk (JSON array): a NUL item and a non-UTF-8 item are invalid on their own, their neighbour is accepted', async () => {
    const good = submission(requisitionId);
    const nul = submission(requisitionId, { name: 'Nul\u0000Name' });
    const bad = submission(requisitionId, { name: 'MARKER' });
    const res = await postBytes(http, '/v1/submissions/bulk', key, 'application/json', withInvalidUtf8([good, nul, bad], 'MARKER'));
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['sourced', 'invalid', 'invalid']);
    expect(res.body.results[1].errors).toEqual([{ path: 'candidate.name', message: 'must not contain the NUL character (U+0000)' }]);
    expect(res.body.results[2].errors).toEqual([{ path: 'candidate.name', message: 'must be valid UTF-8 text' }]);
  });

  it('bulk (NDJSON): a line with a NUL is invalid on its own', async () => {
    const lines = [submission(requisitionId), submission(requisitionId, { name: 'Nul\u0000Name' })].map((s) => JSON.stringify(s)).join('\n');
    const res = await request(http).post('/v1/submissions/bulk').set('x-api-key', key).set('content-type', 'application/x-ndjson').send(lines);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['sourced', 'invalid']);
    expect(res.body.results[1].errors[0].path).toBe('candidate.name');
  });

  it('a JSON body sent as text/plain, a form or XML is a 415 naming the accepted types', async () => {
    const json = JSON.stringify(submission(requisitionId));
    for (const [type, body] of [
      ['text/plain', json],
      ['application/x-www-form-urlencoded', 'externalId=x&requisitionId=y'],
      ['application/xml', '<submission><externalId>x</externalId></submission>'],
    ]) {
      const res = await request(http).post('/v1/submissions').set('x-api-key', key).set('content-type', type!).send(body);
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('https://hiring.local/problems/unsupported-media-type');
      expect(res.body.detail).toContain('application/json');
      expect(res.body.accepted).toEqual(expect.arrayContaining(['application/json', 'application/x-ndjson']));
    }
  });

  it('an email with surrounding spaces is trimmed, as documented, and accepted', async () => {
    const email = uniqueEmail();
    const body = submission(requisitionId, { email: `  ${email.toUpperCase()} ` });
    const res = await request(http).post('/v1/submissions').set('x-api-key', key).send(body);
    expect(res.status).toBe(202);
    const shown = await request(http).get(`/v1/ops/submissions/${res.body.submissionId}`).set(OPS).expect(200);
    expect(shown.body.candidate.email).toBe(email.toUpperCase());
  });
});

describe('hardening: failed authentication is throttled per source address', () => {
  let t: SourcingTestApp;
  let http: App;

  beforeAll(async () => {
    t = await createSourcingTestApp({ AUTH_FAILURES_PER_MINUTE: '5' });
    http = t.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('after 5 wrong keys or tokens, every authenticated route answers 429 with Retry-After, even with the right key', async () => {
    const key = await newAgencyKey(http);
    const missing = '/v1/submissions/00000000-0000-4000-8000-000000000000';
    await request(http).get(missing).set('x-api-key', key).expect(404);
    for (let i = 0; i < 3; i += 1) await request(http).get(missing).set('x-api-key', `hak_wrong-${i}`).expect(401);
    for (let i = 0; i < 2; i += 1) await request(http).get('/v1/agencies').set('Authorization', `Bearer wrong-ops-token-${i}`).expect(401);
    for (const attempt of [
      request(http).get(missing).set('x-api-key', 'hak_wrong-again'),
      request(http).get(missing).set('x-api-key', key),
      request(http).get('/v1/agencies').set(OPS),
    ]) {
      const res = await attempt;
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://hiring.local/problems/too-many-requests', status: 429 });
      expect(res.body.detail).not.toMatch(/Exception/);
    }
  });
});

describe('hardening: while the database is away', () => {
  let t: SourcingTestApp;
  let http: App;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const url = new URL(testDatabaseUrl());
    proxy = await TcpProxy.start(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    t = await createSourcingTestApp({ DATABASE_URL: url.toString() });
    http = t.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await proxy?.restore();
    await t?.app.close();
    await proxy?.close();
  });

  it('agency and ops routes answer 503 with Retry-After (not 500), and recover when it is back', async () => {
    const key = await newAgencyKey(http);
    await proxy.cut();
    for (const attempt of [() => request(http).get('/v1/agencies').set(OPS), () => request(http).post('/v1/submissions').set('x-api-key', key).send(submission('00000000-0000-4000-8000-000000000000'))]) {
      const res = await attempt();
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ type: 'https://hiring.local/problems/unavailable', status: 503 });
    }
    await proxy.restore();
    await waitFor(async () => (await request(http).get('/v1/agencies').set(OPS)).status === 200, { description: 'ops route answers 200 again', timeoutMs: 20_000, intervalMs: 200 });
  });
});
