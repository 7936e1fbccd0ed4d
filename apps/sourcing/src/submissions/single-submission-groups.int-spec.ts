import { randomUUID } from 'node:crypto';
import { uniqueName, waitFor } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { QueryRunner } from 'typeorm';
import { IdentifierIndex } from '../personal-data/identifier-index';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission, uniqueEmail } from '../test/submission.fixtures';
import { SingleSubmissionGroups } from './single-submission-groups';
import { SubmissionIntakeService, type IntakeItem } from './submission-intake.service';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

interface Agency {
  id: string;
  key: string;
}

/**
 * Single POSTs that overlap are written as one intake chunk. To make them
 * overlap for certain, the first request is held in Postgres: the test's own
 * transaction holds an uncommitted claim on its email, so the request's claim
 * insert waits for it (a condition the test observes: pg_blocking_pids). Every
 * request sent meanwhile queues behind that write (the test waits until the
 * gate counts it); rolling the claim back lets the first finish and the queued
 * ones go together.
 */
describe('single submissions written in groups (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let groups: SingleSubmissionGroups;
  let requisitionId: string;

  const createAgency = async (): Promise<Agency> => {
    const res = await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201);
    return { id: res.body.agency.id, key: res.body.apiKey.key };
  };
  const post = (agency: Agency, body: object, headers: Record<string, string> = {}) => request(http).post('/v1/submissions').set('x-api-key', agency.key).set(headers).send(body);
  /** Sent now (supertest sends on then()); its answer is awaited later. */
  const send = (agency: Agency, body: object, headers: Record<string, string> = {}) => post(agency, body, headers).then((res) => res);

  /** The group size histogram as /metrics shows it. */
  const groupMetrics = async (): Promise<{ count: number; sum: number; fallbacks: number }> => {
    const text = (await request(http).get('/metrics').expect(200)).text;
    const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 'NaN');
    return { count: value('sourcing_single_submission_group_size_count'), sum: value('sourcing_single_submission_group_size_sum'), fallbacks: value('sourcing_single_submission_group_fallbacks_total') };
  };

  /**
   * Holds an uncommitted claim on `email` and sends `first` (which claims it): the request waits in Postgres
   * until release(); then sends each of `queued`, one after another, each once the previous one queues.
   */
  const heldGroup = async (first: { agency: Agency; body: object }, queued: Array<{ agency: Agency; body: object; headers?: Record<string, string> }>, email: string) => {
    const blocker: QueryRunner = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      const value = t.app.get(IdentifierIndex).value('email', email);
      await blocker.query(
        `INSERT INTO sourcing.candidate_identifiers (kind, value, candidate_id, agency_id, owned_from, owned_until) VALUES ('email', $1, $2, $3, now(), now() + interval '1 day')`,
        [value, randomUUID(), randomUUID()],
      );
      const firstAnswer = send(first.agency, first.body);
      await waitFor(async () => ((await t.dataSource.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [pid])) as [{ n: number }])[0].n > 0, {
        description: 'the first request waits for the held claim',
      });
      const answers = [];
      for (const [i, q] of queued.entries()) {
        answers.push(send(q.agency, q.body, q.headers));
        await waitFor(() => groups.waiting === i + 1, { description: `${i + 1} request(s) queued behind the first` });
      }
      await blocker.rollbackTransaction();
      return { first: await firstAnswer, queued: await Promise.all(answers) };
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  };

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    groups = t.app.get(SingleSubmissionGroups);
    const req = await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead, groups', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201);
    requisitionId = req.body.id;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('an idle request is written at once, alone', async () => {
    const agency = await createAgency();
    const before = await groupMetrics();
    await post(agency, submission(requisitionId)).expect(202);
    const after = await groupMetrics();
    expect({ count: after.count - before.count, sum: after.sum - before.sum }).toEqual({ count: 1, sum: 1 });
  });

  it('N concurrent single POSTs get N answers from fewer intake calls than requests', async () => {
    const agency = await createAgency();
    const before = await groupMetrics();
    const email = uniqueEmail();
    const bodies = Array.from({ length: 6 }, () => submission(requisitionId));
    const { first, queued } = await heldGroup({ agency, body: submission(requisitionId, { email }) }, bodies.map((body) => ({ agency, body })), email);

    expect(first.status).toBe(202);
    for (const res of queued) expect(res.status).toBe(202);
    const answers = [first, ...queued].map((r) => r.body as { submissionId: string; status: string; candidateId?: string });
    expect(answers.every((a) => a.status === 'sourced' && a.candidateId)).toBe(true);
    expect(new Set(answers.map((a) => a.candidateId)).size).toBe(7);
    // Each answer names its own request's submission.
    for (const [i, body] of bodies.entries()) {
      const stored = await post(agency, body).expect(200);
      expect(stored.body.submissionId).toBe(answers[i + 1]?.submissionId);
    }
    const after = await groupMetrics();
    // The held one alone, then the six queued behind it in one call (the replays afterwards: seven more of one).
    expect({ count: after.count - before.count, sum: after.sum - before.sum }).toEqual({ count: 2 + 6, sum: 7 + 6 });
  });

  it('repeats and the same person inside one group get what they would one after another', async () => {
    const a = await createAgency();
    const b = await createAgency();
    const held = uniqueEmail();
    const person = uniqueEmail();
    const first = submission(requisitionId, { email: person });
    const keyed = submission(requisitionId);
    const key = 'k-' + randomUUID();
    const before = await groupMetrics();
    const { queued } = await heldGroup(
      { agency: a, body: submission(requisitionId, { email: held }) },
      [
        { agency: a, body: first },
        { agency: a, body: first }, // the same request again: its original answer
        { agency: a, body: { ...first, candidate: { ...first.candidate, name: 'Someone Else' } } }, // its externalId with another body
        { agency: b, body: submission(requisitionId, { email: person }) }, // another agency, the same person: a duplicate
        { agency: a, body: submission(requisitionId, { email: person }) }, // the same agency again: the same candidate
        { agency: a, body: keyed, headers: { 'Idempotency-Key': key } },
        { agency: a, body: keyed, headers: { 'Idempotency-Key': key } }, // the key again, the same body: its original answer
        { agency: a, body: submission(requisitionId), headers: { 'Idempotency-Key': key } }, // the key with another body
      ],
      held,
    );
    const [sourced, replayed, conflict, duplicate, sameAgency, keyedFirst, keyedAgain, keyedOther] = queued;
    expect(sourced?.status).toBe(202);
    expect(sourced?.body).toMatchObject({ status: 'sourced' });
    expect(replayed?.status).toBe(200);
    expect(replayed?.body).toEqual(sourced?.body);
    expect(conflict?.status).toBe(409);
    expect(conflict?.body.errors).toEqual([{ path: 'externalId', message: 'was already used with a different body' }]);
    expect(duplicate?.status).toBe(202);
    expect(duplicate?.body.status).toBe('duplicate');
    expect(duplicate?.body.candidateId).toBeUndefined();
    expect(sameAgency?.status).toBe(202);
    expect(sameAgency?.body).toMatchObject({ status: 'sourced', candidateId: sourced?.body.candidateId });
    expect(keyedFirst?.status).toBe(202);
    expect(keyedAgain?.status).toBe(200);
    expect(keyedAgain?.body.submissionId).toBe(keyedFirst?.body.submissionId);
    expect(keyedOther?.status).toBe(409);
    expect(keyedOther?.body.errors).toEqual([{ path: 'Idempotency-Key', message: 'was already used with a different body' }]);
    const after = await groupMetrics();
    expect({ count: after.count - before.count, sum: after.sum - before.sum }).toEqual({ count: 2, sum: 9 });
  });

  it("a group whose call throws is written request by request: one request's failure is not another's", async () => {
    const agency = await createAgency();
    const intake = t.app.get(SubmissionIntakeService);
    const original = intake.submitAll.bind(intake);
    const poison = uniqueName('poison');
    const calls: number[] = [];
    // The fault: any intake call holding this one request throws (as a bug or an outage would for its chunk).
    const spy = jest.spyOn(intake, 'submitAll').mockImplementation((items: readonly IntakeItem[]) => {
      calls.push(items.length);
      if (items.some((i) => i.input.externalId === poison)) return Promise.reject(new Error('injected intake failure'));
      return original(items);
    });
    try {
      const held = uniqueEmail();
      const before = await groupMetrics();
      const { first, queued } = await heldGroup(
        { agency, body: submission(requisitionId, { email: held }) },
        [{ agency, body: submission(requisitionId) }, { agency, body: submission(requisitionId, { externalId: poison }) }, { agency, body: submission(requisitionId) }],
        held,
      );
      expect(first.status).toBe(202);
      expect(queued.map((r) => r.status)).toEqual([202, 500, 202]);
      expect(queued[0]?.body.status).toBe('sourced');
      expect(queued[2]?.body.status).toBe('sourced');
      // The held one, the group of three (threw), then each of the three alone.
      expect(calls).toEqual([1, 3, 1, 1, 1]);
      const after = await groupMetrics();
      expect(after.fallbacks - before.fallbacks).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
