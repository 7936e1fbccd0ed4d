import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission } from '../test/submission.fixtures';
import type { IdentifierKind } from '@hiring/domain';
import { CandidateRepository } from './candidate.repository';
import { IntakeLookupRepository } from './intake-lookup.repository';
import { SubmissionRepository } from './submission.repository';

const byIdentifier = (a: { kind: string; value: string }, b: { kind: string; value: string }) => `${a.kind} ${a.value}`.localeCompare(`${b.kind} ${b.value}`);

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };

// A single submission's first read: its requisition and its earlier submissions in one statement.
describe('IntakeLookupRepository.forOne (real Postgres)', () => {
  let t: SourcingTestApp;
  let http: App;
  let lookup: IntakeLookupRepository;
  let agency: { id: string; key: string };

  const openRequisition = async (): Promise<string> =>
    (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
    lookup = t.app.get(IntakeLookupRepository);
    const res = await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('lookup-agency') }).expect(201);
    agency = { id: res.body.agency.id, key: res.body.apiKey.key };
  });

  afterAll(async () => {
    await t?.app.close();
  });

  it('an unknown requisition and no earlier submission: nothing', async () => {
    const found = await lookup.forOne({ agencyId: agency.id, externalId: uniqueName('never') }, '00000000-0000-4000-8000-000000000000', []);
    expect(found).toEqual({ requisitions: [], earlier: [], subscriptions: expect.objectContaining({ none: true }), claims: [] });
  });

  it("the agency's webhook subscriptions ride along: the types of its endpoints not deleted, and no other agency's", async () => {
    const requisitionId = await openRequisition();
    const own = await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('lookup-hooks') }).expect(201);
    const hooked = { id: own.body.agency.id as string, key: own.body.apiKey.key as string };
    const forHooked = () => lookup.forOne({ agencyId: hooked.id, externalId: uniqueName('hooked') }, requisitionId, []);
    expect((await forHooked()).subscriptions?.none).toBe(true);

    const create = (eventTypes: string[]) =>
      request(http).post('/v1/webhooks/endpoints').set('x-api-key', hooked.key).send({ url: 'https://hooks.example.com/hiring', eventTypes }).expect(201);
    const scored = (await create(['submission.scored'])).body as { endpoint: { id: string } };
    await create(['submission.status-changed', 'submission.rejected']);
    const found = await forHooked();
    expect(found.requisitions).toEqual([expect.objectContaining({ id: requisitionId })]);
    expect(found.subscriptions?.wants(hooked.id, 'submission.scored')).toBe(true);
    expect(found.subscriptions?.wants(hooked.id, 'submission.status-changed')).toBe(true);
    expect(found.subscriptions?.wants(hooked.id, 'submission.rejected')).toBe(true);
    expect(found.subscriptions?.wants(hooked.id, 'submission.duplicate')).toBe(false);
    expect((await lookup.forOne({ agencyId: agency.id, externalId: uniqueName('other') }, requisitionId, [])).subscriptions?.none).toBe(true);

    await request(http).delete(`/v1/webhooks/endpoints/${scored.endpoint.id}`).set('x-api-key', hooked.key).expect((res) => expect([200, 204]).toContain(res.status));
    const after = await forHooked();
    expect(after.subscriptions?.wants(hooked.id, 'submission.scored')).toBe(false);
    expect(after.subscriptions?.wants(hooked.id, 'submission.status-changed')).toBe(true);
  });

  it('the stored claims on the identifiers ride along, as the intake reads them in its transaction', async () => {
    const requisitionId = await openRequisition();
    const sent = submission(requisitionId);
    const { candidateId } = (await request(http).post('/v1/submissions').set('x-api-key', agency.key).send(sent).expect(202)).body;
    const identifiers = (
      await t.dataSource.query<{ kind: IdentifierKind; value: string }[]>('SELECT kind, value FROM sourcing.candidate_identifiers WHERE candidate_id = $1 ORDER BY kind', [candidateId])
    ).map((r) => ({ kind: r.kind, value: r.value }));
    expect(identifiers.length).toBeGreaterThan(0);
    const unknown = { kind: identifiers[0]!.kind, value: `${identifiers[0]!.value}-not-stored` };

    const found = await lookup.forOne({ agencyId: agency.id, externalId: uniqueName('again') }, requisitionId, [...identifiers, unknown]);
    const inTransaction = await t.app.get(SubmissionRepository).transaction((tx) => t.app.get(CandidateRepository).findClaims(tx, [...identifiers, unknown]));
    expect(found.claims).toHaveLength(identifiers.length);
    expect([...(found.claims ?? [])].sort(byIdentifier)).toEqual([...inTransaction].sort(byIdentifier));
    expect(found.claims?.[0]).toEqual(expect.objectContaining({ agencyId: agency.id, candidateId, ownedFrom: expect.any(Date), ownedUntil: expect.any(Date) }));
  });

  it('the requisition with whether it is open, and no earlier submission', async () => {
    const requisitionId = await openRequisition();
    const found = await lookup.forOne({ agencyId: agency.id, externalId: uniqueName('new'), idempotencyKey: uniqueName('key') }, requisitionId, []);
    expect(found.earlier).toEqual([]);
    expect(found.requisitions).toEqual([{ id: requisitionId, status: 'open', targetRole: expect.any(String), locationTier: 'uk-london' }]);

    await request(http).post(`/v1/requisitions/${requisitionId}/close`).set(OPS).expect((res) => expect([200, 201]).toContain(res.status));
    expect((await lookup.forOne({ agencyId: agency.id, externalId: uniqueName('new') }, requisitionId, [])).requisitions).toEqual([
      expect.objectContaining({ id: requisitionId, status: 'closed' }),
    ]);
  });

  it('earlier submissions by externalId and by Idempotency-Key, each once, beside the requisition; another agency sees none', async () => {
    const requisitionId = await openRequisition();
    const byExternalId = submission(requisitionId);
    const keyed = submission(requisitionId);
    const key = uniqueName('key');
    const a = await request(http).post('/v1/submissions').set('x-api-key', agency.key).send(byExternalId).expect(202);
    const b = await request(http).post('/v1/submissions').set('x-api-key', agency.key).set('Idempotency-Key', key).send(keyed).expect(202);

    const found = await lookup.forOne({ agencyId: agency.id, externalId: byExternalId.externalId, idempotencyKey: key }, requisitionId, []);
    expect(found.requisitions).toEqual([expect.objectContaining({ id: requisitionId, status: 'open' })]);
    expect(found.earlier.map((e) => e.id).sort()).toEqual([a.body.submissionId, b.body.submissionId].sort());
    expect(found.earlier.find((e) => e.id === b.body.submissionId)).toEqual(
      expect.objectContaining({ agencyId: agency.id, externalId: keyed.externalId, idempotencyKey: key, status: expect.any(String), requestHash: expect.any(String) }),
    );

    const other = await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('lookup-other') }).expect(201);
    expect((await lookup.forOne({ agencyId: other.body.agency.id, externalId: byExternalId.externalId, idempotencyKey: key }, requisitionId, [])).earlier).toEqual([]);
  });
});
