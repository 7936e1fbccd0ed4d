import { EVENT_TYPES, type OfferDecidedEvent } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA } from '@hiring/contracts/testing';
import { classifyFailure, type ConsumedEvent } from '@hiring/messaging';
import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { SubmissionRepository } from '../submissions/submission.repository';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission, uniqueEmail } from '../test/submission.fixtures';
import { WEBHOOK_EVENT_TYPES } from '@hiring/domain';
import { WebhookOutbox, WebhookSubscriptions, type WebhookNotice } from '../webhooks/webhook-outbox.repository';
import { PipelineProgressHandler } from './pipeline-progress.handler';
import { RecordPipelineProgressService, type StageReached } from './record-pipeline-progress.service';
import { SubmissionProgressRepository } from './submission-progress.repository';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

describe('sourcing: submission status follows the pipeline (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let key: string;
  let agencyId: string;
  let requisitionId: string;

  const record = (reached: StageReached[]) =>
    t.app.get(SubmissionRepository).transaction((tx) => t.app.get(RecordPipelineProgressService).execute(tx, reached));
  const status = async (id: string) => (await request(http).get(`/v1/submissions/${id}`).set('x-api-key', key).expect(200)).body;

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    const agency = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body;
    key = agency.apiKey.key;
    agencyId = agency.agency.id;
    requisitionId = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('moves forward through screening, scoring and the offer, ignoring a late screening', async () => {
    const { submissionId, candidateId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
    const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, s));

    expect(await record([{ target: { submissionId }, stage: { kind: 'scored', decision: 'advance', score: 81 }, at: at(2), reason: 'score 81 (advance)' }])).toBe(1);
    expect(await record([{ target: { submissionId }, stage: { kind: 'screened', decision: 'advance' }, at: at(1), reason: 'late screening' }])).toBe(0);
    expect(await record([{ target: { candidateId }, stage: { kind: 'offer-decided', decision: 'refused' }, at: at(3), reason: 'offer refused' }])).toBe(1);

    const body = await status(submissionId);
    expect(body.status).toBe('offer-refused');
    expect(body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'sourced', 'scored', 'offer-refused']);
  });

  it('a screening reject is final', async () => {
    const { submissionId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
    await record([
      { target: { submissionId }, stage: { kind: 'screened', decision: 'reject' }, at: new Date(), reason: 'reject' },
      { target: { submissionId }, stage: { kind: 'scored', decision: 'reject', score: 10 }, at: new Date(), reason: 'score 10' },
    ]);
    expect((await status(submissionId)).status).toBe('rejected');
  });

  it('two changes of one submission in one batch: the later is its status, both are in its history', async () => {
    const { submissionId, candidateId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
    const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, s));
    await record([{ target: { submissionId }, stage: { kind: 'scored', decision: 'advance', score: 81 }, at: at(1), reason: 'score 81 (advance)' }]);
    expect(
      await record([
        { target: { candidateId }, stage: { kind: 'offer-decided', decision: 'refused' }, at: at(2), reason: 'offer refused' },
        { target: { candidateId }, stage: { kind: 'offer-decided', decision: 'approved' }, at: at(3), reason: 'offer approved by override' },
      ]),
    ).toBe(2);
    const body = await status(submissionId);
    expect(body.status).toBe('offer-approved');
    expect(body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'sourced', 'scored', 'offer-refused', 'offer-approved']);
  });

  it("notices follow the subscriptions the lock reads: only the types the agency's endpoints take, none for an agency without one", async () => {
    const hooked = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('hooked') }).expect(201)).body;
    await request(http)
      .post('/v1/webhooks/endpoints')
      .set('x-api-key', hooked.apiKey.key)
      .send({ url: 'https://hooks.example.com/hiring', eventTypes: ['submission.scored'] })
      .expect(201);
    const theirs = (await request(http).post('/v1/submissions').set('x-api-key', hooked.apiKey.key).send(submission(requisitionId)).expect(202)).body;
    const ours = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
    const queued: WebhookNotice[] = [];
    const spy = jest.spyOn(t.app.get(WebhookOutbox), 'enqueue').mockImplementation(async (_tx, notices) => {
      queued.push(...notices);
      return 0;
    });
    try {
      const at = (s: number) => new Date(Date.UTC(2026, 10, 28, 10, 0, s));
      for (const submissionId of [theirs.submissionId, ours.submissionId]) {
        await record([{ target: { submissionId }, stage: { kind: 'screened', decision: 'advance' }, at: at(1), reason: 'screened' }]);
        await record([{ target: { submissionId }, stage: { kind: 'scored', decision: 'advance', score: 80 }, at: at(2), reason: 'score 80 (advance)' }]);
      }
    } finally {
      spy.mockRestore();
    }
    expect(queued.map((n) => [n.type, n.submissionId])).toEqual([['submission.scored', theirs.submissionId]]);
  });

  describe('without an inbox: a redelivered or replayed event has no second effect', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 27, 10, 0, s));
    const needsInterview: StageReached['stage'] = { kind: 'screened', decision: 'needs-interview' };
    const stages = (submissionId: string, candidateId: string): StageReached[] => [
      { target: { submissionId }, stage: needsInterview, at: at(1), reason: 'screening asks for an interview' },
      { target: { submissionId }, stage: { kind: 'screened', decision: 'advance' }, at: at(5), reason: 'screening with interview feedback' },
      { target: { submissionId }, stage: { kind: 'scored', decision: 'advance', score: 80 }, at: at(6), reason: 'score 80 (advance)' },
      { target: { candidateId }, stage: { kind: 'offer-decided', decision: 'refused' }, at: at(7), reason: 'offer refused' },
      { target: { candidateId }, stage: { kind: 'offer-decided', decision: 'approved' }, at: at(9), reason: 'offer approved by override' },
    ];
    const FINAL_HISTORY = ['received', 'sourced', 'needs-interview', 'screened', 'scored', 'offer-refused', 'offer-approved'];

    /** Records the batches one transaction each, counting the webhook notices the changes queued. */
    async function recordCountingNotices(batches: StageReached[][]): Promise<{ changes: number; notices: WebhookNotice[] }> {
      const notices: WebhookNotice[] = [];
      // As if the agency had an endpoint for every type: without one, no notice is even built.
      const progress = t.app.get(SubmissionProgressRepository);
      const lock = progress.lock.bind(progress);
      const subscribed = jest
        .spyOn(progress, 'lock')
        .mockImplementation(async (...args) => ({ ...(await lock(...args)), subscriptions: WebhookSubscriptions.of([{ agency_id: agencyId, event_types: WEBHOOK_EVENT_TYPES }]) }));
      const spy = jest.spyOn(t.app.get(WebhookOutbox), 'enqueue').mockImplementation(async (_tx, queued) => {
        notices.push(...queued);
        return 0;
      });
      try {
        let changes = 0;
        for (const batch of batches) changes += await record(batch);
        return { changes, notices };
      } finally {
        spy.mockRestore();
        subscribed.mockRestore();
      }
    }

    it('after each event, every earlier one redelivered, in order and reversed: only the first delivery of each changes anything', async () => {
      const { submissionId, candidateId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
      const all = stages(submissionId, candidateId);

      // After the re-screening, the redelivered needs-interview screening must not undo it (the inbox used to stop it).
      const first = await recordCountingNotices(all.flatMap((s, i) => [[s], ...all.slice(0, i + 1).map((e) => [e]), ...all.slice(0, i + 1).reverse().map((e) => [e])]));
      expect(first.changes).toBe(5);
      expect(first.notices.filter((n) => n.type === 'submission.status-changed').map((n) => n.data['status'])).toEqual(FINAL_HISTORY.slice(2));
      const once = await status(submissionId);
      expect(once.status).toBe('offer-approved');
      expect(once.history.map((h: { status: string }) => h.status)).toEqual(FINAL_HISTORY);

      // A replay of the whole topic history (a new consumer group), one by one, reversed, and as one batch.
      const again = await recordCountingNotices([...all.map((s) => [s]), ...[...all].reverse().map((s) => [s]), all]);
      expect(again).toEqual({ changes: 0, notices: [] });
      const after = await status(submissionId);
      expect(after.status).toBe('offer-approved');
      expect(after.updatedAt).toBe(once.updatedAt);
      expect(after.history.map((h: { status: string }) => h.status)).toEqual(FINAL_HISTORY);
    });

    it("the webhooks name the agency's submission, by submission and by candidate, from the state alone", async () => {
      const sent = submission(requisitionId);
      const { submissionId, candidateId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(sent).expect(202)).body;
      const [screened, , scored, refused] = stages(submissionId, candidateId);
      const { notices } = await recordCountingNotices([[screened!], [scored!], [refused!]]);
      expect(notices.map((n) => n.type)).toEqual(['submission.status-changed', 'submission.status-changed', 'submission.scored', 'submission.status-changed']);
      for (const n of notices) {
        expect(n).toMatchObject({ agencyId: expect.any(String), submissionId, candidateId });
        expect(n.data).toMatchObject({ submissionId, externalId: sent.externalId, requisitionId });
      }
    });

    it('a redelivered tail in one batch with what follows it: only the new events apply', async () => {
      const { submissionId, candidateId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
      const all = stages(submissionId, candidateId);
      expect((await recordCountingNotices([all.slice(0, 2)])).changes).toBe(2);
      // A crash before the offsets were committed: the first two come again, with the next ones.
      const { changes, notices } = await recordCountingNotices([all]);
      expect(changes).toBe(3);
      expect(notices.filter((n) => n.type === 'submission.status-changed').map((n) => n.data['status'])).toEqual(['scored', 'offer-refused', 'offer-approved']);
      expect((await status(submissionId)).history.map((h: { status: string }) => h.status)).toEqual(FINAL_HISTORY);
    });

    it('stages of different kinds seen out of order still apply by the pipeline order; a late one of a kind already passed does not', async () => {
      const { submissionId } = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
      expect(await record([{ target: { submissionId }, stage: { kind: 'screened', decision: 'advance' }, at: at(10), reason: 'screened' }])).toBe(1);
      // An older screening replayed after a newer one: it would move screened to needs-interview.
      expect(await record([{ target: { submissionId }, stage: { kind: 'screened', decision: 'needs-interview' }, at: at(8), reason: 'an older screening' }])).toBe(0);
      // Scoring's clock a little behind screening's: still a new scoring.
      expect(await record([{ target: { submissionId }, stage: { kind: 'scored', decision: 'advance', score: 75 }, at: at(9), reason: 'score 75' }])).toBe(1);
      expect((await status(submissionId)).status).toBe('scored');
    });
  });

  it('an offer decision reaches the submission it names, not the same candidate\'s submission for another requisition; an older event without it reaches both', async () => {
    const otherRequisition = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead, second team', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;
    const email = uniqueEmail();
    const first = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId, { email })).expect(202)).body;
    const second = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(otherRequisition, { email })).expect(202)).body;
    expect(second.candidateId).toBe(first.candidateId);
    const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, s));
    for (const s of [first, second]) {
      await record([{ target: { submissionId: s.submissionId }, stage: { kind: 'scored', decision: 'advance', score: 80 }, at: at(1), reason: 'score 80' }]);
    }
    const offerDecided = (data: Partial<OfferDecidedEvent>) =>
      t.app.get(SubmissionRepository).transaction((tx) =>
        t.app.get(PipelineProgressHandler).offerDecided([{ data: { ...EXAMPLE_EVENT_DATA[EVENT_TYPES.offerDecided], ...data } } as ConsumedEvent<OfferDecidedEvent>], tx),
      );

    await offerDecided({ candidateId: first.candidateId, submissionId: second.submissionId, decision: 'approved', decidedAt: at(2).toISOString() });
    expect((await status(second.submissionId)).status).toBe('offer-approved');
    expect((await status(first.submissionId)).status).toBe('scored');

    const { submissionId: _none, ...older } = EXAMPLE_EVENT_DATA[EVENT_TYPES.offerDecided];
    await t.app.get(SubmissionRepository).transaction((tx) =>
      t.app.get(PipelineProgressHandler).offerDecided([{ data: { ...older, candidateId: first.candidateId, decision: 'refused', decidedAt: at(3).toISOString() } } as ConsumedEvent<OfferDecidedEvent>], tx),
    );
    expect((await status(first.submissionId)).status).toBe('offer-refused');
  });

  it('the write-back finds each state where its lock read it; a state not at that address is refused, and nothing of the batch is written', async () => {
    const one = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
    const other = (await request(http).post('/v1/submissions').set('x-api-key', key).send(submission(requisitionId)).expect(202)).body;
    const progress = t.app.get(SubmissionProgressRepository);
    const at = new Date(Date.UTC(2026, 10, 29, 10, 0, 0));
    const failure = await t.app
      .get(SubmissionRepository)
      .transaction(async (tx) => {
        const { tracked } = await progress.lock(tx, [one.submissionId, other.submissionId], []);
        const [a, b] = [one.submissionId, other.submissionId].map((id) => tracked.find((s) => s.id === id));
        if (!a || !b) throw new Error('the lock did not read both states');
        const marks = { screened: at, scored: null, 'offer-decided': null };
        // the first state named with the second's address: no row is both, so neither may move
        await progress.apply(
          tx,
          [
            { submissionId: a.id, rowAddress: b.rowAddress, status: 'screened', statusChanged: true, marks },
            { submissionId: b.id, rowAddress: b.rowAddress, status: 'screened', statusChanged: true, marks },
          ],
          [{ submissionId: a.id, status: 'screened', reason: 'screened', at }],
        );
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(String(failure)).toContain('moved 1 of 2 submission states');
    for (const id of [one.submissionId, other.submissionId]) {
      const body = await status(id);
      expect(body.status).toBe('sourced');
      expect(body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'sourced']);
    }
    // the same batch with the addresses the lock read applies
    expect(await record([{ target: { submissionId: one.submissionId }, stage: { kind: 'screened', decision: 'advance' }, at, reason: 'screened' }])).toBe(1);
    expect((await status(one.submissionId)).status).toBe('screened');
  });

  it('an id that is not a UUID is invalid input, dead-lettered at once (not a handler error retried and isolated)', async () => {
    const failure = await record([{ target: { submissionId: 'not-a-uuid' }, stage: { kind: 'screened', decision: 'advance' }, at: new Date(), reason: 'screening' }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', errors: [{ path: 'data.submissionId', message: 'submissionId must be a UUID' }] });
    expect(classifyFailure(failure)).toBe('invalid-message');
  });
});
