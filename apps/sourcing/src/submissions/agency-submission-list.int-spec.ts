// An agency finds out what happened to its submissions: by its own externalId,
// and as a cursor-paged list with filters. Every route and every filter is
// tried across two agencies that use the same externalId and the same
// requisitions: neither ever sees the other's submission.
import { randomUUID } from 'node:crypto';
import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission, uniqueEmail } from '../test/submission.fixtures';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

interface Agency {
  id: string;
  key: string;
}

interface Item {
  submissionId: string;
  externalId: string;
  requisitionId: string;
  status: string;
  updatedAt: string;
  history: Array<{ status: string; at: string }>;
}

describe('sourcing: an agency looks up and lists its own submissions (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let a: Agency;
  let b: Agency;
  let r1: string;
  let r2: string;
  const sharedExternalId = uniqueName('shared-ext');
  const mine: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2', string> = { a1: '', a2: '', a3: '', b1: '', b2: '' };

  const createAgency = async (): Promise<Agency> => {
    const res = await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('list-agency') }).expect(201);
    return { id: res.body.agency.id, key: res.body.apiKey.key };
  };
  const get = (agency: Agency, path: string) => request(http).get(path).set('x-api-key', agency.key);
  const submit = async (agency: Agency, body: object) => {
    const res = await request(http).post('/v1/submissions').set('x-api-key', agency.key).send(body);
    expect(res.status).toBe(202);
    return res.body as { submissionId: string; status: string };
  };
  /** Every page of a list, following nextCursor with the same query. */
  const all = async (agency: Agency, query: Record<string, string> = {}, limit = 200): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const res = await get(agency, '/v1/submissions').query({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...(res.body.items as Item[]));
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('more than 100 pages');
  };
  const ids = (items: Item[]) => items.map((i) => i.submissionId);

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    const requisition = async () => (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'Lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id as string;
    r1 = await requisition();
    r2 = await requisition();
    a = await createAgency();
    b = await createAgency();
    const duplicated = uniqueEmail();
    mine.a1 = (await submit(a, submission(r1, { externalId: sharedExternalId, email: duplicated }))).submissionId;
    mine.a2 = (await submit(a, submission(r2))).submissionId;
    mine.a3 = (await submit(a, submission(r1))).submissionId;
    // B uses A's externalId for another person, and submits A's person again (a duplicate).
    mine.b1 = (await submit(b, submission(r1, { externalId: sharedExternalId }))).submissionId;
    const dup = await submit(b, submission(r1, { email: duplicated }));
    expect(dup.status).toBe('duplicate');
    mine.b2 = dup.submissionId;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  describe('GET /v1/submissions/by-external-id/{externalId}', () => {
    it("answers exactly what the single read answers, for the caller's own submission", async () => {
      const byExternal = await get(a, `/v1/submissions/by-external-id/${sharedExternalId}`).expect(200);
      const byId = await get(a, `/v1/submissions/${mine.a1}`).expect(200);
      expect(byExternal.body).toEqual(byId.body);
      expect(byExternal.body).toMatchObject({ submissionId: mine.a1, externalId: sharedExternalId, requisitionId: r1, status: 'sourced' });
      expect(byExternal.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'sourced']);
      expect(JSON.stringify(byExternal.body)).not.toMatch(/@example\.com|Jane Doe/);
    });

    it("the same externalId finds each agency's own submission, never the other's", async () => {
      expect((await get(b, `/v1/submissions/by-external-id/${sharedExternalId}`).expect(200)).body.submissionId).toBe(mine.b1);
      const aExternal = (await get(a, `/v1/submissions/${mine.a2}`).expect(200)).body.externalId as string;
      const foreign = await get(b, `/v1/submissions/by-external-id/${aExternal}`).expect(404);
      const missing = await get(b, `/v1/submissions/by-external-id/${uniqueName('never-used')}`).expect(404);
      expect(foreign.body.type).toBe(missing.body.type);
      expect(foreign.body.type).toBe('https://hiring.local/problems/submission-not-found');
      expect(JSON.stringify(foreign.body)).not.toContain(mine.a2);
    });

    it('an externalId that could never be valid is a 400; no key is a 401', async () => {
      expect((await get(a, `/v1/submissions/by-external-id/${encodeURIComponent('has space')}`).expect(400)).body.type).toBe('https://hiring.local/problems/validation');
      await get(a, `/v1/submissions/by-external-id/${'x'.repeat(129)}`).expect(400);
      await request(http).get(`/v1/submissions/by-external-id/${sharedExternalId}`).expect(401);
    });
  });

  describe('GET /v1/submissions', () => {
    it("lists the caller's submissions only, each as the single read shows it, in (updatedAt, id) order", async () => {
      const listed = await all(a);
      expect(ids(listed).sort()).toEqual([mine.a1, mine.a2, mine.a3].sort());
      for (const item of listed) expect(item).toEqual((await get(a, `/v1/submissions/${item.submissionId}`).expect(200)).body);
      const order = listed.map((i) => [i.updatedAt, i.submissionId].join(' '));
      expect(order).toEqual([...order].sort());
      expect(ids(await all(b)).sort()).toEqual([mine.b1, mine.b2].sort());
    });

    it('filters by requisition and status within the caller only', async () => {
      expect(ids(await all(a, { requisitionId: r1 })).sort()).toEqual([mine.a1, mine.a3].sort());
      expect(ids(await all(b, { requisitionId: r1 })).sort()).toEqual([mine.b1, mine.b2].sort());
      expect(ids(await all(b, { requisitionId: r2 }))).toEqual([]);
      expect(ids(await all(a, { status: 'duplicate' }))).toEqual([]);
      expect(ids(await all(b, { status: 'duplicate' }))).toEqual([mine.b2]);
      expect(ids(await all(a, { status: 'sourced', requisitionId: r2 }))).toEqual([mine.a2]);
      expect(ids(await all(a, { requisitionId: randomUUID() }))).toEqual([]);
    });

    it('updatedSince keeps the submissions changed at or after that time', async () => {
      const listed = await all(a);
      const since = listed[listed.length - 1].updatedAt;
      const expected = listed.filter((i) => i.updatedAt >= since).map((i) => i.submissionId);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(await all(a, { updatedSince: since }))).toEqual(expected);
      expect(ids(await all(a, { updatedSince: new Date(Date.now() + 3_600_000).toISOString() }))).toEqual([]);
      expect(ids(await all(b, { updatedSince: '2020-01-01T00:00:00Z' })).sort()).toEqual([mine.b1, mine.b2].sort());
    });

    it('pages one at a time through the same list, each submission once, with the same filters', async () => {
      const whole = ids(await all(a));
      expect(ids(await all(a, {}, 1))).toEqual(whole);
      expect(ids(await all(a, { requisitionId: r1 }, 1))).toEqual(ids(await all(a, { requisitionId: r1 })));
      const first = await get(a, '/v1/submissions').query({ limit: '3' }).expect(200);
      expect(first.body.nextCursor).toBeUndefined();
    });

    it("a cursor is the caller's, for its filters, unaltered: otherwise a 400 that shows nothing", async () => {
      const page = await get(a, '/v1/submissions').query({ limit: '1' }).expect(200);
      const cursor = page.body.nextCursor as string;
      expect(cursor).toEqual(expect.any(String));
      const altered = cursor.slice(0, 3) + (cursor[3] === 'A' ? 'B' : 'A') + cursor.slice(4);
      const refusals = [
        get(b, '/v1/submissions').query({ limit: '1', cursor }),
        get(a, '/v1/submissions').query({ limit: '1', cursor: altered }),
        get(a, '/v1/submissions').query({ limit: '1', cursor: `${cursor}x` }),
        get(a, '/v1/submissions').query({ limit: '1', cursor, requisitionId: r1 }),
        get(a, '/v1/submissions').query({ limit: '1', cursor, status: 'sourced' }),
        get(b, '/v1/submissions/rejections').query({ limit: '1', cursor }),
      ];
      for (const res of await Promise.all(refusals)) {
        expect(res.status).toBe(400);
        expect(res.body.type).toBe('https://hiring.local/problems/validation');
        expect(res.body.items).toBeUndefined();
        expect(JSON.stringify(res.body)).not.toContain(mine.a1);
      }
      // The same cursor, used as issued, goes on.
      expect((await get(a, '/v1/submissions').query({ limit: '1', cursor }).expect(200)).body.items).toHaveLength(1);
    });

    it('bad filters are 400 problems naming the field', async () => {
      for (const [query, field] of [
        [{ status: 'hired' }, 'status'],
        [{ requisitionId: 'r1' }, 'requisitionId'],
        [{ updatedSince: 'yesterday' }, 'updatedSince'],
        [{ limit: '0' }, 'limit'],
        [{ limit: '201' }, 'limit'],
        [{ agencyId: b.id }, 'agencyId'],
      ] as const) {
        const res = await get(a, '/v1/submissions').query(query).expect(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      await request(http).get('/v1/submissions').expect(401);
    });

    it('the routes beside it still answer: one submission by id, and the rejections', async () => {
      await get(a, `/v1/submissions/${mine.a1}`).expect(200);
      await get(a, `/v1/submissions/${mine.b1}`).expect(404);
      expect((await get(a, '/v1/submissions/rejections').expect(200)).body.items).toEqual([]);
    });
  });
});
