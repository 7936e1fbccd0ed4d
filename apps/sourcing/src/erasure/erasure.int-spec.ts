import { randomUUID } from 'node:crypto';
import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission, uniqueEmail } from '../test/submission.fixtures';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

describe('sourcing: erasure of a candidate (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let requisitionId: string;

  const createAgencyKey = async (): Promise<string> =>
    (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body.apiKey.key;

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    requisitionId = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('deletes the sealed identity and profile of the owner and duplicate submissions (both read as erased), records who asked, emits candidate-erased once', async () => {
    const [ownerKey, otherKey] = [await createAgencyKey(), await createAgencyKey()];
    const email = uniqueEmail();
    const owned = await request(http).post('/v1/submissions').set('x-api-key', ownerKey).send(submission(requisitionId, { email, name: 'Ada Erased' })).expect(202);
    const dup = await request(http).post('/v1/submissions').set('x-api-key', otherKey).send(submission(requisitionId, { email, name: 'Ada Erased' })).expect(202);
    expect(dup.body.status).toBe('duplicate');
    const candidateId = owned.body.candidateId as string;

    const first = await request(http).post(`/v1/ops/candidates/${candidateId}/erasure`).set(OPS).send({ requestedBy: 'dpo@example.com' }).expect(200);
    expect(first.body).toMatchObject({ candidateId, requestedBy: 'dpo@example.com', erasedNow: true });

    for (const id of [owned.body.submissionId, dup.body.submissionId]) {
      const shown = await request(http).get(`/v1/ops/submissions/${id}`).set(OPS).expect(200);
      expect(JSON.stringify(shown.body)).not.toContain('Ada Erased');
      expect(JSON.stringify(shown.body)).not.toContain(email);
      expect(shown.body.candidate).toEqual({ name: '[erased]' });
    }
    const stored = await t.dataSource.query('SELECT sealed_for, personal_data FROM sourcing.submissions WHERE id = ANY($1)', [[owned.body.submissionId, dup.body.submissionId]]);
    expect(stored).toEqual([
      { sealed_for: candidateId, personal_data: null },
      { sealed_for: candidateId, personal_data: null },
    ]);
    expect(t.events.erased.filter((e) => e.candidateId === candidateId)).toEqual([
      { candidateId, requestedBy: 'dpo@example.com', erasedAt: first.body.erasedAt },
    ]);

    const again = await request(http).post(`/v1/ops/candidates/${candidateId}/erasure`).set(OPS).send({ requestedBy: 'someone-else' }).expect(200);
    expect(again.body).toMatchObject({ erasedNow: false, requestedBy: 'dpo@example.com', erasedAt: first.body.erasedAt });
    expect(t.events.erased.filter((e) => e.candidateId === candidateId)).toHaveLength(1);

    // The ownership claim went with the identity: the person can be sourced afresh.
    const fresh = await request(http).post('/v1/submissions').set('x-api-key', otherKey).send(submission(requisitionId, { email })).expect(202);
    expect(fresh.body.status).toBe('sourced');
    expect(fresh.body.candidateId).not.toBe(candidateId);
  });

  it('an unknown candidate is a 404 problem; a missing requestedBy is a 400 with its path; no token is a 401', async () => {
    const unknown = await request(http).post(`/v1/ops/candidates/${randomUUID()}/erasure`).set(OPS).send({ requestedBy: 'dpo' }).expect(404);
    expect(unknown.body.type).toMatch(/candidate-not-found/);
    const invalid = await request(http).post(`/v1/ops/candidates/${randomUUID()}/erasure`).set(OPS).send({}).expect(400);
    expect(invalid.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'requestedBy' })]));
    await request(http).post(`/v1/ops/candidates/${randomUUID()}/erasure`).send({ requestedBy: 'dpo' }).expect(401);
  });
});
