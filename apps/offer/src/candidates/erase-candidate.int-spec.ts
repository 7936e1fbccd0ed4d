import request from 'supertest';
import { asTx } from '@hiring/platform';
import { someoneWaitsForEntityLock, waitFor } from '@hiring/testing';
import { OPS_TOKEN, scoredEvent, startOfferTestApp, type OfferTestApp } from '../test/offer-test-app';
import { OFFER_CANDIDATE_LOCK_SCOPE } from './candidate-eligibility.repository';
import { RecordCandidateScoreService } from './record-candidate-score.service';

describe('offer: erasure of a candidate (real Postgres)', () => {
  let t: OfferTestApp;

  beforeAll(async () => {
    t = await startOfferTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('forgets the eligibility, tombstones the guidance once, and refuses new offers for the candidate', async () => {
    const scored = scoredEvent();
    expect(await t.recordScore(scored)).toBe('guidance-emitted');

    await t.eraseCandidate(scored.candidateId);
    await t.eraseCandidate(scored.candidateId); // redelivered erasure: nothing left to do

    expect(await t.dataSource.query(`SELECT 1 FROM "${t.schema}".candidate_eligibility WHERE candidate_id = $1`, [scored.candidateId])).toEqual([]);
    expect(t.publisher.tombstones.filter((id) => id === scored.candidateId)).toHaveLength(1);
    await request(t.http)
      .post('/v1/offers')
      .set('Authorization', `Bearer ${OPS_TOKEN}`)
      .send({ candidateId: scored.candidateId, base: { amount: 300000, currency: 'USD' }, proposedBy: 'ops@example.com' })
      .expect(404);
  });

  it('a candidate-scored event after the erasure (replay from offset 0, late redelivery) does not make the candidate eligible again', async () => {
    const scored = scoredEvent();
    expect(await t.recordScore(scored)).toBe('guidance-emitted');
    await t.eraseCandidate(scored.candidateId);
    const guidanceBefore = t.publisher.guidanceFor(scored.candidateId).length;

    const newer = { ...scored, scoredAt: new Date(Date.parse(scored.scoredAt) + 60_000).toISOString() };
    expect(await t.recordScores([scored, newer])).toEqual(['erased', 'erased']);

    expect(await t.dataSource.query(`SELECT 1 FROM "${t.schema}".candidate_eligibility WHERE candidate_id = $1`, [scored.candidateId])).toEqual([]);
    expect(t.publisher.guidanceFor(scored.candidateId)).toHaveLength(guidanceBefore);
  });

  it('an erasure handled while a score of the same candidate is uncommitted still leaves them not eligible', async () => {
    const scored = scoredEvent();
    const scoring = t.dataSource.createQueryRunner();
    await scoring.connect();
    await scoring.startTransaction();
    try {
      expect(await t.app.get(RecordCandidateScoreService).executeAll(asTx(scoring.manager), [scored])).toEqual(['guidance-emitted']);
      let erasureDone = false;
      const erasure = t.eraseCandidate(scored.candidateId).finally(() => {
        erasureDone = true;
      });
      // Either the erasure queues behind the score's lock or (without the lock) it finishes before the score commits.
      await waitFor(async () => erasureDone || (await someoneWaitsForEntityLock(t.dataSource, OFFER_CANDIDATE_LOCK_SCOPE, scored.candidateId)), {
        timeoutMs: 10_000,
        description: 'erasure queued or done',
      });
      await scoring.commitTransaction();
      await erasure;
    } finally {
      if (scoring.isTransactionActive) await scoring.rollbackTransaction();
      await scoring.release();
    }
    expect(await t.dataSource.query(`SELECT 1 FROM "${t.schema}".candidate_eligibility WHERE candidate_id = $1`, [scored.candidateId])).toEqual([]);
  });
});
