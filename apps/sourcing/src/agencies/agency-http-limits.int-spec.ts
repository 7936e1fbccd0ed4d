import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { MAX_BULK_BYTES, MAX_BULK_ITEMS } from '../submissions/submission.dto';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';

describe('agency routes: rate limit per API key', () => {
  let t: SourcingTestApp;
  let http: App;

  beforeAll(async () => {
    t = await createSourcingTestApp({ AGENCY_RATE_LIMIT_PER_MINUTE: '3' });
    http = t.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  const newKey = async (): Promise<string> => {
    const res = await request(http).post('/v1/agencies').set('Authorization', `Bearer ${TEST_OPS_TOKEN}`).send({ name: uniqueName('agency') }).expect(201);
    return res.body.apiKey.key;
  };

  it('the 4th request in a minute with one key is a 429 problem; another key is unaffected; ops routes are not limited', async () => {
    const [key, other] = [await newKey(), await newKey()];
    const missing = '/v1/submissions/00000000-0000-4000-8000-000000000000';
    for (let i = 0; i < 3; i += 1) await request(http).get(missing).set('x-api-key', key).expect(404);
    const limited = await request(http).get(missing).set('x-api-key', key).expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body.status).toBe(429);
    // The standard header, a whole number of seconds within the minute; no library-named variants, no class names in the text.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(Object.keys(limited.headers).filter((h) => /retry-after-|ratelimit/i.test(h))).toEqual([]);
    expect(limited.body).toMatchObject({ type: 'https://hiring.local/problems/too-many-requests', title: 'Too many requests' });
    expect(limited.body.detail).toContain('3 requests in a minute');
    expect(limited.body.detail).not.toMatch(/Exception/);
    await request(http).get(missing).set('x-api-key', other).expect(404);
    for (let i = 0; i < 5; i += 1) await request(http).get('/v1/agencies').set('Authorization', `Bearer ${TEST_OPS_TOKEN}`).expect(200);
  });
});

describe('body limit', () => {
  let t: SourcingTestApp;

  beforeAll(async () => {
    t = await createSourcingTestApp();
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('a bulk body over the limit is refused with a 413 problem before any work, naming the limit in items and bytes', async () => {
    const res = await request(t.app.getHttpServer() as App)
      .post('/v1/submissions/bulk')
      .set('x-api-key', 'hak_whatever-key-not-checked-yet-0000')
      .set('content-type', 'application/x-ndjson')
      .send('x'.repeat(MAX_BULK_BYTES + 10));
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ type: 'https://hiring.local/problems/entity-too-large', limitBytes: MAX_BULK_BYTES });
    expect(res.body.detail).toContain(`at most ${MAX_BULK_ITEMS} submissions and ${MAX_BULK_BYTES} bytes`);
  });

  it('a malformed JSON body is a 400 problem, not a server error', async () => {
    const res = await request(t.app.getHttpServer() as App)
      .post('/v1/submissions')
      .set('x-api-key', 'hak_whatever-key-not-checked-yet-0000')
      .set('content-type', 'application/json')
      .send('{"candidate": ');
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, instance: '/v1/submissions' });
    expect(String(res.body.detail)).toMatch(/JSON/);
  });
});
