import { classifyFailure } from '@hiring/messaging';
import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { SubmissionRepository } from '../submissions/submission.repository';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission } from '../test/submission.fixtures';
import { RecordPipelineProgressService, type StageReached } from './record-pipeline-progress.service';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

describe('sourcing: submission status follows the pipeline (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let key: string;
  let requisitionId: string;

  const record = (reached: StageReached[]) =>
    t.app.get(SubmissionRepository).transaction((tx) => t.app.get(RecordPipelineProgressService).execute(tx, reached));
  const status = async (id: string) => (await request(http).get(`/v1/submissions/${id}`).set('x-api-key', key).expect(200)).body;

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    key = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body.apiKey.key;
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

  it('an id that is not a UUID is invalid input, dead-lettered at once (not a handler error retried and isolated)', async () => {
    const failure = await record([{ target: { submissionId: 'not-a-uuid' }, stage: { kind: 'screened', decision: 'advance' }, at: new Date(), reason: 'screening' }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', errors: [{ path: 'data.submissionId', message: 'submissionId must be a UUID' }] });
    expect(classifyFailure(failure)).toBe('invalid-message');
  });
});
