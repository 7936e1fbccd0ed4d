// Interviewer feedback against the real pipeline front: sourcing (the key
// store, as a process) accepts a submission and emits candidate-sourced
// sealed; screening (a process) screens it needs-interview; feedback over the
// ops route and over Kafka re-screens the candidate as a new revision on the
// candidate-screened topic; sourcing's submission status follows; every
// refusal names its reason. Real Kafka and Postgres throughout.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  buildEvent,
  deadLetterTopic,
  EVENT_TYPES,
  interviewNotesContext,
  TOPICS,
  type CandidateScreenedEvent,
  type CloudEvent,
  type InterviewFeedbackEvent,
} from '@hiring/contracts';
import { CALIBRATION_SET, LEADERSHIP_RULE_IDS, TECHNICAL_RULE_IDS } from '@hiring/domain';
import { newDataKey, openJson, sealJson } from '@hiring/platform';
import { KafkaTestKit, ServiceProcess, sourcingKafkaGroups, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, type TopicProbe } from '@hiring/testing';

const OPS_TOKEN = 'feedback-int-test-ops-token';
const KEY_SERVICE_TOKEN = 'feedback-int-test-key-service-token';
const screeningGroup = uniqueName('screening_fb_it');
const sourcingGroup = uniqueName('sourcing_fb_it');
const kit = new KafkaTestKit();
const db = new Client({ connectionString: testDatabaseUrl() });
let sourcing: ServiceProcess;
let screening: ServiceProcess;
let screened: TopicProbe;
let deadLetters: TopicProbe;
let agencyKey: string;
let requisitionId: string;
const interviewerId = uniqueName('int');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;

async function call(service: ServiceProcess, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

function screenedOf(candidateId: string): Array<CloudEvent<CandidateScreenedEvent>> {
  return screened.records.filter((r) => r.key === candidateId).map((r) => r.json as unknown as CloudEvent<CandidateScreenedEvent>);
}

function waitForRevision(candidateId: string, revision: number): Promise<CandidateScreenedEvent> {
  return waitFor(() => screenedOf(candidateId).find((e) => e.data.revision === revision)?.data, {
    timeoutMs: 30_000,
    description: `candidate-screened revision ${revision} of ${candidateId}`,
  });
}

/** A thin agency submission (calibration case ai-thin-agency): screened needs-interview. */
async function sourceThinCandidate(): Promise<{ candidateId: string; submissionId: string }> {
  const thin = CALIBRATION_SET.find((c) => c.id === 'ai-thin-agency');
  if (!thin) throw new Error('calibration case ai-thin-agency is gone');
  const body = {
    externalId: uniqueName('ext'),
    requisitionId,
    candidate: { name: 'Feedback Candidate', email: `${uniqueName('fb')}@example.com` },
    profile: thin.profile,
  };
  const accepted = await call(sourcing, 'POST', '/v1/submissions', body, { 'x-api-key': agencyKey });
  expect(accepted.status).toBe(202);
  const candidateId = accepted.body.candidateId as string;
  const first = await waitForRevision(candidateId, 0);
  expect(first.decision).toBe('needs-interview');
  return { candidateId, submissionId: first.submissionId };
}

async function dataKey(candidateId: string): Promise<Buffer> {
  const found = await call(sourcing, 'POST', '/v1/ops/candidate-keys/lookup', { candidateIds: [candidateId] }, { authorization: `Bearer ${KEY_SERVICE_TOKEN}` });
  return Buffer.from(found.body.keys[0].dataKey, 'base64');
}

async function submissionStatus(submissionId: string): Promise<string> {
  return ((await db.query('SELECT status FROM sourcing.submission_states WHERE submission_id = $1', [submissionId])).rows[0] as { status: string }).status;
}

const allConfirmed = () => [...TECHNICAL_RULE_IDS, ...LEADERSHIP_RULE_IDS].map((ruleId) => ({ ruleId, outcome: 'confirmed' as const }));

function feedbackEvent(data: Partial<InterviewFeedbackEvent> & { candidateId: string }) {
  const full: InterviewFeedbackEvent = {
    feedbackId: uniqueName('fb'),
    interviewerId,
    interviewedAt: new Date().toISOString(),
    communicationRating: 4,
    answers: [{ ruleId: 'lead.unblocking', outcome: 'confirmed' }],
    ...data,
  };
  return buildEvent(EVENT_TYPES.interviewFeedback, { source: '/tests/interview-kit', data: full });
}

async function produceFeedback(event: ReturnType<typeof feedbackEvent>): Promise<void> {
  await kit.produce(TOPICS.interviewFeedback, { key: event.data.candidateId, value: JSON.stringify(event) });
}

function deadLetterOf(feedbackId: string) {
  return waitFor(
    () =>
      deadLetters.records.find(
        (r) => r.headers['dlq-consumer-group'] === screeningGroup && (r.json as { data?: { feedbackId?: string } } | undefined)?.data?.feedbackId === feedbackId,
      ),
    { timeoutMs: 30_000, description: `dead letter of feedback ${feedbackId}` },
  );
}

beforeAll(async () => {
  await db.connect();
  await kit.connect();
  await kit.startGroupAtEnd(sourcingGroup, [TOPICS.submissions]);
  // Sourcing's status write-back: one consumer group per status topic.
  for (const g of sourcingKafkaGroups(sourcingGroup).slice(1)) await kit.startGroupAtEnd(g.group, g.topics);
  await kit.startGroupAtEnd(screeningGroup, [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback]);
  screened = await kit.probe(TOPICS.candidateScreened);
  deadLetters = await kit.probe(deadLetterTopic(TOPICS.interviewFeedback));
  const common = { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), OPS_TOKEN, KEY_SERVICE_TOKEN };
  sourcing = await ServiceProcess.start({ app: 'sourcing', env: { ...common, KAFKA_CONSUMER_GROUP: sourcingGroup } });
  await sourcing.waitUntilReady();
  screening = await ServiceProcess.start({ app: 'screening', env: { ...common, KAFKA_CONSUMER_GROUP: screeningGroup, SOURCING_URL: sourcing.url } });
  await screening.waitUntilReady();

  agencyKey = (await call(sourcing, 'POST', '/v1/agencies', { name: uniqueName('agency') })).body.apiKey.key;
  const signals = { mlTeamSize: 4, mlArchitectureOwned: false, buildsProprietaryModels: true, mlInProduction: true, mlTechDebtGrowing: true, productMlMisaligned: false, aiFirstProduct: true, partTimeMlLeadership: false };
  requisitionId = (await call(sourcing, 'POST', '/v1/requisitions', { title: 'AI lead', locationTier: 'uk-london', signals })).body.id;
  const registered = await call(screening, 'POST', '/v1/interviewers', { interviewerId, displayName: 'Priya R.' });
  expect(registered).toMatchObject({ status: 200, body: { interviewerId, displayName: 'Priya R.', active: true } });
}, 120_000);

afterAll(async () => {
  const exits = [await screening?.stop('SIGTERM'), await sourcing?.stop('SIGTERM')];
  await kit.close();
  await db.end();
  expect(exits).toEqual([
    { code: 0, signal: null },
    { code: 0, signal: null },
  ]);
});

describe('interview feedback: needs-interview -> new screening revision (real Kafka, Postgres, sourcing and screening processes)', () => {
  it('ops route: every probe confirmed advances the candidate as revision 1; notes are stored sealed with the candidate key; sourcing moves the submission on', async () => {
    const { candidateId, submissionId } = await sourceThinCandidate();
    await waitFor(async () => (await submissionStatus(submissionId)) === 'needs-interview', { timeoutMs: 30_000, description: 'submission needs-interview' });
    const marker = uniqueName('NOTE-MARK');
    const answers = allConfirmed().map((a) => (a.ruleId === 'lead.unblocking' ? { ...a, note: `Unblocked the data team: ${marker}` } : a));
    const feedbackId = uniqueName('fb');
    const body = { feedbackId, candidateId, interviewerId, interviewedAt: '2026-12-02T10:00:00Z', communicationRating: 4, answers };

    const recorded = await call(screening, 'POST', '/v1/interview-feedback', body);
    expect(recorded).toMatchObject({ status: 201, body: { recorded: [feedbackId], duplicates: [], rescreened: 1 } });
    const revised = await waitForRevision(candidateId, 1);
    expect(revised.decision).toBe('advance');
    expect(revised.interviewKit).not.toContain('lead.unblocking');
    expect(JSON.stringify(screenedOf(candidateId))).not.toContain(marker);

    const [row] = (await db.query('SELECT sealed_notes, answers FROM screening.interview_feedback WHERE feedback_id = $1', [feedbackId])).rows as Array<{ sealed_notes: string; answers: unknown }>;
    expect(row?.sealed_notes).toMatch(/^pd1\./);
    expect(JSON.stringify(row)).not.toContain(marker);
    expect(openJson(await dataKey(candidateId), String(row?.sealed_notes), interviewNotesContext(candidateId))).toEqual({ 'lead.unblocking': `Unblocked the data team: ${marker}` });

    const view = await call(screening, 'GET', `/v1/screenings/${candidateId}`);
    expect(view.body.latest).toMatchObject({ decision: 'advance', revision: 1 });
    expect(view.body.history.map((h: Json) => [h.revision, h.decision])).toEqual([
      [1, 'advance'],
      [0, 'needs-interview'],
    ]);
    await waitFor(async () => (await submissionStatus(submissionId)) === 'screened', { timeoutMs: 30_000, description: 'submission moved on from needs-interview' });

    const again = await call(screening, 'POST', '/v1/interview-feedback', body);
    expect(again).toMatchObject({ status: 409, body: { code: 'DUPLICATE_FEEDBACK' } });
  });

  it('Kafka: two technical signals not confirmed rejects as revision 1; the same feedbackId again changes nothing', async () => {
    const { candidateId, submissionId } = await sourceThinCandidate();
    const notes = { 'tech.shipped-production': 'Could not name a production incident.' };
    const event = feedbackEvent({
      candidateId,
      answers: [
        { ruleId: 'tech.shipped-production', outcome: 'not-confirmed' },
        { ruleId: 'tech.architecture-at-scale', outcome: 'not-confirmed' },
      ],
      sealedNotes: sealJson(await dataKey(candidateId), notes, interviewNotesContext(candidateId)),
    });
    await produceFeedback(event);
    const revised = await waitForRevision(candidateId, 1);
    expect(revised.decision).toBe('reject');
    expect(revised.rules.filter((r) => r.kind === 'signal' && r.state === 'contradicted').map((r) => r.ruleId).sort()).toEqual(['tech.architecture-at-scale', 'tech.shipped-production']);
    await waitFor(async () => (await submissionStatus(submissionId)) === 'rejected', { timeoutMs: 30_000, description: 'submission rejected' });

    // Re-produced under a new event id: the inbox does not know it, the feedback id does.
    await produceFeedback(buildEvent(EVENT_TYPES.interviewFeedback, { source: '/tests/interview-kit', data: event.data }));
    const marker = feedbackEvent({ candidateId, answers: [{ ruleId: 'lead.translation', outcome: 'confirmed' }] });
    await produceFeedback(marker);
    const next = await waitForRevision(candidateId, 2);
    expect(next.rules.find((r) => r.ruleId === 'lead.translation')?.state).toBe('shown');
    expect(screenedOf(candidateId).map((e) => e.data.revision)).toEqual([0, 1, 2]);
    const count = (await db.query('SELECT count(*)::int AS n FROM screening.interview_feedback WHERE candidate_id = $1', [candidateId])).rows[0] as { n: number };
    expect(count.n).toBe(2);
  });

  it('refusals are dead-lettered with their reason: unknown interviewer, unknown candidate, rule not in the rubric, notes sealed with another key', async () => {
    const { candidateId } = await sourceThinCandidate();
    const cases = [
      [feedbackEvent({ candidateId, interviewerId: 'int-nobody' }), /^UNKNOWN_INTERVIEWER: .*interviewer int-nobody is not registered/],
      [feedbackEvent({ candidateId: randomUUID() }), /^CANDIDATE_NOT_FOUND: .*candidate .* was never screened here/],
      [feedbackEvent({ candidateId, answers: [{ ruleId: 'tech.kubernetes', outcome: 'confirmed' }] }), /^RULE_NOT_IN_RUBRIC: .*tech.kubernetes is not a rule of the candidate's rubric/],
      [
        feedbackEvent({ candidateId, sealedNotes: sealJson(newDataKey(), { 'lead.unblocking': 'x' }, interviewNotesContext(candidateId)) }),
        /^INVALID_FEEDBACK: .*sealedNotes does not open/,
      ],
    ] as const;
    for (const [event] of cases) await produceFeedback(event);
    for (const [event, reason] of cases) expect((await deadLetterOf(event.data.feedbackId)).headers['dlq-reason']).toMatch(reason);
    expect(screenedOf(candidateId).map((e) => e.data.revision)).toEqual([0]);
  });

  it('a deactivated interviewer is refused on the ops route; an erased candidate is refused everywhere and their feedback is deleted', async () => {
    const { candidateId } = await sourceThinCandidate();
    const leaving = uniqueName('int');
    await call(screening, 'POST', '/v1/interviewers', { interviewerId: leaving, displayName: 'Leaving Soon' });
    expect(await call(screening, 'POST', `/v1/interviewers/${leaving}/deactivation`)).toMatchObject({ status: 200, body: { active: false } });
    const body = (id: string) => ({ feedbackId: uniqueName('fb'), candidateId, interviewerId: id, interviewedAt: '2026-12-02T10:00:00Z', communicationRating: 4, answers: [] });
    expect(await call(screening, 'POST', '/v1/interview-feedback', body(leaving))).toMatchObject({ status: 422, body: { code: 'UNKNOWN_INTERVIEWER' } });
    expect(await call(screening, 'POST', '/v1/interview-feedback', body(interviewerId))).toMatchObject({ status: 201 });

    const erased = await call(sourcing, 'POST', `/v1/ops/candidates/${candidateId}/erasure`, { requestedBy: 'dpo@example.com' });
    expect(erased.status).toBe(200);
    expect(await call(screening, 'POST', '/v1/interview-feedback', body(interviewerId))).toMatchObject({ status: 410, body: { code: 'CANDIDATE_ERASED' } });
    const late = feedbackEvent({ candidateId });
    await produceFeedback(late);
    expect((await deadLetterOf(late.data.feedbackId)).headers['dlq-reason']).toMatch(/^CANDIDATE_ERASED: /);
    await waitFor(async () => ((await db.query('SELECT 1 FROM screening.interview_feedback WHERE candidate_id = $1', [candidateId])).rowCount === 0 ? true : undefined), {
      timeoutMs: 30_000,
      description: 'feedback deleted by the erasure',
    });
  });
});

describe('interview feedback when sourcing (the key store) does not answer', () => {
  it('the ops route answers 503 KEY_STORE_UNAVAILABLE and records nothing', async () => {
    const group = uniqueName('screening_fb_nokeys_it');
    await kit.startGroupAtEnd(group, [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback]);
    const alone = await ServiceProcess.start({
      app: 'screening',
      // Port 1 on loopback: nothing listens there.
      env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), OPS_TOKEN, KAFKA_CONSUMER_GROUP: group, SOURCING_URL: 'http://127.0.0.1:1' },
    });
    try {
      await alone.waitUntilReady();
      const feedbackId = uniqueName('fb');
      const body = { feedbackId, candidateId: randomUUID(), interviewerId, interviewedAt: '2026-12-02T10:00:00Z', communicationRating: 4, answers: [] };
      expect(await call(alone, 'POST', '/v1/interview-feedback', body)).toMatchObject({ status: 503, body: { code: 'KEY_STORE_UNAVAILABLE' } });
      expect((await db.query('SELECT 1 FROM screening.interview_feedback WHERE feedback_id = $1', [feedbackId])).rowCount).toBe(0);
    } finally {
      expect(await alone.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
  });
});
