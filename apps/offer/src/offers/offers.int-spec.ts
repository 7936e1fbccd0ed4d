import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AUTH, OfferTestApp, scoredEvent, startOfferTestApp, uniqueCandidateId } from '../test/offer-test-app';
import type { CandidateScored } from '../candidates/candidate-scored';

describe('offers against the salary floor (real Postgres)', () => {
  let t: OfferTestApp;

  beforeAll(async () => {
    t = await startOfferTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function eligible(overrides: Partial<CandidateScored> = {}): Promise<string> {
    const event = scoredEvent(overrides);
    await t.recordScore(event);
    return event.candidateId;
  }

  function propose(body: Record<string, unknown>) {
    return request(t.http).post('/v1/offers').set(AUTH).send({ proposedBy: 'hm@example.com', proposedOn: '2026-05-15', ...body });
  }

  it('approves an AI Tech Lead offer exactly at the San Francisco floor, stores it and emits offer-decided in the transaction', async () => {
    const submissionId = `sub-${randomUUID()}`;
    const candidateId = await eligible({ role: 'ai-tech-lead', locationTier: 'us-sf-ny', submissionId });
    const res = await propose({ candidateId, base: { amount: 250_000, currency: 'USD' } }).expect(201);
    expect(res.body).toMatchObject({
      candidateId,
      role: 'ai-tech-lead',
      locationTier: 'us-sf-ny',
      decision: 'approved',
      floor: { amount: 250_000, currency: 'USD' },
      gap: 0,
      rateCardVersion: '2026-03',
      reasons: [expect.objectContaining({ code: 'MEETS_FLOOR' })],
    });
    const stored = await request(t.http).get(`/v1/offers/${res.body.offerId}`).set(AUTH).expect(200);
    expect(stored.body).toEqual(res.body);
    const emitted = t.publisher.decided.filter((e) => e.data.offerId === res.body.offerId);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ inTransaction: true, data: { decision: 'approved', gap: 0, rateCardVersion: '2026-03', base: { amount: 250_000, currency: 'USD' } } });
    // The event names the scored submission the offer was made on (sourcing writes the status back to it only).
    expect(emitted[0]?.data.submissionId).toBe(submissionId);
  });

  it('refuses one unit below the floor with the floor, the gap and the rate card version', async () => {
    const candidateId = await eligible({ role: 'ai-tech-lead', locationTier: 'us-sf-ny' });
    const res = await propose({ candidateId, base: { amount: 249_999, currency: 'USD' } }).expect(201);
    expect(res.body).toMatchObject({ decision: 'refused', floor: { amount: 250_000, currency: 'USD' }, gap: 1, rateCardVersion: '2026-03' });
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['BELOW_FLOOR']);
    expect(t.publisher.decidedFor(res.body.offerId)).toEqual([expect.objectContaining({ decision: 'refused', gap: 1 })]);
  });

  it('takes role and location from the scored record, not the caller', async () => {
    const candidateId = await eligible({ role: 'ai-tech-lead', locationTier: 'uk-london' });
    await propose({ candidateId, role: 'tech-lead', base: { amount: 100_000, currency: 'GBP' } }).expect(400);
    const res = await propose({ candidateId, base: { amount: 139_000, currency: 'GBP' } }).expect(201);
    expect(res.body).toMatchObject({ role: 'ai-tech-lead', locationTier: 'uk-london', decision: 'refused', floor: { amount: 140_000, currency: 'GBP' }, gap: 1000 });
  });

  it('names the software-band mistake when an AI Tech Lead offer sits inside the software Technical Lead band', async () => {
    const candidateId = await eligible({ role: 'ai-tech-lead', locationTier: 'us-metro' });
    const res = await propose({ candidateId, base: { amount: 190_000, currency: 'USD' } }).expect(201);
    expect(res.body).toMatchObject({ decision: 'refused', floor: { amount: 200_000, currency: 'USD' }, gap: 10_000 });
    const codes = res.body.reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(['BELOW_FLOOR', 'SOFTWARE_BAND_BENCHMARK']);
    expect(res.body.reasons[1].message).toMatch(/software Technical Lead band/);
  });

  it('refuses an offer in the wrong currency for the location, with no gap (no conversion)', async () => {
    const candidateId = await eligible({ role: 'ai-tech-lead', locationTier: 'uk-london' });
    const res = await propose({ candidateId, base: { amount: 200_000, currency: 'USD' } }).expect(201);
    expect(res.body).toMatchObject({ decision: 'refused', floor: { amount: 140_000, currency: 'GBP' }, gap: null, rateCardVersion: '2026-03' });
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['CURRENCY_MISMATCH']);
  });

  it('answers 404 CANDIDATE_NOT_FOUND for a candidate never scored, and stores nothing', async () => {
    const candidateId = uniqueCandidateId('unknown');
    const res = await propose({ candidateId, base: { amount: 300_000, currency: 'USD' } }).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'CANDIDATE_NOT_FOUND', candidateId });
    const list = await request(t.http).get('/v1/offers').query({ candidateId }).set(AUTH).expect(200);
    expect(list.body).toEqual([]);
    expect(t.publisher.decided.some((e) => e.data.candidateId === candidateId)).toBe(false);
  });

  it('refuses a candidate scored "reject" even above the floor, with reason CANDIDATE_NOT_ELIGIBLE', async () => {
    const candidateId = await eligible({ decision: 'reject', score: 31 });
    const res = await propose({ candidateId, base: { amount: 300_000, currency: 'USD' } }).expect(201);
    expect(res.body).toMatchObject({ decision: 'refused', floor: { amount: 250_000, currency: 'USD' }, rateCardVersion: '2026-03' });
    expect(res.body.reasons[0].code).toBe('CANDIDATE_NOT_ELIGIBLE');
    expect(t.publisher.decidedFor(res.body.offerId)).toEqual([expect.objectContaining({ decision: 'refused' })]);
    // and an override cannot lift it: the exception is for the floor only
    await request(t.http).post(`/v1/offers/${res.body.offerId}/override`).set(AUTH).send({ approver: 'vp@example.com', reason: 'want them' }).expect(409);
  });

  it('accepts a candidate scored "review" like "advance"', async () => {
    const candidateId = await eligible({ decision: 'review' });
    const res = await propose({ candidateId, base: { amount: 260_000, currency: 'USD' } }).expect(201);
    expect(res.body.decision).toBe('approved');
  });

  it('answers 422 NO_RATE_CARD for a role without a band in the location (Technical Lead in Tel Aviv)', async () => {
    const candidateId = await eligible({ role: 'tech-lead', locationTier: 'il-tel-aviv' });
    const res = await propose({ candidateId, base: { amount: 150_000, currency: 'USD' } }).expect(422);
    expect(res.body).toMatchObject({ status: 422, code: 'NO_RATE_CARD', type: 'https://hiring.local/problems/no-rate-card' });
  });

  it('answers 422 NO_RATE_CARD for a proposal dated before the first rate card', async () => {
    const candidateId = await eligible();
    const res = await propose({ candidateId, proposedOn: '2026-02-28', base: { amount: 300_000, currency: 'USD' } }).expect(422);
    expect(res.body).toMatchObject({ code: 'NO_RATE_CARD' });
    expect(res.body.detail).toMatch(/2026-03-01/);
  });

  it('answers 422 for a proposal dated in the future, and defaults proposedOn to today', async () => {
    const candidateId = await eligible();
    const future = await propose({ candidateId, proposedOn: '2026-05-16', base: { amount: 300_000, currency: 'USD' } }).expect(422);
    expect(future.body.code).toBe('PROPOSED_ON_IN_FUTURE');
    const res = await request(t.http).post('/v1/offers').set(AUTH).send({ candidateId, proposedBy: 'hm', base: { amount: 300_000, currency: 'USD' } }).expect(201);
    expect(res.body.proposedOn).toBe(t.clock.today());
  });

  it('rejects malformed bodies with 400 and field paths', async () => {
    const candidateId = await eligible();
    const res = await request(t.http)
      .post('/v1/offers')
      .set(AUTH)
      .send({ candidateId, proposedBy: 'hm', proposedOn: '2026-02-30', base: { amount: -5, currency: 'EUR' } })
      .expect(400);
    expect(res.body.type).toBe('https://hiring.local/problems/validation');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['proposedOn', 'base.amount', 'base.currency']));
    const missing = await request(t.http).post('/v1/offers').set(AUTH).send({ candidateId, proposedBy: 'hm' }).expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('base');
  });

  describe('override', () => {
    async function refusedOffer(): Promise<string> {
      const candidateId = await eligible({ role: 'ai-tech-lead', locationTier: 'us-metro' });
      const res = await propose({ candidateId, base: { amount: 190_000, currency: 'USD' } }).expect(201);
      expect(res.body.decision).toBe('refused');
      return res.body.offerId;
    }

    it('needs a named approver and a reason (400 with the field path)', async () => {
      const offerId = await refusedOffer();
      const missing = await request(t.http).post(`/v1/offers/${offerId}/override`).set(AUTH).send({ reason: 'exception' }).expect(400);
      expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('approver');
      const blank = await request(t.http).post(`/v1/offers/${offerId}/override`).set(AUTH).send({ approver: '   ', reason: 'exception' }).expect(400);
      expect(blank.body.errors.map((e: { path: string }) => e.path)).toContain('approver');
      const long = await request(t.http).post(`/v1/offers/${offerId}/override`).set(AUTH).send({ approver: 'vp', reason: 'x'.repeat(2001) }).expect(400);
      expect(long.body.errors.map((e: { path: string }) => e.path)).toContain('reason');
      const unchanged = await request(t.http).get(`/v1/offers/${offerId}`).set(AUTH).expect(200);
      expect(unchanged.body).toMatchObject({ decision: 'refused', override: null });
    });

    it('approves a below-floor refusal by a named approver, records who/why/when/previous decision and emits offer-decided again', async () => {
      const offerId = await refusedOffer();
      t.clock.set('2026-05-15T14:30:00Z');
      const res = await request(t.http)
        .post(`/v1/offers/${offerId}/override`)
        .set(AUTH)
        .send({ approver: 'vp-engineering@example.com', reason: 'relocating in Q3; review to the floor at six months' })
        .expect(200);
      expect(res.body).toMatchObject({
        decision: 'approved',
        gap: 10_000,
        rateCardVersion: '2026-03',
        decidedAt: '2026-05-15T14:30:00.000Z',
        override: {
          approver: 'vp-engineering@example.com',
          reason: 'relocating in Q3; review to the floor at six months',
          previousDecision: 'refused',
          previousReasons: [expect.objectContaining({ code: 'BELOW_FLOOR' }), expect.objectContaining({ code: 'SOFTWARE_BAND_BENCHMARK' })],
        },
      });
      expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('OVERRIDE_BELOW_FLOOR');
      const [row] = await t.dataSource.query(`SELECT approver, reason, previous_decision, decision FROM "${t.schema}".overrides WHERE offer_id = $1`, [offerId]);
      expect(row).toEqual({ approver: 'vp-engineering@example.com', reason: 'relocating in Q3; review to the floor at six months', previous_decision: 'refused', decision: 'approved' });
      const events = t.publisher.decidedFor(offerId);
      expect(events.map((e) => e.decision)).toEqual(['refused', 'approved']);
      expect(events[1].submissionId).toMatch(/^sub-/);
      expect(events[1].submissionId).toBe(events[0].submissionId);
      expect(events[1].override).toEqual({ approver: 'vp-engineering@example.com', reason: 'relocating in Q3; review to the floor at six months' });
      expect((await request(t.http).get(`/v1/offers/${offerId}`).set(AUTH).expect(200)).body).toEqual(res.body);
      // a second override finds an approved offer
      await request(t.http).post(`/v1/offers/${offerId}/override`).set(AUTH).send({ approver: 'cfo', reason: 'again' }).expect(409);
    });

    it('answers 409 on an approved offer and on a currency-mismatch refusal', async () => {
      const atFloor = await eligible({ role: 'ai-tech-lead', locationTier: 'us-remote' });
      const approved = await propose({ candidateId: atFloor, base: { amount: 180_000, currency: 'USD' } }).expect(201);
      const a = await request(t.http).post(`/v1/offers/${approved.body.offerId}/override`).set(AUTH).send({ approver: 'vp', reason: 'why not' }).expect(409);
      expect(a.body).toMatchObject({ status: 409, code: 'OVERRIDE_NOT_APPLICABLE' });

      const london = await eligible({ role: 'ai-tech-lead', locationTier: 'uk-london' });
      const mismatch = await propose({ candidateId: london, base: { amount: 150_000, currency: 'USD' } }).expect(201);
      const m = await request(t.http).post(`/v1/offers/${mismatch.body.offerId}/override`).set(AUTH).send({ approver: 'vp', reason: 'close enough' }).expect(409);
      expect(m.body.code).toBe('OVERRIDE_NOT_APPLICABLE');
      expect(m.body.detail).toMatch(/currency/);
      expect(t.publisher.decidedFor(mismatch.body.offerId)).toHaveLength(1);
    });

    it('answers 404 for an unknown offer and 400 for an id that is not a UUID', async () => {
      await request(t.http).post('/v1/offers/00000000-0000-4000-8000-000000000000/override').set(AUTH).send({ approver: 'vp', reason: 'x' }).expect(404);
      await request(t.http).get('/v1/offers/not-a-uuid').set(AUTH).expect(400);
    });
  });

  it('lists a candidate\'s offers newest first and records a decline of an approved offer', async () => {
    const candidateId = await eligible();
    const refused = await propose({ candidateId, base: { amount: 240_000, currency: 'USD' } }).expect(201);
    const approved = await propose({ candidateId, base: { amount: 275_000, currency: 'USD' } }).expect(201);
    const list = await request(t.http).get('/v1/offers').query({ candidateId }).set(AUTH).expect(200);
    expect(list.body.map((o: { offerId: string }) => o.offerId)).toEqual([approved.body.offerId, refused.body.offerId]);

    await request(t.http).post(`/v1/offers/${refused.body.offerId}/declined`).set(AUTH).send({ reason: 'n/a', recordedBy: 'recruiter' }).expect(409);
    const declined = await request(t.http).post(`/v1/offers/${approved.body.offerId}/declined`).set(AUTH).send({ reason: 'accepted a competing offer', recordedBy: 'recruiter@example.com' }).expect(200);
    expect(declined.body.declined).toMatchObject({ reason: 'accepted a competing offer', recordedBy: 'recruiter@example.com' });
    await request(t.http).post(`/v1/offers/${approved.body.offerId}/declined`).set(AUTH).send({ reason: 'again', recordedBy: 'recruiter' }).expect(409);
    await request(t.http).get('/v1/offers').set(AUTH).expect(400);
  });

  it('needs the ops token on every offer route (401 problem without it)', async () => {
    const candidateId = await eligible();
    const res = await request(t.http).post('/v1/offers').send({ candidateId, proposedBy: 'hm', base: { amount: 300_000, currency: 'USD' } }).expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.http).get('/v1/offers').query({ candidateId }).expect(401);
    await request(t.http).get('/v1/offers/00000000-0000-4000-8000-000000000000').set({ Authorization: 'Bearer wrong-token-wrong-token' }).expect(401);
    await request(t.http).post('/v1/offers/00000000-0000-4000-8000-000000000000/override').send({ approver: 'vp', reason: 'x' }).expect(401);
    expect(t.publisher.decided.some((e) => e.data.candidateId === candidateId)).toBe(false);
  });
});
