import { RATE_CARD_2026_03 } from '@hiring/domain';
import request from 'supertest';
import { AUTH, OfferTestApp, scoredEvent, startOfferTestApp } from '../test/offer-test-app';

/** The March card with the San Francisco AI Tech Lead floor raised to $260k. */
function september(overrides: Record<string, unknown> = {}) {
  return {
    version: '2026-09',
    effectiveFrom: '2026-09-01',
    source: 'hiring guide, September 2026 revision (test)',
    createdBy: 'comp-team@example.com',
    bands: RATE_CARD_2026_03.bands.map((band) =>
      band.role === 'ai-tech-lead' && band.locationTier === 'us-sf-ny' ? { ...band, base: { min: 260_000, max: 350_000 } } : band,
    ),
    ...overrides,
  };
}

describe('rate cards in the database (real Postgres)', () => {
  let t: OfferTestApp;

  beforeAll(async () => {
    t = await startOfferTestApp();
    t.clock.set('2026-05-15');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is seeded by migration with the domain\'s March-2026 card, figure for figure', async () => {
    const list = await request(t.http).get('/v1/rate-cards').set(AUTH).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ version: '2026-03', effectiveFrom: '2026-03-01', source: RATE_CARD_2026_03.source })]);
    const card = await request(t.http).get('/v1/rate-cards/2026-03').set(AUTH).expect(200);
    expect(card.body.bands).toEqual(RATE_CARD_2026_03.bands);
    await request(t.http).get('/v1/rate-cards/1999-01').set(AUTH).expect(404);
  });

  it('answers the version in force on a day, and 422 NO_RATE_CARD before the first one', async () => {
    const current = await request(t.http).get('/v1/rate-cards/current').query({ on: '2026-03-01' }).set(AUTH).expect(200);
    expect(current.body.version).toBe('2026-03');
    const today = await request(t.http).get('/v1/rate-cards/current').set(AUTH).expect(200);
    expect(today.body.version).toBe('2026-03');
    const before = await request(t.http).get('/v1/rate-cards/current').query({ on: '2026-02-28' }).set(AUTH).expect(422);
    expect(before.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(before.body).toMatchObject({ status: 422, code: 'NO_RATE_CARD' });
    const bad = await request(t.http).get('/v1/rate-cards/current').query({ on: '2026-13-01' }).set(AUTH).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['on']);
  });

  it('needs the ops token on every rate card route (401 without)', async () => {
    await request(t.http).get('/v1/rate-cards').expect(401);
    await request(t.http).get('/v1/rate-cards/2026-03').expect(401);
    await request(t.http).get('/v1/rate-cards/current').expect(401);
    await request(t.http).post('/v1/rate-cards').send(september()).expect(401);
    await request(t.http).post('/v1/rate-cards').set({ Authorization: 'Bearer not-the-ops-token-at-all' }).send(september()).expect(401);
    const list = await request(t.http).get('/v1/rate-cards').set(AUTH).expect(200);
    expect(list.body.map((c: { version: string }) => c.version)).toEqual(['2026-03']);
  });

  it('refuses malformed or inconsistent cards with 400 and field paths', async () => {
    const shape = await request(t.http)
      .post('/v1/rate-cards')
      .set(AUTH)
      .send(september({ effectiveFrom: '2026-09-31', bands: [{ role: 'cto', locationTier: 'us-sf-ny', currency: 'USD', base: { min: 1 } }] }))
      .expect(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['effectiveFrom', 'bands[0].role', 'bands[0].base.max', 'bands[0].totalComp']),
    );
    const bands = september().bands.map((b) => ({ ...b }));
    bands[0] = { ...bands[0], base: { min: 300_000, max: 250_000 } };
    bands[3] = { ...bands[3], currency: 'USD' }; // London is paid in GBP
    bands.push({ ...bands[1] }); // duplicate role + location
    const rules = await request(t.http).post('/v1/rate-cards').set(AUTH).send(september({ bands })).expect(400);
    expect(rules.body).toMatchObject({ code: 'INVALID_RATE_CARD', type: 'https://hiring.local/problems/validation' });
    expect(rules.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['bands[0].base', 'bands[3].currency', `bands[${bands.length - 1}]`]),
    );
    await request(t.http).post('/v1/rate-cards').set(AUTH).send(september({ bands: [] })).expect(400);
  });

  it('keeps versions append-only: no duplicate version, no date at or before the latest, none in the past', async () => {
    const dup = await request(t.http).post('/v1/rate-cards').set(AUTH).send(september({ version: '2026-03' })).expect(409);
    expect(dup.body.code).toBe('RATE_CARD_VERSION_EXISTS');
    const sameDay = await request(t.http).post('/v1/rate-cards').set(AUTH).send(september({ effectiveFrom: '2026-03-01' })).expect(409);
    expect(sameDay.body.code).toBe('RATE_CARD_NOT_AFTER_LATEST');
    const past = await request(t.http).post('/v1/rate-cards').set(AUTH).send(september({ effectiveFrom: '2026-05-14' })).expect(422);
    expect(past.body.code).toBe('RATE_CARD_RETROACTIVE');
    await expect(t.dataSource.query(`UPDATE "${t.schema}".rate_cards SET source = 'edited'`)).rejects.toThrow(/immutable/);
    await expect(t.dataSource.query(`DELETE FROM "${t.schema}".rate_cards`)).rejects.toThrow(/immutable/);
    await request(t.http).put('/v1/rate-cards/2026-03').set(AUTH).send(september()).expect(404);
    await request(t.http).delete('/v1/rate-cards/2026-03').set(AUTH).expect(404);
  });

  describe('a new version published by an admin', () => {
    let refusedUnderMarch: string;

    beforeAll(async () => {
      // An offer refused under the March card, before September is published.
      t.clock.set('2026-05-15');
      const scored = scoredEvent({ role: 'ai-tech-lead', locationTier: 'us-sf-ny' });
      await t.recordScore(scored);
      const res = await request(t.http)
        .post('/v1/offers')
        .set(AUTH)
        .send({ candidateId: scored.candidateId, proposedBy: 'hm', proposedOn: '2026-05-15', base: { amount: 245_000, currency: 'USD' } })
        .expect(201);
      refusedUnderMarch = res.body.offerId;
      const published = await request(t.http).post('/v1/rate-cards').set(AUTH).send(september()).expect(201);
      expect(published.body).toMatchObject({ version: '2026-09', effectiveFrom: '2026-09-01', createdBy: 'comp-team@example.com' });
    });

    it('is listed and served, and switches on its effective date', async () => {
      const list = await request(t.http).get('/v1/rate-cards').set(AUTH).expect(200);
      expect(list.body.map((c: { version: string }) => c.version)).toEqual(['2026-03', '2026-09']);
      const dayBefore = await request(t.http).get('/v1/rate-cards/current').query({ on: '2026-08-31' }).set(AUTH).expect(200);
      expect(dayBefore.body.version).toBe('2026-03');
      const onTheDay = await request(t.http).get('/v1/rate-cards/current').query({ on: '2026-09-01' }).set(AUTH).expect(200);
      expect(onTheDay.body.version).toBe('2026-09');
    });

    it('judges an offer proposed the day before by the old card and one proposed on the day by the new one', async () => {
      t.clock.set('2026-09-01');
      const scored = scoredEvent({ role: 'ai-tech-lead', locationTier: 'us-sf-ny' });
      await t.recordScore(scored);
      const offer = (proposedOn: string) =>
        request(t.http).post('/v1/offers').set(AUTH).send({ candidateId: scored.candidateId, proposedBy: 'hm', proposedOn, base: { amount: 255_000, currency: 'USD' } }).expect(201);
      const before = await offer('2026-08-31');
      expect(before.body).toMatchObject({ decision: 'approved', floor: { amount: 250_000, currency: 'USD' }, gap: 0, rateCardVersion: '2026-03' });
      const onTheDay = await offer('2026-09-01');
      expect(onTheDay.body).toMatchObject({ decision: 'refused', floor: { amount: 260_000, currency: 'USD' }, gap: 5_000, rateCardVersion: '2026-09' });
    });

    it('overrides an earlier refusal against the card that refused it, not the newer one', async () => {
      t.clock.set('2026-09-02');
      const res = await request(t.http).post(`/v1/offers/${refusedUnderMarch}/override`).set(AUTH).send({ approver: 'vp', reason: 'signed before the revision' }).expect(200);
      expect(res.body).toMatchObject({ decision: 'approved', rateCardVersion: '2026-03', floor: { amount: 250_000, currency: 'USD' }, gap: 5_000 });
    });
  });
});
