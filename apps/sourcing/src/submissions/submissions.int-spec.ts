import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalJson } from '@hiring/contracts';
import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { IdentifierIndex } from '../personal-data/identifier-index';
import { MAX_BULK_BYTES, MAX_BULK_ITEMS } from './submission.dto';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission, uniqueEmail, uniquePhone } from '../test/submission.fixtures';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

interface CreatedAgency {
  id: string;
  name: string;
  key: string;
  keyId: string;
}

describe('sourcing HTTP API (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let requisitionId: string;

  const createAgency = async (): Promise<CreatedAgency> => {
    const name = uniqueName('agency');
    const res = await request(http).post('/v1/agencies').set(OPS).send({ name }).expect(201);
    return { id: res.body.agency.id, name, key: res.body.apiKey.key, keyId: res.body.apiKey.id };
  };
  /** Identifiers are stored as blind indexes: what a normalised email is stored as. */
  const indexed = (email: string) => t.app.get(IdentifierIndex).value('email', email);
  const submit = (agency: CreatedAgency, body: object, headers: Record<string, string> = {}) =>
    request(http).post('/v1/submissions').set('x-api-key', agency.key).set(headers).send(body);

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    const req = await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead, ranking', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201);
    requisitionId = req.body.id;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  describe('agencies and API keys', () => {
    it('creates an agency: the key and signing secret are shown once, only a hash and a prefix are stored', async () => {
      const name = uniqueName('agency');
      const res = await request(http).post('/v1/agencies').set(OPS).send({ name }).expect(201);
      const { key, prefix, id: keyId } = res.body.apiKey;
      expect(key).toMatch(/^hak_[A-Za-z0-9_-]{43}$/);
      expect(key.startsWith(prefix)).toBe(true);
      expect(res.body.signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const stored = await t.dataSource.query('SELECT key_hash, prefix FROM sourcing.agency_api_keys WHERE id = $1', [keyId]);
      expect(stored).toHaveLength(1);
      expect(stored[0].key_hash).not.toContain(key);
      expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);

      const shown = await request(http).get(`/v1/agencies/${res.body.agency.id}`).set(OPS).expect(200);
      expect(JSON.stringify(shown.body)).not.toContain(key);
      expect(JSON.stringify(shown.body)).not.toContain(res.body.signingSecret);
      expect(shown.body.apiKeys).toEqual([expect.objectContaining({ id: keyId, prefix, status: 'active' })]);
    });

    it('admin routes need the ops token', async () => {
      const res = await request(http).post('/v1/agencies').send({ name: uniqueName('agency') }).expect(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('a duplicate agency name is a 409 problem', async () => {
      const agency = await createAgency();
      const res = await request(http).post('/v1/agencies').set(OPS).send({ name: agency.name }).expect(409);
      expect(res.body.type).toBe('https://hiring.local/problems/agency-name-taken');
    });

    it('a revoked key gets 401 problem+json; unknown keys too', async () => {
      const agency = await createAgency();
      await submit(agency, submission(requisitionId)).expect(202);
      await request(http).delete(`/v1/agencies/${agency.id}/api-keys/${agency.keyId}`).set(OPS).expect(204);
      const res = await submit(agency, submission(requisitionId)).expect(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, type: 'https://hiring.local/problems/unauthorized' });
      await request(http).post('/v1/submissions').set('x-api-key', 'hak_not-a-real-key-at-all-000000').send(submission(requisitionId)).expect(401);
      await request(http).post('/v1/submissions').send(submission(requisitionId)).expect(401);
    });

    it('rotation issues a new key and the old one stops working', async () => {
      const agency = await createAgency();
      const rotated = await request(http).post(`/v1/agencies/${agency.id}/api-keys/rotate`).set(OPS).expect(201);
      await submit(agency, submission(requisitionId)).expect(401);
      await submit({ ...agency, key: rotated.body.key }, submission(requisitionId)).expect(202);
    });
  });

  describe('requisitions', () => {
    it('stores the role advice with the requisition; ops may override the target role', async () => {
      const advised = await request(http).get(`/v1/requisitions/${requisitionId}`).set(OPS).expect(200);
      expect(advised.body).toMatchObject({ targetRole: 'ai-tech-lead', roleSource: 'advisor', status: 'open', advice: { role: 'ai-tech-lead', rulesVersion: '2026-03' } });
      expect(advised.body.advice.reasons.length).toBeGreaterThan(0);

      const overridden = await request(http)
        .post('/v1/requisitions')
        .set(OPS)
        .send({ title: 'Override', locationTier: 'us-metro', signals: AI_LEAD_SIGNALS, targetRole: 'tech-lead' })
        .expect(201);
      expect(overridden.body).toMatchObject({ targetRole: 'tech-lead', roleSource: 'ops', advice: { role: 'ai-tech-lead' } });
    });

    it('a closed requisition takes no submissions (422), an unknown one neither', async () => {
      const req = await request(http).post('/v1/requisitions').set(OPS).send({ title: 'Soon closed', locationTier: 'us-remote', signals: AI_LEAD_SIGNALS }).expect(201);
      await request(http).post(`/v1/requisitions/${req.body.id}/close`).set(OPS).expect(200);
      const agency = await createAgency();
      const closed = await submit(agency, submission(req.body.id)).expect(422);
      expect(closed.body.type).toBe('https://hiring.local/problems/requisition-closed');
      const unknown = await submit(agency, submission('00000000-0000-4000-8000-000000000000')).expect(422);
      expect(unknown.body.errors).toEqual([{ path: 'requisitionId', message: 'is not a known requisition' }]);
    });

    it('agencies list the open requisitions with their key, without the internal advisor signals', async () => {
      const agency = await createAgency();
      const closed = await request(http).post('/v1/requisitions').set(OPS).send({ title: 'Closed one', locationTier: 'us-remote', signals: AI_LEAD_SIGNALS }).expect(201);
      await request(http).post(`/v1/requisitions/${closed.body.id}/close`).set(OPS).expect(200);

      const open = await request(http).get('/v1/open-requisitions').set('x-api-key', agency.key).expect(200);
      const ids = open.body.map((r: { id: string }) => r.id);
      expect(ids).toContain(requisitionId);
      expect(ids).not.toContain(closed.body.id);
      expect(open.body.find((r: { id: string }) => r.id === requisitionId)).toEqual({
        id: requisitionId,
        title: 'AI lead, ranking',
        locationTier: 'uk-london',
        targetRole: 'ai-tech-lead',
        openedAt: expect.any(String),
      });
      await request(http).get('/v1/open-requisitions').expect(401);
    });
  });

  describe('submitting one candidate', () => {
    it('answers 202 with the submission and a new candidate, and records the status history', async () => {
      const agency = await createAgency();
      const res = await submit(agency, submission(requisitionId)).expect(202);
      expect(res.body).toEqual({ submissionId: expect.any(String), status: 'sourced', candidateId: expect.any(String) });

      const shown = await request(http).get(`/v1/submissions/${res.body.submissionId}`).set('x-api-key', agency.key).expect(200);
      expect(shown.body).toMatchObject({ submissionId: res.body.submissionId, status: 'sourced', candidateId: res.body.candidateId, requisitionId });
      expect(shown.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'sourced']);
    });

    it('calls the events publisher inside the transaction with the profile and no identity', async () => {
      const agency = await createAgency();
      const phone = uniquePhone();
      const body = submission(requisitionId, { phone, profileUrl: `https://www.linkedin.com/in/${uniqueName('jane')}` });
      const res = await submit(agency, body).expect(202);
      const recorded = t.events.sourced.find((e) => e.event.submissionId === res.body.submissionId);
      expect(recorded).toBeDefined();
      expect(recorded?.inTransaction).toBe(true);
      expect(recorded?.event).toEqual({
        candidateId: res.body.candidateId,
        submissionId: res.body.submissionId,
        agencyId: agency.id,
        requisitionId,
        role: 'ai-tech-lead',
        locationTier: 'uk-london',
        sourcedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        profile: body.profile,
      });
      const serialised = JSON.stringify(recorded?.event);
      for (const pii of [body.candidate['email'], body.candidate['name'], phone.replace(/\D/g, '').slice(-7), 'linkedin']) expect(serialised).not.toContain(pii);
    });

    it('is idempotent by externalId: same body -> 200 with the original id, never a second row', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId);
      const first = await submit(agency, body).expect(202);
      const again = await submit(agency, body).expect(200);
      expect(again.body).toEqual(first.body);
      const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE agency_id = $1 AND external_id = $2', [agency.id, body.externalId]);
      expect(rows[0].n).toBe(1);
      expect(t.events.sourced.filter((e) => e.event.submissionId === first.body.submissionId)).toHaveLength(1);
    });

    it('is idempotent by Idempotency-Key; the same key with another body is a 409 problem', async () => {
      const agency = await createAgency();
      const key = uniqueName('idem');
      const first = await submit(agency, submission(requisitionId), { 'Idempotency-Key': key }).expect(202);
      const conflict = await submit(agency, submission(requisitionId), { 'Idempotency-Key': key }).expect(409);
      expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(conflict.body).toMatchObject({ status: 409, type: 'https://hiring.local/problems/idempotency-conflict' });
      const rows = await t.dataSource.query('SELECT id FROM sourcing.submissions WHERE agency_id = $1', [agency.id]);
      expect(rows).toEqual([{ id: first.body.submissionId }]);
    });

    it('the same externalId with a different body is a 409 problem', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId);
      await submit(agency, body).expect(202);
      const res = await submit(agency, { ...body, candidate: { ...body.candidate, name: 'Someone Else' } }).expect(409);
      expect(res.body.errors).toEqual([{ path: 'externalId', message: 'was already used with a different body' }]);
    });

    it('stores a keyed idempotency hash; a submission stored with the older unkeyed hash still replays, and another body still conflicts', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId);
      const first = await submit(agency, body).expect(202);
      const canonical = canonicalJson({ externalId: body.externalId, requisitionId: body.requisitionId, candidate: body.candidate, profile: body.profile });
      const unkeyed = createHash('sha256').update(canonical, 'utf8').digest('hex');
      const stored = async () => ((await t.dataSource.query('SELECT request_hash FROM sourcing.submissions WHERE id = $1', [first.body.submissionId])) as { request_hash: string }[])[0]!.request_hash;
      expect(await stored()).toBe(t.app.get(IdentifierIndex).requestHashes(canonical, () => canonical).keyed);
      expect(await stored()).toMatch(/^k1:[0-9a-f]{64}$/);
      expect(await stored()).not.toContain(unkeyed);

      // As a row stored before keyed hashes: its unkeyed SHA-256.
      await t.dataSource.query('UPDATE sourcing.submissions SET request_hash = $2 WHERE id = $1', [first.body.submissionId, unkeyed]);
      const again = await submit(agency, body).expect(200);
      expect(again.body).toMatchObject({ submissionId: first.body.submissionId });
      await submit(agency, { ...body, candidate: { ...body.candidate, name: 'Someone Else' } }).expect(409);
      expect(await stored()).toBe(unkeyed);
    });

    it('a concurrent twin of one submission still yields exactly one row', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId);
      const [a, b] = await Promise.all([submit(agency, body), submit(agency, body)]);
      expect([a.status, b.status].sort()).toEqual([200, 202]);
      expect(a.body.submissionId).toBe(b.body.submissionId);
    });

    it('an invalid body is a 400 problem+json naming every field path', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId, { email: 'not-an-email' });
      const res = await submit(agency, { ...body, unexpected: true }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('https://hiring.local/problems/validation');
      const paths = res.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['unexpected', 'candidate.email']));
    });

    it('an invalid profile is a 400 problem with the domain validator paths under profile.', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId);
      const res = await submit(agency, { ...body, profile: { ...body.profile, yearsOfExperience: -3, targetRole: 'ceo' } }).expect(400);
      const paths = res.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['profile.yearsOfExperience', 'profile.targetRole']));
    });

    it('a profile key named like a prototype member is refused as the bulk route refuses it, not dropped', async () => {
      const agency = await createAgency();
      const body = submission(requisitionId);
      // Raw JSON text: `__proto__` stays an own key, as JSON.parse makes it for the service.
      for (const [key, value] of [['toString', '"x"'], ['__proto__', '{"polluted":true}'], ['constructor', '1']] as const) {
        const profileJson = JSON.stringify(body.profile).replace(/^\{/, `{${JSON.stringify(key)}:${value},`);
        const one = `{"externalId":${JSON.stringify(uniqueName('ext'))},"requisitionId":"${requisitionId}","candidate":${JSON.stringify(body.candidate)},"profile":${profileJson}}`;
        const single = await request(http).post('/v1/submissions').set('x-api-key', agency.key).set('content-type', 'application/json').send(one).expect(400);
        expect(single.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(single.body.errors.map((e: { path: string }) => e.path)).toContain(`profile.${key}`);
        const bulk = await request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).set('content-type', 'application/json').send(`[${one}]`).expect(200);
        expect(bulk.body.results[0].errors).toEqual(single.body.errors);
      }
    });

    it('a candidate without any identifier is a 400 problem', async () => {
      const agency = await createAgency();
      const res = await submit(agency, submission(requisitionId, { email: undefined })).expect(400);
      expect(res.body.errors).toEqual([{ path: 'candidate', message: 'needs at least one of email, phone, profileUrl to identify the candidate' }]);
    });

    it("another agency's submission is 404 for an agency, and readable by ops", async () => {
      const [a, b] = [await createAgency(), await createAgency()];
      const res = await submit(a, submission(requisitionId)).expect(202);
      const hidden = await request(http).get(`/v1/submissions/${res.body.submissionId}`).set('x-api-key', b.key).expect(404);
      expect(hidden.headers['content-type']).toMatch(/application\/problem\+json/);
      const ops = await request(http).get(`/v1/ops/submissions/${res.body.submissionId}`).set(OPS).expect(200);
      expect(ops.body).toMatchObject({ submissionId: res.body.submissionId, agency: { id: a.id, name: a.name }, status: 'sourced' });
    });
  });

  describe('duplicates across agencies', () => {
    it("agency B submitting agency A's candidate (email in another case) is a duplicate, and B learns nothing about A", async () => {
      const [a, b] = [await createAgency(), await createAgency()];
      const email = uniqueEmail();
      const owned = await submit(a, submission(requisitionId, { email })).expect(202);
      const eventsBefore = t.events.sourced.length;

      const dup = await submit(b, submission(requisitionId, { email: email.toUpperCase() })).expect(202);
      expect(dup.body).toEqual({ submissionId: expect.any(String), status: 'duplicate' });
      const shown = await request(http).get(`/v1/submissions/${dup.body.submissionId}`).set('x-api-key', b.key).expect(200);
      for (const body of [dup.body, shown.body]) {
        const text = JSON.stringify(body);
        for (const secret of [a.id, a.name, owned.body.candidateId, owned.body.submissionId]) expect(text).not.toContain(secret);
      }
      expect(shown.body.status).toBe('duplicate');
      expect(t.events.sourced.length).toBe(eventsBefore);

      const dups = await request(http).get('/v1/duplicates').query({ agencyId: b.id }).set(OPS).expect(200);
      expect(dups.body).toEqual([
        expect.objectContaining({
          submissionId: dup.body.submissionId,
          submittingAgency: { id: b.id, name: b.name },
          owningAgency: { id: a.id, name: a.name },
          ownerCandidateId: owned.body.candidateId,
          matchedOn: ['email'],
          rulesVersion: '2026-03',
        }),
      ]);
    });

    it('matches on any identifier: phone format and profile URL variants', async () => {
      const [a, b] = [await createAgency(), await createAgency()];
      const handle = uniqueName('jane');
      const phone = uniquePhone('+44 20 ');
      const owned = await submit(a, submission(requisitionId, { phone, profileUrl: `https://www.linkedin.com/in/${handle}/` })).expect(202);
      expect(owned.body.status).toBe('sourced');
      const byUrl = await submit(b, submission(requisitionId, { profileUrl: `http://LinkedIn.com/in/${handle}?trk=x` })).expect(202);
      expect(byUrl.body.status).toBe('duplicate');
      const byPhone = await submit(b, submission(requisitionId, { phone: `00${phone.replace(/\D/g, '')}` })).expect(202);
      expect(byPhone.body.status).toBe('duplicate');
      const dups = await request(http).get('/v1/duplicates').query({ agencyId: b.id }).set(OPS).expect(200);
      expect(dups.body.map((d: { matchedOn: string[] }) => d.matchedOn).sort()).toEqual([['phone'], ['profile-url']]);
    });

    it('the same agency resubmitting the same person (new externalId) joins the same candidate', async () => {
      const a = await createAgency();
      const email = uniqueEmail();
      const first = await submit(a, submission(requisitionId, { email })).expect(202);
      const second = await submit(a, submission(requisitionId, { email: email.toUpperCase(), phone: uniquePhone('+1 415 ') })).expect(202);
      expect(second.body).toMatchObject({ status: 'sourced', candidateId: first.body.candidateId });
      expect(second.body.submissionId).not.toBe(first.body.submissionId);
    });

    it('two agencies racing with the same email: exactly one owner, one duplicate', async () => {
      for (let round = 0; round < 5; round += 1) {
        const [a, b] = [await createAgency(), await createAgency()];
        const email = uniqueEmail();
        const [ra, rb] = await Promise.all([submit(a, submission(requisitionId, { email })), submit(b, submission(requisitionId, { email }))]);
        expect([ra.status, rb.status]).toEqual([202, 202]);
        expect([ra.body.status, rb.body.status].sort()).toEqual(['duplicate', 'sourced']);
        const claims = await t.dataSource.query(`SELECT agency_id FROM sourcing.candidate_identifiers WHERE kind = 'email' AND value = $1`, [indexed(email)]);
        expect(claims).toHaveLength(1);
        const winner = ra.body.status === 'sourced' ? a : b;
        expect(claims[0].agency_id).toBe(winner.id);
        const candidates = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.candidates WHERE owner_agency_id = ANY($1)', [[a.id, b.id]]);
        expect(candidates[0].n).toBe(1);
      }
    });
  });

  describe('bulk submissions', () => {
    it('a JSON array with some invalid items: per-item status and errors, the valid ones accepted', async () => {
      const agency = await createAgency();
      const good = submission(requisitionId);
      const items = [good, { ...submission(requisitionId), candidate: { name: 'X', email: 'nope' } }, submission(requisitionId), 42, { ...good, candidate: { ...good.candidate, name: 'Changed' } }];
      const res = await request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).send(items).expect(200);
      expect(res.body.results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([
        [0, 'sourced'],
        [1, 'invalid'],
        [2, 'sourced'],
        [3, 'invalid'],
        [4, 'conflict'],
      ]);
      expect(res.body.results[1].errors).toEqual([{ path: 'candidate.email', message: 'email must be an email' }]);
      expect(res.body.summary).toEqual({ total: 5, accepted: 2, failed: 3 });
      const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE agency_id = $1', [agency.id]);
      expect(rows[0].n).toBe(2);
    });

    it('NDJSON, retried as a whole: the second run replays every item', async () => {
      const agency = await createAgency();
      const body = [submission(requisitionId), submission(requisitionId)].map((s) => JSON.stringify(s)).join('\n') + '\n{broken\n';
      const send = () => request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).set('content-type', 'application/x-ndjson').send(body).expect(200);
      const first = await send();
      expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['sourced', 'sourced', 'invalid']);
      const second = await send();
      expect(second.body.results.slice(0, 2)).toEqual(first.body.results.slice(0, 2).map((r: object) => ({ ...r, replayed: true })));
    });

    it('one request repeating an externalId: the later item replays the earlier one, or conflicts with another body', async () => {
      const agency = await createAgency();
      const first = submission(requisitionId);
      const other = { ...first, candidate: { ...first.candidate, name: 'Somebody Else' } };
      const res = await request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).send([first, first, other]).expect(200);
      const [a, b, c] = res.body.results;
      expect(a).toMatchObject({ index: 0, status: 'sourced' });
      expect(a).not.toHaveProperty('replayed');
      expect(b).toEqual({ ...a, index: 1, replayed: true });
      expect(c).toMatchObject({ index: 2, status: 'conflict', errors: [{ path: 'externalId', message: 'was already used with a different body' }] });
      const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE agency_id = $1', [agency.id]);
      expect(rows[0].n).toBe(1);
    });

    it('one request naming the same person twice: one candidate, the second submission joins it; one event each', async () => {
      const agency = await createAgency();
      const email = uniqueEmail();
      const before = t.events.sourced.length;
      const res = await request(http)
        .post('/v1/submissions/bulk')
        .set('x-api-key', agency.key)
        .send([submission(requisitionId, { email }), submission(requisitionId, { email: email.toUpperCase(), phone: uniquePhone('+1 415 ') })])
        .expect(200);
      const [a, b] = res.body.results;
      expect([a.status, b.status]).toEqual(['sourced', 'sourced']);
      expect(b.candidateId).toBe(a.candidateId);
      const claims = await t.dataSource.query('SELECT kind, candidate_id FROM sourcing.candidate_identifiers WHERE candidate_id = $1 ORDER BY kind', [a.candidateId]);
      expect(claims.map((c: { kind: string }) => c.kind)).toEqual(['email', 'phone']);
      const history = await t.dataSource.query('SELECT status, reason FROM sourcing.submission_status_history WHERE submission_id = $1 ORDER BY id', [b.submissionId]);
      expect(history).toEqual([
        { status: 'received', reason: null },
        { status: 'sourced', reason: expect.stringMatching(/^same agency, existing candidate/) },
      ]);
      expect(t.events.sourced.slice(before).map((e) => [e.event.submissionId, e.event.candidateId, e.inTransaction])).toEqual([
        [a.submissionId, a.candidateId, true],
        [b.submissionId, a.candidateId, true],
      ]);
    });

    it('two agencies racing with bulk requests over shared people: one owner per person, the rest of each chunk unaffected', async () => {
      for (let round = 0; round < 3; round++) {
        const [a, b] = [await createAgency(), await createAgency()];
        const shared = Array.from({ length: 20 }, () => uniqueEmail());
        const onlyA = Array.from({ length: 10 }, () => uniqueEmail());
        const onlyB = Array.from({ length: 10 }, () => uniqueEmail());
        // Opposite orders, so each request meets the other's claims part-way through.
        const bodyA = [...onlyA, ...shared].map((email) => submission(requisitionId, { email }));
        const bodyB = [...[...shared].reverse(), ...onlyB].map((email) => submission(requisitionId, { email }));
        const [ra, rb] = await Promise.all([
          request(http).post('/v1/submissions/bulk').set('x-api-key', a.key).send(bodyA).expect(200),
          request(http).post('/v1/submissions/bulk').set('x-api-key', b.key).send(bodyB).expect(200),
        ]);
        const statusA = new Map(bodyA.map((s, i) => [s.candidate.email, ra.body.results[i].status]));
        const statusB = new Map(bodyB.map((s, i) => [s.candidate.email, rb.body.results[i].status]));
        for (const email of onlyA) expect(statusA.get(email)).toBe('sourced');
        for (const email of onlyB) expect(statusB.get(email)).toBe('sourced');
        for (const email of shared) expect([statusA.get(email), statusB.get(email)].sort()).toEqual(['duplicate', 'sourced']);
        const claims = await t.dataSource.query('SELECT value, agency_id FROM sourcing.candidate_identifiers WHERE value = ANY($1)', [shared.map((e) => indexed(e.toLowerCase()))]);
        expect(claims).toHaveLength(shared.length);
        for (const c of claims as { value: string; agency_id: string }[]) {
          const owner = statusA.get(shared.find((e) => indexed(e.toLowerCase()) === c.value) ?? '') === 'sourced' ? a.id : b.id;
          expect(c.agency_id).toBe(owner);
        }
        const duplicates = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.duplicates WHERE agency_id = ANY($1)', [[a.id, b.id]]);
        expect(duplicates[0].n).toBe(shared.length);
      }
    });

    it('the same bulk sent twice at once: one row per externalId, written settled with its two history rows, the other request replays it', async () => {
      for (let round = 0; round < 3; round++) {
        const agency = await createAgency();
        const body = Array.from({ length: 30 }, () => submission(requisitionId));
        const send = () => request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).send(body).expect(200);
        const [first, second] = await Promise.all([send(), send()]);
        type Result = { status: string; submissionId: string; candidateId: string; replayed?: boolean };
        const [a, b] = [first.body.results as Result[], second.body.results as Result[]];
        for (let i = 0; i < body.length; i++) {
          expect([a[i]!.status, b[i]!.status]).toEqual(['sourced', 'sourced']);
          expect(b[i]!.submissionId).toBe(a[i]!.submissionId);
          expect(b[i]!.candidateId).toBe(a[i]!.candidateId);
          // Exactly one of the two wrote it; the other replayed it.
          expect([a[i]!.replayed ?? false, b[i]!.replayed ?? false].sort()).toEqual([false, true]);
        }
        const rows = await t.dataSource.query(
          `SELECT st.status, s.candidate_id, s.sealed_for, s.personal_data IS NOT NULL AS sealed,
                  array_agg(h.status ORDER BY h.id) AS history
             FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id
                  JOIN sourcing.submission_status_history h ON h.submission_id = s.id
            WHERE s.agency_id = $1 GROUP BY s.id, st.status`,
          [agency.id],
        );
        expect(rows).toHaveLength(body.length);
        for (const r of rows as { status: string; candidate_id: string; sealed_for: string; sealed: boolean; history: string[] }[]) {
          expect(r).toMatchObject({ status: 'sourced', sealed: true, history: ['received', 'sourced'] });
          expect(r.sealed_for).toBe(r.candidate_id);
        }
        const candidates = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.candidates WHERE owner_agency_id = $1', [agency.id]);
        expect(candidates[0].n).toBe(body.length);
      }
    });

    it('the largest bulk request with realistic profiles (500 of examples/, about 3 KB each) fits the body limit and is taken whole', async () => {
      const agency = await createAgency();
      const profile = JSON.parse(readFileSync(resolve(__dirname, '../../../../examples/candidate-strong-ai-lead.json'), 'utf8')) as Record<string, unknown>;
      const body = Array.from({ length: MAX_BULK_ITEMS }, (_, i) => JSON.stringify({ ...submission(requisitionId, { name: `Candidate ${i}` }), profile })).join('\n');
      expect(body.length).toBeGreaterThan(1024 * 1024);
      const res = await request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).set('content-type', 'application/x-ndjson').send(body).expect(200);
      expect(res.body.summary).toEqual({ total: MAX_BULK_ITEMS, accepted: MAX_BULK_ITEMS, failed: 0 });
      expect(new Set(res.body.results.map((r: { status: string }) => r.status))).toEqual(new Set(['sourced']));
      const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submission_states WHERE agency_id = $1 AND status = $2', [agency.id, 'sourced']);
      expect(rows[0].n).toBe(MAX_BULK_ITEMS);
    });

    it('more than 500 items is a 413 problem and stores nothing', async () => {
      const agency = await createAgency();
      const items = Array.from({ length: 501 }, () => ({ externalId: 'x', requisitionId, candidate: { name: 'n', email: 'a@b.io' }, profile: {} }));
      const res = await request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).send(items).expect(413);
      expect(res.body.type).toBe('https://hiring.local/problems/too-many-items');
      expect(res.body.detail).toContain(`at most ${MAX_BULK_ITEMS} submissions and ${MAX_BULK_BYTES} bytes`);
      const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE agency_id = $1', [agency.id]);
      expect(rows[0].n).toBe(0);
    });

    it('a body that is not an array is a 400 problem', async () => {
      const agency = await createAgency();
      await request(http).post('/v1/submissions/bulk').set('x-api-key', agency.key).send({ not: 'an array' }).expect(400);
    });
  });
  // The intake's foreign keys are gone (migration NoForeignKeyChecksOnTheIntake): what they guarded holds by
  // construction. Runs last, over everything the suite (and any other suite sharing the database) wrote.
  describe('referential integrity without foreign key checks on the intake', () => {
    it('no submission, candidate, identifier or data key names an agency, requisition or candidate that does not exist', async () => {
      const orphans: Array<{ what: string; n: number }> = await t.dataSource.query(`
        SELECT 'submission -> agency' AS what, count(*)::int AS n FROM sourcing.submissions s WHERE NOT EXISTS (SELECT 1 FROM sourcing.agencies a WHERE a.id = s.agency_id)
        UNION ALL SELECT 'submission -> requisition', count(*)::int FROM sourcing.submissions s WHERE NOT EXISTS (SELECT 1 FROM sourcing.requisitions r WHERE r.id = s.requisition_id)
        UNION ALL SELECT 'submission -> candidate', count(*)::int FROM sourcing.submissions s WHERE s.candidate_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sourcing.candidates c WHERE c.id = s.candidate_id)
        UNION ALL SELECT 'submission -> sealed for', count(*)::int FROM sourcing.submissions s WHERE s.sealed_for IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sourcing.candidates c WHERE c.id = s.sealed_for)
        UNION ALL SELECT 'candidate -> owner agency', count(*)::int FROM sourcing.candidates c WHERE NOT EXISTS (SELECT 1 FROM sourcing.agencies a WHERE a.id = c.owner_agency_id)
        UNION ALL SELECT 'identifier -> candidate', count(*)::int FROM sourcing.candidate_identifiers i WHERE NOT EXISTS (SELECT 1 FROM sourcing.candidates c WHERE c.id = i.candidate_id)
        UNION ALL SELECT 'identifier -> agency', count(*)::int FROM sourcing.candidate_identifiers i WHERE NOT EXISTS (SELECT 1 FROM sourcing.agencies a WHERE a.id = i.agency_id)
        UNION ALL SELECT 'data key -> candidate', count(*)::int FROM sourcing.candidate_data_keys k WHERE NOT EXISTS (SELECT 1 FROM sourcing.candidates c WHERE c.id = k.candidate_id)`);
      const written: Array<{ n: number }> = await t.dataSource.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE candidate_id IS NOT NULL');
      expect(written[0]!.n).toBeGreaterThan(0);
      expect(orphans.filter((o) => o.n > 0)).toEqual([]);
    });
  });
});
