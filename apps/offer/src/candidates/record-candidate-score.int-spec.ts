import request from 'supertest';
import { AUTH, OfferTestApp, scoredEvent, startOfferTestApp } from '../test/offer-test-app';

describe('candidate eligibility from candidate-scored events (real Postgres)', () => {
  let t: OfferTestApp;

  beforeAll(async () => {
    t = await startOfferTestApp();
    t.clock.set('2026-05-15');
  });

  afterAll(async () => {
    await t?.close();
  });

  async function stored(candidateId: string) {
    const rows = await t.dataSource.query(
      `SELECT role, location_tier, decision, score, rubric_version, scored_at FROM "${t.schema}".candidate_eligibility WHERE candidate_id = $1`,
      [candidateId],
    );
    return rows[0];
  }

  it('records an advancing candidate and emits offer guidance with the band in force, in the transaction', async () => {
    const event = scoredEvent({ role: 'ai-tech-lead', locationTier: 'us-sf-ny', score: 88.5 });
    expect(await t.recordScore(event)).toBe('guidance-emitted');
    expect(await stored(event.candidateId)).toMatchObject({ role: 'ai-tech-lead', location_tier: 'us-sf-ny', decision: 'advance', score: 88.5, rubric_version: '2026-03' });
    const guidance = t.publisher.guidance.filter((g) => g.data.candidateId === event.candidateId);
    expect(guidance).toEqual([
      {
        inTransaction: true,
        data: {
          candidateId: event.candidateId,
          role: 'ai-tech-lead',
          locationTier: 'us-sf-ny',
          currency: 'USD',
          base: { min: 250_000, max: 340_000 },
          totalComp: { min: 320_000, max: null },
          rateCardVersion: '2026-03',
          issuedAt: '2026-05-15T10:00:00.000Z',
        },
      },
    ]);
  });

  it('is idempotent: a redelivered event changes nothing and emits nothing', async () => {
    const event = scoredEvent({ decision: 'review', locationTier: 'uk-london' });
    expect(await t.recordScore(event)).toBe('guidance-emitted');
    expect(await t.recordScore(event)).toBe('stale');
    expect(t.publisher.guidanceFor(event.candidateId)).toHaveLength(1);
    expect(t.publisher.guidanceFor(event.candidateId)[0]).toMatchObject({ currency: 'GBP', base: { min: 140_000, max: 185_000 } });
  });

  it('keeps the latest score by scoredAt: an older event arriving late is ignored, a newer one wins', async () => {
    const first = scoredEvent({ decision: 'advance', scoredAt: '2026-05-10T09:00:00Z' });
    await t.recordScore(first);
    const older = { ...first, decision: 'reject' as const, score: 20, scoredAt: '2026-05-09T09:00:00Z' };
    expect(await t.recordScore(older)).toBe('stale');
    expect((await stored(first.candidateId)).decision).toBe('advance');

    const newer = { ...first, decision: 'reject' as const, score: 25, scoredAt: '2026-05-11T09:00:00Z' };
    expect(await t.recordScore(newer)).toBe('recorded-not-eligible');
    expect(await stored(first.candidateId)).toMatchObject({ decision: 'reject', score: 25 });
    const offer = await request(t.http)
      .post('/v1/offers')
      .set(AUTH)
      .send({ candidateId: first.candidateId, proposedBy: 'hm', base: { amount: 300_000, currency: 'USD' } })
      .expect(201);
    expect(offer.body.reasons[0].code).toBe('CANDIDATE_NOT_ELIGIBLE');
  });

  it('emits guidance once when a candidate stays eligible, and again when one becomes eligible', async () => {
    const rejected = scoredEvent({ decision: 'reject', scoredAt: '2026-05-10T09:00:00Z' });
    expect(await t.recordScore(rejected)).toBe('recorded-not-eligible');
    expect(t.publisher.guidanceFor(rejected.candidateId)).toHaveLength(0);
    expect(await t.recordScore({ ...rejected, decision: 'review', scoredAt: '2026-05-11T09:00:00Z' })).toBe('guidance-emitted');
    expect(await t.recordScore({ ...rejected, decision: 'advance', scoredAt: '2026-05-12T09:00:00Z' })).toBe('recorded-unchanged');
    expect(t.publisher.guidanceFor(rejected.candidateId)).toHaveLength(1);
  });

  it('records an eligible candidate with no band (Technical Lead in Tel Aviv) without guidance', async () => {
    const event = scoredEvent({ role: 'tech-lead', locationTier: 'il-tel-aviv' });
    expect(await t.recordScore(event)).toBe('no-band');
    expect((await stored(event.candidateId)).decision).toBe('advance');
    expect(t.publisher.guidanceFor(event.candidateId)).toHaveLength(0);
  });

  it('a consumed batch is applied as if one event came after another: latest per candidate, guidance once, stale ones ignored', async () => {
    const a = scoredEvent({ decision: 'reject', scoredAt: '2026-05-10T09:00:00Z', locationTier: 'uk-london' });
    const b = scoredEvent({ role: 'tech-lead', locationTier: 'il-tel-aviv' });
    const c = scoredEvent({ locationTier: 'us-sf-ny' });
    const outcomes = await t.recordScores([
      a,
      { ...a, decision: 'review', scoredAt: '2026-05-11T09:00:00Z' },
      c,
      { ...a, decision: 'advance', scoredAt: '2026-05-12T09:00:00Z' },
      { ...a, decision: 'reject', scoredAt: '2026-05-09T09:00:00Z' },
      b,
      c,
    ]);
    expect(outcomes).toEqual(['recorded-not-eligible', 'guidance-emitted', 'guidance-emitted', 'recorded-unchanged', 'stale', 'no-band', 'stale']);
    expect(await stored(a.candidateId)).toMatchObject({ decision: 'advance', location_tier: 'uk-london' });
    expect(new Date((await stored(a.candidateId)).scored_at).toISOString()).toBe('2026-05-12T09:00:00.000Z');
    expect(t.publisher.guidanceFor(a.candidateId)).toHaveLength(1);
    expect(t.publisher.guidanceFor(c.candidateId)).toHaveLength(1);
    expect(t.publisher.guidanceFor(b.candidateId)).toHaveLength(0);
    // The batch saw the stored rows: the same events again change nothing.
    expect(await t.recordScores([{ ...a, decision: 'advance', scoredAt: '2026-05-12T09:00:00Z' }, c])).toEqual(['stale', 'stale']);
  });
});
