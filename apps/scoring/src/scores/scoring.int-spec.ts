// The scoring service as a real process against the real broker and database:
// candidate-screened in, score row + candidate-scored (compacted, no PII) out,
// idempotent on redelivery, late older screenings ignored, bad input
// dead-lettered, erasure tombstoned, ops route.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildEvent, deadLetterTopic, EVENT_TYPES, TOPICS, type CandidateScoredEvent, type CloudEvent } from '@hiring/contracts';
import { EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { AI_TECH_LEAD_RUBRIC_2026_03, scoreScreening, screenCandidate, validateCandidateProfile, type ScreeningResult } from '@hiring/domain';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, waitForGroupCaughtUp, type TopicProbe } from '@hiring/testing';

const OPS_TOKEN = 'scoring-int-test-ops-token';
const groupId = uniqueName('scoring_it');
const kit = new KafkaTestKit();
const db = new Client({ connectionString: testDatabaseUrl() });
let service: ServiceProcess;
let scoredProbe: TopicProbe;
let deadLetters: TopicProbe;

function screening(communicationRating = 4): ScreeningResult {
  const profile = { ...structuredClone(EXAMPLE_PROFILE), communicationRating };
  const checked = validateCandidateProfile(JSON.parse(JSON.stringify(profile)));
  if (!checked.ok) throw new Error('example profile invalid');
  return screenCandidate(checked.value, AI_TECH_LEAD_RUBRIC_2026_03);
}

function screenedEvent(candidateId: string, result: ScreeningResult, screenedAt: string) {
  return buildEvent(EVENT_TYPES.candidateScreened, {
    source: '/tests/scoring',
    data: {
      candidateId,
      submissionId: `sub-${candidateId}`,
      agencyId: 'agency-it',
      requisitionId: 'req-it',
      role: 'ai-tech-lead',
      locationTier: 'uk-london',
      decision: result.decision,
      rubric: { id: result.rubricId, version: result.rubricVersion },
      rules: result.rules.map((r) => ({ ruleId: r.ruleId, kind: r.group === 'red-flag' ? 'red-flag' : 'signal', group: r.group, met: r.met, state: r.state, thin: r.thin })),
      counts: {
        technicalShown: result.summary.technicalMet,
        technicalTotal: result.summary.technicalTotal,
        leadershipShown: result.summary.leadershipMet,
        leadershipTotal: result.summary.leadershipTotal,
        redFlagsRaised: result.summary.redFlagsRaised.length,
        contradicted: result.summary.contradicted.length,
        notYetKnown: result.summary.notYetKnown.length,
      },
      interviewKit: result.interviewKit.ruleIds,
      screenedAt,
    },
  });
}

/** The relay deletes what it published: once no row of the candidate is left, everything committed is on the topic. */
async function outboxDrained(candidateId: string): Promise<void> {
  await waitFor(async () => (await rows('SELECT 1 FROM scoring.outbox WHERE key = $1', [candidateId])).length === 0, {
    timeoutMs: 30_000,
    description: `scoring outbox drained for ${candidateId}`,
  });
}

function scored(candidateId: string) {
  return scoredProbe.records.filter((r) => r.key === candidateId);
}

async function produce(topic: string, key: string, event: unknown): Promise<void> {
  await kit.produce(topic, { key, value: JSON.stringify(event) });
}

function scoredEvents(candidateId: string): Array<CloudEvent<CandidateScoredEvent>> {
  return scored(candidateId)
    .filter((r) => r.json !== null)
    .map((r) => r.json as unknown as CloudEvent<CandidateScoredEvent>);
}

async function rows(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return (await db.query(sql, params)).rows as Array<Record<string, unknown>>;
}

async function screenAndWait(candidateId: string, result = screening(), screenedAt = new Date().toISOString()): Promise<CloudEvent<CandidateScoredEvent>> {
  const before = scoredEvents(candidateId).length;
  await produce(TOPICS.candidateScreened, candidateId, screenedEvent(candidateId, result, screenedAt));
  return waitFor(() => scoredEvents(candidateId)[before], { timeoutMs: 30_000, description: `candidate-scored for ${candidateId}` });
}

beforeAll(async () => {
  await db.connect();
  await kit.connect();
  await kit.startGroupAtEnd(groupId, [TOPICS.candidateScreened, TOPICS.candidateErased]);
  scoredProbe = await kit.probe(TOPICS.candidateScored);
  deadLetters = await kit.probe(deadLetterTopic(TOPICS.candidateScreened));
  service = await ServiceProcess.start({
    app: 'scoring',
    env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_CONSUMER_GROUP: groupId, OPS_TOKEN },
  });
  await service.waitUntilReady();
}, 90_000);

afterAll(async () => {
  const exit = await service?.stop('SIGTERM');
  await kit.close();
  await db.end();
  expect(exit).toEqual({ code: 0, signal: null });
});

describe('scoring: candidate-screened -> scores row + candidate-scored (real Kafka, Postgres, process)', () => {
  it("scores with the domain for the event's rubric version and publishes it keyed by candidate id, without PII or free text", async () => {
    const candidateId = `cand-${randomUUID()}`;
    const result = screening();
    const event = await screenAndWait(candidateId, result);
    const expected = scoreScreening(result, AI_TECH_LEAD_RUBRIC_2026_03);

    expect(scored(candidateId)[0].key).toBe(candidateId);
    expect(event.data.score).toBe(expected.score);
    expect(event.data.rubric).toEqual({ id: AI_TECH_LEAD_RUBRIC_2026_03.id, version: AI_TECH_LEAD_RUBRIC_2026_03.version });
    expect(event.data.breakdown.map((g) => [g.group, g.points])).toEqual([
      ['technical', expected.breakdown.technical.points],
      ['leadership', expected.breakdown.leadership.points],
    ]);
    const json = JSON.stringify(event);
    for (const word of ['"name"', '"email"', '"phone"', '"evidence"']) expect(json).not.toContain(word);
    for (const line of result.rules.flatMap((r) => r.evidence)) expect(json).not.toContain(line);

    const [row] = await rows('SELECT * FROM scoring.scores WHERE candidate_id = $1', [candidateId]);
    expect(row).toMatchObject({ score: expected.score, decision: result.decision, rubric_version: result.rubricVersion, agency_id: 'agency-it' });

    const res = await fetch(`${service.url}/v1/scores/${candidateId}`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { score: number; breakdown: { technical: { points: number } } };
    expect(body.score).toBe(expected.score);
    expect(body.breakdown.technical.points).toBe(expected.breakdown.technical.points);
    expect((await fetch(`${service.url}/v1/scores/${candidateId}`)).status).toBe(401);
  });

  it('gives no second row or event when the same event is delivered again, and ignores an older screening arriving late', async () => {
    const candidateId = `cand-${randomUUID()}`;
    const event = screenedEvent(candidateId, screening(), new Date().toISOString());
    await produce(TOPICS.candidateScreened, candidateId, event);
    await waitFor(() => scoredEvents(candidateId).length === 1, { timeoutMs: 30_000, description: 'first candidate-scored' });
    const before = (await rows('SELECT score FROM scoring.scores WHERE candidate_id = $1', [candidateId]))[0].score;

    await produce(TOPICS.candidateScreened, candidateId, event);
    // An older screening with another verdict (hard to follow: rejected, lower score), delivered after the newer one.
    const older = screenedEvent(candidateId, screening(1), new Date(Date.now() - 3_600_000).toISOString());
    await produce(TOPICS.candidateScreened, candidateId, older);
    await waitForGroupCaughtUp(kit.kafka, groupId, TOPICS.candidateScreened);

    expect(await rows('SELECT score FROM scoring.scores WHERE candidate_id = $1', [candidateId])).toEqual([{ score: before }]);
    await outboxDrained(candidateId);
    expect(scoredEvents(candidateId)).toHaveLength(1);
  });

  it('dead-letters an invalid payload and a screening made with an unknown rubric version', async () => {
    const invalid = screenedEvent(`cand-${randomUUID()}`, screening(), new Date().toISOString());
    (invalid.data as unknown as Record<string, unknown>).decision = 'maybe';
    const unknown = screenedEvent(`cand-${randomUUID()}`, screening(), new Date().toISOString());
    unknown.data.rubric.version = '1999-01';
    await produce(TOPICS.candidateScreened, invalid.subject, invalid);
    await produce(TOPICS.candidateScreened, unknown.subject, unknown);

    const dead = (subject: string) => deadLetters.records.find((r) => r.key === subject && r.headers['dlq-consumer-group'] === groupId);
    expect((await waitFor(() => dead(invalid.subject), { timeoutMs: 30_000, description: 'invalid in DLQ' })).headers['dlq-reason']).toMatch(/^INVALID_PAYLOAD: .*decision/);
    expect((await waitFor(() => dead(unknown.subject), { timeoutMs: 30_000, description: 'unknown rubric in DLQ' })).headers['dlq-reason']).toMatch(/UNKNOWN_RUBRIC/);
    expect(await rows('SELECT 1 FROM scoring.scores WHERE candidate_id = ANY($1)', [[invalid.subject, unknown.subject]])).toHaveLength(0);
  });

  it('on erasure deletes the score and publishes a tombstone (null value, key = candidate id) through the outbox, after the score', async () => {
    const candidateId = `cand-${randomUUID()}`;
    await screenAndWait(candidateId);
    const erased = buildEvent(EVENT_TYPES.candidateErased, {
      source: '/tests/scoring',
      data: { candidateId, erasedAt: new Date().toISOString(), requestedBy: 'privacy-desk' },
    });
    await produce(TOPICS.candidateErased, candidateId, erased);
    const tombstone = await waitFor(() => scored(candidateId).find((r) => r.value === null), { timeoutMs: 30_000, description: `tombstone for ${candidateId}` });
    const all = scored(candidateId);
    expect(Number(tombstone.offset)).toBeGreaterThan(Number(all[0].offset));
    expect(await rows('SELECT 1 FROM scoring.scores WHERE candidate_id = $1', [candidateId])).toHaveLength(0);
    await outboxDrained(candidateId);
    expect(scored(candidateId).map((r) => ({ tombstone: r.value === null }))).toEqual([{ tombstone: false }, { tombstone: true }]);
    expect((await fetch(`${service.url}/v1/scores/${candidateId}`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } })).status).toBe(404);
  });

  it('after an erasure, a later screening (a replay from offset 0, a late redelivery) and the erasure again change nothing', async () => {
    const candidateId = `cand-${randomUUID()}`;
    const first = screenedEvent(candidateId, screening(), new Date(Date.now() - 60_000).toISOString());
    await produce(TOPICS.candidateScreened, candidateId, first);
    await waitFor(() => scoredEvents(candidateId)[0], { timeoutMs: 30_000, description: `candidate-scored for ${candidateId}` });
    const erased = buildEvent(EVENT_TYPES.candidateErased, {
      source: '/tests/scoring',
      data: { candidateId, erasedAt: new Date().toISOString(), requestedBy: 'privacy-desk' },
    });
    await produce(TOPICS.candidateErased, candidateId, erased);
    await waitFor(() => scored(candidateId).find((r) => r.value === null), { timeoutMs: 30_000, description: `tombstone for ${candidateId}` });

    // The same screening replayed, a newer one, and the erasure once more (new event ids: what a fresh group or a re-sent erasure brings).
    await produce(TOPICS.candidateScreened, candidateId, { ...first, id: randomUUID() });
    await produce(TOPICS.candidateScreened, candidateId, screenedEvent(candidateId, screening(2), new Date().toISOString()));
    await produce(TOPICS.candidateErased, candidateId, { ...erased, id: randomUUID() });
    // The group committed past them on both topics: all three were handled.
    await waitForGroupCaughtUp(kit.kafka, groupId, TOPICS.candidateScreened);
    await waitForGroupCaughtUp(kit.kafka, groupId, TOPICS.candidateErased);

    expect(await rows('SELECT 1 FROM scoring.scores WHERE candidate_id = $1', [candidateId])).toHaveLength(0);
    await outboxDrained(candidateId);
    expect(scored(candidateId).map((r) => ({ tombstone: r.value === null }))).toEqual([{ tombstone: false }, { tombstone: true }]);
    expect(await rows('SELECT 1 FROM scoring.erased_candidates WHERE candidate_id = $1', [candidateId])).toHaveLength(1);
  });
});
