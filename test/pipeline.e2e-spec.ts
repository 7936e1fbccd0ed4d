// Project issue 5: the pipeline end to end. The four services run as built
// (dist/), each its own process on the real Kafka and Postgres, with consumer
// groups of their own started at the current end of their input topics. A
// few hundred submissions from two agencies go in over HTTP (single and bulk)
// and Kafka (signed CloudEvents): strong and weak profiles, cross-agency
// duplicates, same-agency redeliveries, invalid ones on both paths. The test
// then checks, from the database and the topics, that every accepted
// submission reached exactly one final state, none was lost or applied twice,
// duplicates name the right owner, bad Kafka records sit in the DLQ with their
// reason, scores equal the domain's, offers are judged against the floor, the
// scored topic carries no personal data, and an erasure reaches every service.
import { randomBytes } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Client } from 'pg';
import {
  ASYNCAPI_SCHEMAS,
  buildEvent,
  CLOUDEVENTS_CONTENT_TYPE,
  deadLetterTopic,
  EVENT_TYPES,
  signSubmission,
  toKafkaRecord,
  TOPICS,
  type SubmissionEvent,
} from '@hiring/contracts';
import { findBand, RATE_CARDS, selectRateCard, type LocationTier, type TargetRole } from '@hiring/domain';
import { KafkaTestKit, testDatabaseUrl, uniqueName, waitFor, type ProducedRecord, type TopicProbe } from '@hiring/testing';
import { AgencyClient, createAgency, expectStatus, mapLimit, OpsClient, type CreatedAgency, type SubmissionBody } from './support/agency-client';
import { candidateProfile, expectedScreening, identity, PROFILE_KINDS, type ExpectedScreening, type Identity, type ProfileKind } from './support/candidates';
import { kcatHeaders, readTopicSince, readTopicWithKcat, type KcatRecord } from './support/kcat';
import { startPipeline, type Pipeline } from './support/pipeline';
import { AI_SIGNALS, SOFTWARE_SIGNALS } from './support/requisitions';

const PERSONS = 240; // owned people (originals)
const DUPLICATES = 40; // the same email submitted again by the other agency
const FINAL_STATES = ['duplicate', 'rejected', 'needs-interview', 'scored'];
const TODAY = new Date().toISOString().slice(0, 10);

/** Where a submission ends after screening and scoring: the forward-only rule of libs/domain (progressSubmission). */
function statusFor(decision: ExpectedScreening['screening']['decision']): Planned['expectedStatus'] {
  return decision === 'reject' ? 'rejected' : decision === 'needs-interview' ? 'needs-interview' : 'scored';
}

const MALFORMED_BYTES = '{"specversion":"1.0","type":"recruiting.submission.v1","data":{';
const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const RUN_DIGITS = String(100_000 + (parseInt(randomBytes(3).toString('hex'), 16) % 900_000));
const OPS_TOKEN = `e2e-pipeline-${randomBytes(12).toString('hex')}`;


type Channel = 'http' | 'bulk' | 'kafka';

interface Requisition {
  id: string;
  role: TargetRole;
  locationTier: LocationTier;
}

interface Planned {
  person: number;
  agency: CreatedAgency;
  channel: Channel;
  requisition: Requisition;
  kind: ProfileKind;
  identity: Identity;
  body: SubmissionBody;
  expected: ExpectedScreening;
  /** Set for a cross-agency duplicate: the submission that owns the person. */
  duplicateOf?: Planned;
  expectedStatus: 'scored' | 'rejected' | 'needs-interview' | 'duplicate';
  submissionId?: string;
  candidateId?: string;
  /** The Kafka record as first produced, to redeliver the very same bytes. */
  kafkaRecord?: ProducedRecord;
}

interface SubmissionRow {
  id: string;
  agency_id: string;
  external_id: string;
  status: string;
  candidate_id: string | null;
  channel: string;
}

const keyOf = (p: { agency: CreatedAgency; body: { externalId: string } }) => `${p.agency.id}/${p.body.externalId}`;

describe('pipeline end to end: sourcing → screening → scoring → offer (processes, real Kafka and Postgres)', () => {
  const kit = new KafkaTestKit();
  let pipeline: Pipeline | undefined;
  let db: Client;
  let ops: OpsClient;
  let offerOps: OpsClient;
  let agencies: [CreatedAgency, CreatedAgency];
  let clients: Map<string, AgencyClient>;
  let aiReq: Requisition;
  let softwareReq: Requisition;
  let scoredProbe: TopicProbe;
  let dlqStartOffsets: { partition: number; offset: string }[];
  let offerDecidedProbe: TopicProbe;
  let scoredStartOffsets: { partition: number; offset: string }[];

  const originals: Planned[] = [];
  const duplicates: Planned[] = [];
  /** Every name, email and phone this run sent, in the forms a leak could take. */
  const pii = new Set<string>();
  const invalidKafka: { key: string; reason: RegExp; externalId: string }[] = [];

  const accepted = () => [...originals, ...duplicates];
  /** Set once every submission was made as planned; the checks after it mean nothing otherwise. */
  let submitted = false;
  const requireSubmitted = () => {
    if (!submitted) throw new Error('not checked: the submissions were not all made (see the failure of the submitting test above)');
  };
  const client = (a: CreatedAgency) => clients.get(a.id) as AgencyClient;
  const ourRows = async (): Promise<SubmissionRow[]> =>
    (
      await db.query<SubmissionRow>(
        'SELECT s.id::text, s.agency_id::text, s.external_id, st.status, s.candidate_id::text, s.channel FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id WHERE s.agency_id = ANY($1::uuid[])',
        [agencies.map((a) => a.id)],
      )
    ).rows;
  const countsByStatus = (rows: SubmissionRow[]) =>
    rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  const diagnostics = async () => `submissions by status: ${JSON.stringify(countsByStatus(await ourRows()))}\n${pipeline?.logTails(1500) ?? ''}`;

  function rememberPii(id: Identity): void {
    pii.add(id.name);
    pii.add(id.email);
    pii.add(id.phone);
    pii.add(id.phone.replace(/[^+0-9]/g, ''));
  }

  function kafkaSubmission(p: Planned, eventId?: string): ProducedRecord {
    const data = { agencyId: p.agency.id, ...p.body } as unknown as SubmissionEvent;
    const event = buildEvent(EVENT_TYPES.submission, { source: `/agencies/${p.agency.id}`, data, signingSecret: p.agency.signingSecret, ...(eventId ? { id: eventId } : {}) });
    const record = toKafkaRecord(event);
    if (!eventId) p.kafkaRecord ??= record;
    return record;
  }

  beforeAll(async () => {
    await kit.connect();
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    // Watch the outputs from before the services start: nothing this run causes can be missed.
    scoredStartOffsets = (await kit.admin.fetchTopicOffsets(TOPICS.candidateScored)).map((o) => ({ partition: o.partition, offset: o.high }));
    scoredProbe = await kit.probe(TOPICS.candidateScored);
    // The DLQ holds bytes that are not JSON (that is the point), which TopicProbe cannot hold: it is read with kcat.
    dlqStartOffsets = (await kit.admin.fetchTopicOffsets(deadLetterTopic(TOPICS.submissions))).map((o) => ({ partition: o.partition, offset: o.high }));
    offerDecidedProbe = await kit.probe(TOPICS.offerDecided);

    pipeline = await startPipeline(kit, { opsToken: OPS_TOKEN });
    ops = new OpsClient(pipeline.services.sourcing.url, OPS_TOKEN);
    offerOps = new OpsClient(pipeline.services.offer.url, OPS_TOKEN);
  }, 180_000);

  afterAll(async () => {
    // Always stop the services, whatever failed; the SIGTERM exit codes are asserted in the last test.
    await pipeline?.stop('SIGKILL').catch(() => undefined);
    await kit.close();
    await db?.end().catch(() => undefined);
  });

  it('creates two agencies and two requisitions (AI Tech Lead in London, software Technical Lead in US metro)', async () => {
    agencies = [await createAgency(ops, uniqueName('E2E Northwind')), await createAgency(ops, uniqueName('E2E Southwind'))];
    for (const a of agencies) {
      expect(a.apiKey).toMatch(/^hak_/);
      expect(a.signingSecret.length).toBeGreaterThanOrEqual(32);
    }
    clients = new Map(agencies.map((a) => [a.id, new AgencyClient(pipeline!.services.sourcing.url, a)]));

    // Without the ops token nothing is created.
    expect((await new OpsClient(ops.baseUrl, 'not-the-ops-token-at-all').post('/v1/agencies', { name: uniqueName('nope') })).status).toBe(401);

    const ai = expectStatus(await ops.post('/v1/requisitions', { title: 'Lead, ranking platform (e2e)', locationTier: 'uk-london', signals: AI_SIGNALS }), 201, 'AI requisition');
    const sw = expectStatus(await ops.post('/v1/requisitions', { title: 'Technical Lead, payments (e2e)', locationTier: 'us-metro', signals: SOFTWARE_SIGNALS }), 201, 'software requisition');
    expect({ role: ai.targetRole, source: ai.roleSource, advice: ai.advice.role, status: ai.status }).toEqual({ role: 'ai-tech-lead', source: 'advisor', advice: 'ai-tech-lead', status: 'open' });
    expect({ role: sw.targetRole, source: sw.roleSource, advice: sw.advice.role, status: sw.status }).toEqual({ role: 'tech-lead', source: 'advisor', advice: 'tech-lead', status: 'open' });
    aiReq = { id: ai.id, role: 'ai-tech-lead', locationTier: 'uk-london' };
    softwareReq = { id: sw.id, role: 'tech-lead', locationTier: 'us-metro' };
  });

  it('accepts a few hundred submissions over HTTP (single, bulk) and Kafka (signed), each once, and refuses invalid ones', async () => {
    // --- plan: who is submitted by whom, where, with what profile ---
    const channels: Channel[] = ['kafka', 'bulk', 'http', 'bulk', 'kafka', 'bulk', 'http', 'bulk', 'kafka', 'bulk'];
    for (let i = 0; i < PERSONS; i += 1) {
      const agency = agencies[i % 2] as CreatedAgency;
      const requisition = Math.floor(i / 2) % 2 === 0 ? aiReq : softwareReq;
      // Groups of four: both agencies x both requisitions; kind and channel vary by group (all pairs occur).
      const kind = PROFILE_KINDS[Math.floor(i / 4) % PROFILE_KINDS.length] as ProfileKind;
      const id = identity(RUN, i, RUN_DIGITS);
      rememberPii(id);
      const profile = candidateProfile(requisition.role, requisition.locationTier, kind, i);
      const expected = expectedScreening(profile, TODAY);
      originals.push({
        person: i,
        agency,
        channel: channels[Math.floor(i / 4) % channels.length] as Channel,
        requisition,
        kind,
        identity: id,
        body: { externalId: `e2e-${RUN}-${i}`, requisitionId: requisition.id, candidate: { ...id }, profile },
        expected,
        expectedStatus: statusFor(expected.screening.decision),
      });
    }
    // Every combination the pipeline must handle is in the plan.
    // Each profile kind leads to its own decision under the rubric in force (2026-12: strong advance,
    // partial needs an interview, weak is rejected), and every one meets every channel, agency and role.
    const decisions = [...new Set(originals.map((p) => p.expected.screening.decision))];
    expect(decisions).toHaveLength(PROFILE_KINDS.length);
    for (const ch of ['http', 'bulk', 'kafka'] as const)
      for (const d of decisions)
        for (const a of agencies)
          for (const req of [aiReq, softwareReq])
            expect({ ch, d, a: a.name, req: req.role, planned: originals.some((p) => p.channel === ch && p.expected.screening.decision === d && p.agency === a && p.requisition === req) }).toEqual({
              ch, d, a: a.name, req: req.role, planned: true,
            });

    // --- phase 1: every original (the first valid submission of each person owns it) ---
    const http = originals.filter((p) => p.channel === 'http');
    const httpAnswers = await mapLimit(http, 6, (p) => client(p.agency).submit(p.body));
    httpAnswers.forEach((a, i) => {
      const p = http[i] as Planned;
      const body = expectStatus(a, 202, `submission ${p.body.externalId}`);
      expect({ status: body.status, hasCandidate: typeof body.candidateId === 'string' }).toEqual({ status: 'sourced', hasCandidate: true });
      p.submissionId = body.submissionId;
      p.candidateId = body.candidateId;
    });

    for (const [index, agency] of agencies.entries()) {
      const items = originals.filter((p) => p.channel === 'bulk' && p.agency === agency);
      const badEmail = { ...(items[0] as Planned).body, externalId: `e2e-${RUN}-bulk-bad-${index}`, candidate: { name: `E2E Bulk Bad ${RUN} ${index}`, email: 'not-an-email' } };
      rememberPii({ name: badEmail.candidate.name, email: 'not-an-email', phone: 'not-an-email' });
      const ndjson = index === 1;
      // Agency B sends NDJSON with one line that is not JSON at all; agency A a JSON array with a non-object.
      const answer = ndjson
        ? await client(agency).submitBulk([...items.map((p) => p.body), badEmail, { rawLine: '{"externalId": "broken' }], true)
        : await client(agency).submitBulk([...items.map((p) => p.body), badEmail, 42]);
      const body = expectStatus(answer, 200, `bulk of agency ${index}`);
      const results = body.results as { index: number; status: string; submissionId?: string; candidateId?: string; errors?: { path: string }[] }[];
      expect(results).toHaveLength(items.length + 2);
      items.forEach((p, i) => {
        const r = results.find((x) => x.index === i);
        expect({ externalId: p.body.externalId, status: r?.status }).toEqual({ externalId: p.body.externalId, status: 'sourced' });
        p.submissionId = r?.submissionId;
        p.candidateId = r?.candidateId;
      });
      const bad = results.find((x) => x.index === items.length);
      expect(bad?.status).toBe('invalid');
      expect(bad?.errors?.map((e) => e.path)).toContain('candidate.email');
      const notAnObject = results.find((x) => x.index === items.length + 1);
      expect(notAnObject?.status).toBe('invalid');
      expect(notAnObject?.errors?.map((e) => e.path)).toContain('(root)');
      expect(body.summary).toEqual({ total: items.length + 2, accepted: items.length, failed: 2 });
    }

    const kafkaOriginals = originals.filter((p) => p.channel === 'kafka');
    await kit.produce(TOPICS.submissions, ...kafkaOriginals.map((p) => kafkaSubmission(p)));

    // Every original stored and decided by sourcing before any duplicate is sent: "first" is then unambiguous.
    await waitFor(
      async () => {
        const rows = await ourRows();
        const decided = rows.filter((r) => r.status !== 'received').length;
        return decided >= PERSONS;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: `${PERSONS} original submissions stored by sourcing` },
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}\n${await diagnostics()}`);
    });
    const byKey = new Map((await ourRows()).map((r) => [`${r.agency_id}/${r.external_id}`, r]));
    for (const p of kafkaOriginals) {
      const row = byKey.get(keyOf(p));
      // Sourced (or already further down the pipeline), never a duplicate of anything.
      expect({ key: keyOf(p), sourced: !['received', 'duplicate'].includes(row?.status ?? 'received'), candidate: typeof row?.candidate_id, channel: row?.channel }).toEqual({
        key: keyOf(p),
        sourced: true,
        candidate: 'string',
        channel: 'kafka',
      });
      p.submissionId = row?.id;
      p.candidateId = row?.candidate_id ?? undefined;
    }

    // --- phase 2: cross-agency duplicates (same email, other agency, other name and phone) ---
    for (let d = 0; d < DUPLICATES; d += 1) {
      const owner = originals[d * 5] as Planned; // spread over channels, kinds and both agencies
      const agency = agencies.find((a) => a !== owner.agency) as CreatedAgency;
      const id: Identity = { name: `E2e Dup ${RUN} ${d}`, email: owner.identity.email, phone: `+1 212 ${RUN_DIGITS.slice(0, 3)} ${String(d).padStart(4, '0')}` };
      rememberPii(id);
      duplicates.push({
        ...owner,
        agency,
        channel: (['http', 'bulk', 'kafka'] as const)[d % 3] as Channel,
        identity: id,
        body: { ...owner.body, externalId: `e2e-${RUN}-dup-${d}`, candidate: { ...id } },
        duplicateOf: owner,
        expectedStatus: 'duplicate',
        submissionId: undefined,
        candidateId: undefined,
      });
    }
    for (const p of duplicates.filter((x) => x.channel === 'http')) {
      const body = expectStatus(await client(p.agency).submit(p.body), 202, `duplicate ${p.body.externalId}`);
      // The submitting agency learns "duplicate" and nothing about the owner.
      expect(body).toEqual({ submissionId: expect.any(String), status: 'duplicate' });
      p.submissionId = body.submissionId;
    }
    for (const agency of agencies) {
      const items = duplicates.filter((x) => x.channel === 'bulk' && x.agency === agency);
      if (items.length === 0) continue;
      const body = expectStatus(await client(agency).submitBulk(items.map((p) => p.body)), 200, 'bulk of duplicates');
      items.forEach((p, i) => {
        const r = (body.results as { index: number; status: string; submissionId?: string; candidateId?: string }[]).find((x) => x.index === i);
        expect({ externalId: p.body.externalId, status: r?.status, candidateId: r?.candidateId }).toEqual({ externalId: p.body.externalId, status: 'duplicate', candidateId: undefined });
        p.submissionId = r?.submissionId;
      });
    }
    await kit.produce(TOPICS.submissions, ...duplicates.filter((x) => x.channel === 'kafka').map((p) => kafkaSubmission(p)));

    // --- same-agency redeliveries: same externalId and body again, on every channel ---
    const httpAgain = originals.filter((p) => p.channel === 'http').slice(0, 6);
    for (const p of httpAgain) {
      const again = expectStatus(await client(p.agency).submit(p.body), 200, `redelivery of ${p.body.externalId}`);
      expect({ submissionId: again.submissionId, candidateId: again.candidateId }).toEqual({ submissionId: p.submissionId, candidateId: p.candidateId });
    }
    const bulkAgain = originals.filter((p) => p.channel === 'bulk' && p.agency === agencies[0]).slice(0, 8);
    const bulkAgainBody = expectStatus(await client(agencies[0]).submitBulk(bulkAgain.map((p) => p.body)), 200, 'bulk redelivery');
    expect((bulkAgainBody.results as { submissionId: string; replayed?: boolean }[]).map((r) => [r.submissionId, r.replayed])).toEqual(bulkAgain.map((p) => [p.submissionId, true]));
    const kafkaAgain = originals.filter((p) => p.channel === 'kafka').slice(0, 12);
    await kit.produce(
      TOPICS.submissions,
      // The very same records (a producer retry) and the same data under a new event id (an agency resend).
      ...kafkaAgain.slice(0, 6).map((p) => p.kafkaRecord as ProducedRecord),
      ...kafkaAgain.slice(6).map((p) => kafkaSubmission(p, `resend-${RUN}-${p.person}`)),
    );

    // The same externalId with another body is a conflict, not a second submission.
    const conflicted = httpAgain[0] as Planned;
    const conflict = await client(conflicted.agency).submit({ ...conflicted.body, candidate: { ...conflicted.body.candidate, name: `${conflicted.identity.name} changed` } });
    expect(conflict.status).toBe(409);
    rememberPii({ ...conflicted.identity, name: `${conflicted.identity.name} changed` });

    // --- invalid over HTTP: 400 problem+json naming the fields ---
    const base = (originals[0] as Planned).body;
    const invalidHttp: { what: string; body: unknown; path: RegExp }[] = [
      { what: 'bad email', body: { ...base, externalId: `e2e-${RUN}-bad-1`, candidate: { name: `E2E Bad ${RUN} 1`, email: 'nope@' } }, path: /^candidate\.email$/ },
      { what: 'profile out of range', body: { ...base, externalId: `e2e-${RUN}-bad-2`, candidate: { name: `E2E Bad ${RUN} 2`, email: `bad2.${RUN}@e2e-pipeline.example.com` }, profile: { ...(base.profile as object), communicationRating: 9 } }, path: /^profile\.communicationRating$/ },
      { what: 'unknown field', body: { ...base, externalId: `e2e-${RUN}-bad-3`, candidate: { name: `E2E Bad ${RUN} 3`, email: `bad3.${RUN}@e2e-pipeline.example.com` }, salaryHint: 1 }, path: /^salaryHint$/ },
      { what: 'requisition not a uuid', body: { ...base, externalId: `e2e-${RUN}-bad-4`, candidate: { name: `E2E Bad ${RUN} 4`, email: `bad4.${RUN}@e2e-pipeline.example.com` }, requisitionId: 'req-1' }, path: /^requisitionId$/ },
      { what: 'no identifier', body: { ...base, externalId: `e2e-${RUN}-bad-5`, candidate: { name: `E2E Bad ${RUN} 5` } }, path: /^candidate/ },
    ];
    for (const bad of invalidHttp) {
      const c = (bad.body as { candidate: { name: string; email?: string } }).candidate;
      rememberPii({ name: c.name, email: c.email ?? c.name, phone: c.name });
      const answer = await client(agencies[0]).submit(bad.body);
      expect({ what: bad.what, status: answer.status, contentType: answer.contentType }).toEqual({ what: bad.what, status: 400, contentType: expect.stringContaining('application/problem+json') });
      const paths = ((answer.body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
      expect({ what: bad.what, matched: paths.some((p) => bad.path.test(p)), paths }).toEqual({ what: bad.what, matched: true, paths });
    }

    // --- invalid over Kafka: each must end in the DLQ with its reason ---
    const victim = originals[1] as Planned;
    const forgedData = { agencyId: victim.agency.id, ...victim.body, externalId: `e2e-${RUN}-forged`, candidate: { name: `E2E Forged ${RUN}`, email: `forged.${RUN}@e2e-pipeline.example.com` } };
    rememberPii({ name: forgedData.candidate.name, email: forgedData.candidate.email, phone: forgedData.candidate.name });
    const forged = buildEvent(EVENT_TYPES.submission, { source: `/agencies/${victim.agency.id}`, data: forgedData as unknown as SubmissionEvent, signingSecret: `not-the-secret-${'x'.repeat(40)}` });
    const schemaInvalidData = { agencyId: victim.agency.id, ...victim.body, externalId: `e2e-${RUN}-schema-invalid`, candidate: { name: `E2E Invalid ${RUN}`, email: 'not an email' } };
    rememberPii({ name: schemaInvalidData.candidate.name, email: 'not an email', phone: schemaInvalidData.candidate.name });
    const schemaInvalid = {
      specversion: '1.0',
      id: `schema-invalid-${RUN}`,
      source: `/agencies/${victim.agency.id}`,
      type: EVENT_TYPES.submission,
      time: new Date().toISOString(),
      subject: `${victim.agency.id}/${schemaInvalidData.externalId}`,
      datacontenttype: 'application/json',
      // Correctly signed: it is the payload, not the signature, that is wrong.
      agencysig: signSubmission(schemaInvalidData, victim.agency.signingSecret),
      data: schemaInvalidData,
    };
    const malformedKey = `${victim.agency.id}/e2e-${RUN}-malformed`;
    const records: ProducedRecord[] = [
      toKafkaRecord(forged),
      { key: schemaInvalid.subject, value: JSON.stringify(schemaInvalid), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } },
      { key: malformedKey, value: Buffer.from(MALFORMED_BYTES), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } },
    ];
    invalidKafka.push(
      { key: forged.subject, reason: /UNAUTHENTICATED_SUBMISSION|signature/, externalId: forgedData.externalId },
      { key: schemaInvalid.subject, reason: /^INVALID_PAYLOAD/, externalId: schemaInvalidData.externalId },
      { key: malformedKey, reason: /^MALFORMED_JSON/, externalId: `e2e-${RUN}-malformed` },
    );
    await kit.produce(TOPICS.submissions, ...records);
    submitted = true;
  });

  it('brings every accepted submission to exactly one final state (duplicate, rejected or scored) before the deadline', async () => {
    requireSubmitted();
    const total = accepted().length;
    await waitFor(
      async () => {
        const rows = await ourRows();
        return rows.length >= total && rows.every((r) => FINAL_STATES.includes(r.status));
      },
      { timeoutMs: 150_000, intervalMs: 500, description: `${total} accepted submissions in a final state (${FINAL_STATES.join(', ')})` },
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}\n${await diagnostics()}`);
    });

    const rows = await ourRows();
    // None lost, none stored twice: exactly the accepted ones, one row each.
    expect(rows.length).toBe(total);
    const byKey = new Map(rows.map((r) => [`${r.agency_id}/${r.external_id}`, r]));
    const mismatches = accepted()
      .map((p) => ({ key: keyOf(p), channel: p.channel, expected: p.expectedStatus, actual: byKey.get(keyOf(p))?.status, kind: p.kind }))
      .filter((m) => m.expected !== m.actual);
    expect(mismatches.slice(0, 20)).toEqual([]);
    for (const p of duplicates) p.submissionId = byKey.get(keyOf(p))?.id;
    // The ids the HTTP answers gave are the stored ones.
    for (const p of originals) expect({ key: keyOf(p), id: byKey.get(keyOf(p))?.id, candidate: byKey.get(keyOf(p))?.candidate_id }).toEqual({ key: keyOf(p), id: p.submissionId, candidate: p.candidateId });

    // Nothing stored for the invalid ones (HTTP or Kafka).
    const invalidStored = rows.filter((r) => /-(bad|bulk-bad)-|-forged$|-schema-invalid$|-malformed$/.test(r.external_id));
    expect(invalidStored).toEqual([]);

    // The agency view agrees with the database (a sample, one per channel and outcome).
    const sample = [
      ...originals.filter((p) => p.expectedStatus === 'scored').slice(0, 3),
      ...originals.filter((p) => p.expectedStatus === 'needs-interview').slice(0, 3),
      ...originals.filter((p) => p.expectedStatus === 'rejected').slice(0, 3),
      ...duplicates.slice(0, 3),
    ];
    for (const p of sample) {
      const view = expectStatus(await client(p.agency).get(p.submissionId as string), 200, `GET submission ${p.submissionId}`);
      expect({ status: view.status, externalId: view.externalId, last: view.history.at(-1)?.status }).toEqual({ status: p.expectedStatus, externalId: p.body.externalId, last: p.expectedStatus });
      if (p.duplicateOf) expect(view.candidateId).toBeUndefined();
    }
  });

  it('applies nothing twice: one candidate per owned person, one screening and one score per candidate, one scored record each on the topic', async () => {
    requireSubmitted();
    const ourCandidates = new Set(originals.map((p) => p.candidateId as string));
    expect(ourCandidates.size).toBe(PERSONS);
    const agencyIds = agencies.map((a) => a.id);

    const candidates = await db.query<{ id: string; owner_agency_id: string }>('SELECT id::text, owner_agency_id::text FROM sourcing.candidates WHERE owner_agency_id = ANY($1::uuid[])', [agencyIds]);
    expect(candidates.rows.length).toBe(PERSONS);
    expect(new Set(candidates.rows.map((r) => r.id))).toEqual(ourCandidates);
    const ownerOf = new Map(candidates.rows.map((r) => [r.id, r.owner_agency_id]));
    expect(originals.filter((p) => ownerOf.get(p.candidateId as string) !== p.agency.id).map(keyOf)).toEqual([]);

    // Rejected submissions can be final (from the screening) before their score is stored: wait for the scores.
    await waitFor(
      async () => (await db.query('SELECT count(*)::int AS n FROM scoring.scores WHERE agency_id = ANY($1::text[])', [agencyIds])).rows[0].n >= PERSONS,
      { timeoutMs: 30_000, intervalMs: 250, description: `${PERSONS} rows in scoring.scores` },
    );
    for (const table of ['screening.screenings', 'scoring.scores']) {
      const { rows } = await db.query<{ candidate_id: string; n: number }>(
        `SELECT candidate_id, count(*)::int AS n FROM ${table} WHERE agency_id = ANY($1::text[]) GROUP BY candidate_id`,
        [agencyIds],
      );
      expect({ table, candidates: rows.length, twice: rows.filter((r) => r.n !== 1) }).toEqual({ table, candidates: PERSONS, twice: [] });
      expect(new Set(rows.map((r) => r.candidate_id))).toEqual(ourCandidates);
    }

    // The scored topic from the offsets recorded before the services started, read with kcat.
    const readRun = async () => {
      const all: KcatRecord[] = [];
      for (const { partition, offset } of scoredStartOffsets) all.push(...(await readTopicWithKcat(TOPICS.candidateScored, { partition, fromOffset: Number(offset) })));
      return all.filter((r) => r.key !== null && ourCandidates.has(r.key));
    };
    const ours = await waitFor(
      async () => {
        const records = await readRun();
        return new Set(records.map((r) => r.key)).size >= PERSONS ? records : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: `a candidate-scored record for each of the ${PERSONS} candidates` },
    );
    const perKey = new Map<string, KcatRecord[]>();
    for (const r of ours) perKey.set(r.key as string, [...(perKey.get(r.key as string) ?? []), r]);
    expect([...perKey.entries()].filter(([, rs]) => rs.length !== 1).map(([k, rs]) => `${k}: ${rs.length} records`)).toEqual([]);

    // The score on the topic is the domain's, for every candidate of the run (not only a sample).
    const wrong: unknown[] = [];
    for (const p of originals) {
      const record = perKey.get(p.candidateId as string)?.[0];
      const event = JSON.parse(record?.payload ?? 'null') as { data: Record<string, any> } | null;
      const s = p.expected.score;
      const expected = {
        score: s.score,
        decision: p.expected.screening.decision,
        rubric: { id: s.rubricId, version: s.rubricVersion },
        technical: s.breakdown.technical.points,
        leadership: s.breakdown.leadership.points,
        penalties: s.breakdown.redFlags.lines.filter((l) => l.met).map((l) => l.ruleId).sort(),
        submissionId: p.submissionId,
        agencyId: p.agency.id,
        role: p.requisition.role,
        locationTier: p.requisition.locationTier,
      };
      const actual = event && {
        score: event.data['score'],
        decision: event.data['decision'],
        rubric: event.data['rubric'],
        technical: event.data['breakdown'].find((g: { group: string }) => g.group === 'technical')?.points,
        leadership: event.data['breakdown'].find((g: { group: string }) => g.group === 'leadership')?.points,
        penalties: event.data['penalties'].map((x: { ruleId: string }) => x.ruleId).sort(),
        submissionId: event.data['submissionId'],
        agencyId: event.data['agencyId'],
        role: event.data['role'],
        locationTier: event.data['locationTier'],
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push({ candidate: p.candidateId, kind: p.kind, expected, actual });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('records every cross-agency duplicate with the owning agency (database and GET /v1/duplicates)', async () => {
    requireSubmitted();
    const { rows } = await db.query<{ submission_id: string; agency_id: string; owner_agency_id: string; owner_candidate_id: string; matched_on: string[] }>(
      'SELECT submission_id::text, agency_id::text, owner_agency_id::text, owner_candidate_id::text, matched_on FROM sourcing.duplicates WHERE agency_id = ANY($1::uuid[])',
      [agencies.map((a) => a.id)],
    );
    expect(rows.length).toBe(DUPLICATES);
    const bySubmission = new Map(rows.map((r) => [r.submission_id, r]));
    const wrong = duplicates
      .map((p) => {
        const row = bySubmission.get(p.submissionId as string);
        const owner = p.duplicateOf as Planned;
        const expected = { submitter: p.agency.id, owner: owner.agency.id, ownerCandidate: owner.candidateId, email: true };
        const actual = row && { submitter: row.agency_id, owner: row.owner_agency_id, ownerCandidate: row.owner_candidate_id, email: row.matched_on.includes('email') };
        return JSON.stringify(actual) === JSON.stringify(expected) ? undefined : { key: keyOf(p), expected, actual };
      })
      .filter(Boolean);
    expect(wrong.slice(0, 10)).toEqual([]);

    // Ops see both agencies named.
    for (const agency of agencies) {
      const list = expectStatus(await ops.get(`/v1/duplicates?agencyId=${agency.id}&limit=500`), 200, 'GET /v1/duplicates') as {
        submissionId: string;
        submittingAgency: { id: string; name: string };
        owningAgency: { id: string; name: string };
        ownerCandidateId: string;
      }[];
      const mine = duplicates.filter((p) => p.agency === agency || p.duplicateOf?.agency === agency);
      expect(list.length).toBe(mine.length);
      for (const p of mine) {
        const entry = list.find((d) => d.submissionId === p.submissionId);
        expect(entry && { submitter: entry.submittingAgency, owner: entry.owningAgency, ownerCandidateId: entry.ownerCandidateId }).toEqual({
          submitter: { id: p.agency.id, name: p.agency.name },
          owner: { id: (p.duplicateOf as Planned).agency.id, name: (p.duplicateOf as Planned).agency.name },
          ownerCandidateId: (p.duplicateOf as Planned).candidateId,
        });
      }
    }
    // Agencies cannot read the list.
    expect((await new OpsClient(ops.baseUrl, agencies[0].apiKey).get('/v1/duplicates')).status).toBe(401);
  });

  it('dead-letters each invalid Kafka submission with its reason, from this run\'s sourcing group', async () => {
    requireSubmitted();
    const group = pipeline!.groups.sourcing;
    type DeadLetter = { key: string | null; value: string | null; headers: Record<string, string> };
    let seen: DeadLetter[] = [];
    const found = await waitFor(
      async () => {
        seen = (await readTopicSince(deadLetterTopic(TOPICS.submissions), dlqStartOffsets)).map((r) => ({ key: r.key, value: r.payload, headers: kcatHeaders(r) }));
        // Other processes on the shared broker may dead-letter the same records under their own group: only ours count.
        const mine = seen.filter((r) => r.headers['dlq-consumer-group'] === group);
        return invalidKafka.every((i) => mine.some((r) => r.key === i.key)) ? mine : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: `${invalidKafka.length} dead letters from group ${group}` },
    ).catch(async (e: Error) => {
      const lines = seen.map((r) => `${r.key} ${r.headers['dlq-consumer-group']} ${r.headers['dlq-reason']}`).join('\n');
      throw new Error(`${e.message}\nDLQ records seen:\n${lines}\n${await diagnostics()}`);
    });
    for (const invalid of invalidKafka) {
      const dead = found.filter((r) => r.key === invalid.key);
      expect({ key: invalid.key, copies: dead.length }).toEqual({ key: invalid.key, copies: 1 });
      const d = dead[0]!;
      expect({ key: invalid.key, reason: d.headers['dlq-reason'] }).toEqual({ key: invalid.key, reason: expect.stringMatching(invalid.reason) });
      expect(d.headers['dlq-source-topic']).toBe(TOPICS.submissions);
      expect(d.value).not.toBeNull();
    }
    // The original bytes are kept, even when they are not JSON.
    expect(found.find((r) => r.key === invalidKafka[2]!.key)?.value).toBe(MALFORMED_BYTES);
    const schemaInvalid = found.find((r) => r.key === invalidKafka[1]!.key)!;
    expect(JSON.parse(schemaInvalid.headers['dlq-errors'] ?? '[]').map((e: { path: string }) => e.path)).toContain('data.candidate.email');
    // None of them was stored, and the redelivered Kafka records did not make second rows.
    const { rows } = await db.query('SELECT external_id FROM sourcing.submissions WHERE external_id = ANY($1::text[])', [invalidKafka.map((i) => i.externalId)]);
    expect(rows).toEqual([]);
  });

  it('judges offers against the rate card floor and moves the submission to offer-refused / offer-approved', async () => {
    requireSubmitted();
    const card = selectRateCard(RATE_CARDS, TODAY);
    const eligible = (req: Requisition) => originals.filter((p) => p.requisition === req && p.expectedStatus === 'scored' && !duplicates.some((d) => d.duplicateOf === p));
    const [ai1, ai2] = eligible(aiReq);
    const [sw1, sw2] = eligible(softwareReq);
    const floorOf = (req: Requisition) => findBand(card, req.role, req.locationTier)!.base.min;
    const currencyOf = (req: Requisition) => findBand(card, req.role, req.locationTier)!.currency;
    const cases = [
      { p: ai1!, amount: floorOf(aiReq) - 1, decision: 'refused', gap: 1, status: 'offer-refused' },
      { p: ai2!, amount: floorOf(aiReq), decision: 'approved', gap: 0, status: 'offer-approved' },
      { p: sw1!, amount: floorOf(softwareReq) - 20_000, decision: 'refused', gap: 20_000, status: 'offer-refused' },
      { p: sw2!, amount: floorOf(softwareReq) + 30_000, decision: 'approved', gap: 0, status: 'offer-approved' },
    ];
    const offerIds: string[] = [];
    for (const c of cases) {
      const req = c.p.requisition;
      // The offer service learns the candidate from the scored topic: 404 until it has, then 201.
      const answer = await waitFor(
        async () => {
          const a = await offerOps.post('/v1/offers', { candidateId: c.p.candidateId, base: { amount: c.amount, currency: currencyOf(req) }, proposedOn: TODAY, proposedBy: 'e2e-hiring-manager@example.com' });
          if (a.status === 404) return undefined;
          return a;
        },
        { timeoutMs: 30_000, intervalMs: 250, description: `offer service knows candidate ${c.p.candidateId}` },
      );
      const body = expectStatus(answer, 201, `offer for ${c.p.candidateId}`);
      expect({ decision: body.decision, floor: body.floor, gap: body.gap, card: body.rateCardVersion }).toEqual({
        decision: c.decision,
        floor: { amount: floorOf(req), currency: currencyOf(req) },
        gap: c.gap,
        card: card.version,
      });
      if (c.decision === 'refused') expect(body.reasons.map((r: { code: string }) => r.code)).toContain('BELOW_FLOOR');
      offerIds.push(body.offerId);
    }

    // A rejected candidate is refused as not eligible, and its submission stays rejected.
    const rejected = originals.find((p) => p.expectedStatus === 'rejected' && p.requisition === aiReq)!;
    const notEligible = expectStatus(
      await offerOps.post('/v1/offers', { candidateId: rejected.candidateId, base: { amount: floorOf(aiReq) + 10_000, currency: 'GBP' }, proposedOn: TODAY, proposedBy: 'e2e-hiring-manager@example.com' }),
      201,
      'offer to a rejected candidate',
    );
    expect({ decision: notEligible.decision, first: notEligible.reasons[0]?.code }).toEqual({ decision: 'refused', first: 'CANDIDATE_NOT_ELIGIBLE' });
    offerIds.push(notEligible.offerId);

    const decided = await offerDecidedProbe
      .waitFor((r) => offerIds.includes((r.json as { data?: { offerId?: string } } | null)?.data?.offerId ?? ''), offerIds.length, 30_000, 'offer-decided records of this run')
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\n${await diagnostics()}`);
      });
    for (const [i, c] of cases.entries()) {
      const record = decided.find((r) => (r.json as { data: { offerId: string } }).data.offerId === offerIds[i]);
      expect({ key: record?.key, decision: (record?.json as { data: { decision: string } }).data.decision }).toEqual({ key: c.p.candidateId, decision: c.decision });
    }

    const statusOf = async (id: string) => (await db.query<{ status: string }>('SELECT status FROM sourcing.submission_states WHERE submission_id = $1', [id])).rows[0]?.status;
    await waitFor(
      async () => {
        for (const c of cases) if ((await statusOf(c.p.submissionId as string)) !== c.status) return false;
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'submissions at offer-refused / offer-approved' },
    ).catch(async (e: Error) => {
      const now = await Promise.all(cases.map(async (c) => `${c.p.submissionId}: ${await statusOf(c.p.submissionId as string)} (want ${c.status})`));
      throw new Error(`${e.message}\n${now.join('\n')}`);
    });
    for (const c of cases) {
      const view = expectStatus(await client(c.p.agency).get(c.p.submissionId as string), 200, 'GET submission after offer');
      expect(view.status).toBe(c.status);
      c.p.expectedStatus = c.status as Planned['expectedStatus'];
    }
    expect(await statusOf(rejected.submissionId as string)).toBe('rejected');
  });

  it("this run's records on the scored topic (read with kcat) are contract-valid, keyed by subject, and free of personal data", async () => {
    requireSubmitted();
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(ASYNCAPI_SCHEMAS[EVENT_TYPES.candidateScored]);
    // The broker is shared with the integration tier, whose suites write records of
    // their own (the CLI's tail test writes a non-JSON one on purpose): judge ours.
    const ourCandidates = new Set(originals.map((p) => p.candidateId as string));
    const records = (await readTopicWithKcat(TOPICS.candidateScored)).filter((r) => r.key !== null && ourCandidates.has(r.key));
    expect(records.length).toBeGreaterThanOrEqual(PERSONS);

    const escaped = [...pii].filter((s) => s.length >= 6).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const leak = new RegExp(escaped.join('|'), 'i');
    const forbiddenKeys = new Set(['name', 'email', 'phone']);
    const keysIn = (value: unknown, path: string, out: string[]): string[] => {
      if (Array.isArray(value)) value.forEach((v, i) => keysIn(v, `${path}[${i}]`, out));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) {
          if (forbiddenKeys.has(k.toLowerCase())) out.push(`${path}.${k}`);
          keysIn(v, `${path}.${k}`, out);
        }
      return out;
    };

    const problems: string[] = [];
    for (const r of records) {
      const where = `${r.partition}/${r.offset} key ${r.key}`;
      if (r.payload === null) continue; // tombstone
      let event: { subject?: string } | undefined;
      try {
        event = JSON.parse(r.payload) as { subject?: string };
      } catch {
        problems.push(`${where}: not JSON`);
        continue;
      }
      if (!validate(event)) problems.push(`${where}: schema: ${ajv.errorsText(validate.errors)}`);
      if (event.subject !== r.key) problems.push(`${where}: subject ${event.subject} is not the key`);
      const match = leak.exec(r.payload);
      if (match) problems.push(`${where}: contains personal data of this run (${match[0]})`);
      const keys = keysIn(event, '$', []);
      if (keys.length > 0) problems.push(`${where}: personal-data keys ${keys.join(', ')}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('erases a candidate in every service: tombstone on the scored topic, screening and score rows gone, identity blanked', async () => {
    requireSubmitted();
    const person = duplicates.find((d) => d.duplicateOf && d.duplicateOf.expectedStatus === 'scored')!.duplicateOf as Planned;
    const candidateId = person.candidateId as string;
    const answer = expectStatus(await ops.post(`/v1/ops/candidates/${candidateId}/erasure`, { requestedBy: 'e2e-privacy-desk' }), 200, 'erasure');
    expect({ candidateId: answer.candidateId, erasedNow: answer.erasedNow }).toEqual({ candidateId, erasedNow: true });

    await scoredProbe.waitFor((r) => r.key === candidateId && r.value === null, 1, 30_000, `tombstone for ${candidateId}`).catch(async (e: Error) => {
      throw new Error(`${e.message}\n${await diagnostics()}`);
    });
    const remaining = async () => {
      const counts: Record<string, number> = {};
      for (const table of ['scoring.scores', 'screening.screenings', 'screening.candidate_profiles'])
        counts[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE candidate_id = $1`, [candidateId])).rows[0].n;
      return counts;
    };
    await waitFor(async () => Object.values(await remaining()).every((n) => n === 0), { timeoutMs: 30_000, intervalMs: 250, description: `rows of ${candidateId} deleted` }).catch(
      async (e: Error) => {
        throw new Error(`${e.message}\n${JSON.stringify(await remaining())}`);
      },
    );
    // The owner's and the duplicate's submissions no longer hold the sealed identity (and the key that opened it is gone).
    const { rows } = await db.query('SELECT id FROM sourcing.submissions WHERE sealed_for = $1 AND personal_data IS NOT NULL', [candidateId]);
    expect(rows).toEqual([]);
  });

  it('stops every service cleanly on SIGTERM (exit code 0)', async () => {
    const exits = await pipeline!.stop('SIGTERM');
    expect(exits).toEqual({
      sourcing: { code: 0, signal: null },
      screening: { code: 0, signal: null },
      scoring: { code: 0, signal: null },
      offer: { code: 0, signal: null },
    });
  });
});
