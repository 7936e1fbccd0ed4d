// The screening service as a real process against the real broker and database:
// candidate-sourced in, screening row + candidate-screened out, idempotent on
// redelivery, bad input dead-lettered, erasure, ops routes and re-screen.
// Sourcing runs too, as the key store: each test candidate is registered there
// with a data key (rows written the way sourcing writes them) so screening can
// seal what it stores. The last test holds the key lookup (a relay in front of
// sourcing) and checks no inbox claim is held meanwhile.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { buildEvent, deadLetterTopic, EVENT_TYPES, TOPICS, type CandidateScreenedEvent, type CloudEvent } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA, EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { screenCandidate, SCREENING_RUBRICS, selectRubric, validateCandidateProfile } from '@hiring/domain';
import { LOCAL_DEV_MASTER_KEYS, MasterKeyRing, newDataKey, openJson, sealJson, SEALED_PATTERN } from '@hiring/platform';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, waitForGroupCaughtUp, type TopicProbe } from '@hiring/testing';

const OPS_TOKEN = 'screening-int-test-ops-token';
const KEY_SERVICE_TOKEN = 'screening-int-test-key-service-token';
const groupId = uniqueName('screening_it');
const kit = new KafkaTestKit();
const db = new Client({ connectionString: testDatabaseUrl() });
let service: ServiceProcess;
let sourcing: ServiceProcess;
let agencyId: string;
// The key other test suites' sourcing runs with too: the key store unwraps every key it holds.
const ring = MasterKeyRing.parse(LOCAL_DEV_MASTER_KEYS);
const dataKeys = new Map<string, Buffer>();
let screenedProbe: TopicProbe;
let deadLetters: TopicProbe;

function sourcedEvent(candidateId: string, overrides: Record<string, unknown> = {}) {
  return buildEvent(EVENT_TYPES.candidateSourced, {
    source: '/tests/screening',
    data: {
      ...EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced],
      // As published before sealing: a plain profile (a sealed one needs sourcing's key store, covered end to end).
      sealedProfile: undefined,
      profile: structuredClone(EXAMPLE_PROFILE),
      candidateId,
      submissionId: `sub-${candidateId}`,
      sourcedAt: new Date().toISOString(),
      ...overrides,
    },
    correlationId: `corr-${candidateId}`,
  });
}

/** A candidate as sourcing knows it: a row and a wrapped data key in the key store. */
async function newCandidate(): Promise<string> {
  const id = randomUUID();
  const key = newDataKey();
  const wrapped = ring.wrap(key, id);
  await db.query(
    `INSERT INTO sourcing.candidates (id, owner_agency_id, first_submission_id, owned_from, owned_until, ownership_rules_version)
     VALUES ($1, $2, $3, now(), now() + interval '1 day', 'screening-it')`,
    [id, agencyId, randomUUID()],
  );
  await db.query('INSERT INTO sourcing.candidate_data_keys (candidate_id, master_key_id, wrapped_key) VALUES ($1, $2, $3)', [id, wrapped.masterKeyId, wrapped.wrapped]);
  dataKeys.set(id, key);
  return id;
}

function keyOf(candidateId: string): Buffer {
  const key = dataKeys.get(candidateId);
  if (!key) throw new Error(`no test key for ${candidateId}`);
  return key;
}

function expectedScreening() {
  const checked = validateCandidateProfile(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
  if (!checked.ok) throw new Error('example profile invalid');
  return screenCandidate(checked.value, selectRubric(SCREENING_RUBRICS, 'ai-tech-lead', new Date().toISOString().slice(0, 10)));
}

function screenedEvents(candidateId: string): Array<CloudEvent<CandidateScreenedEvent>> {
  return screenedProbe.records.filter((r) => r.key === candidateId).map((r) => r.json as unknown as CloudEvent<CandidateScreenedEvent>);
}

async function produce(topic: string, key: string, event: unknown): Promise<void> {
  await kit.produce(topic, { key, value: JSON.stringify(event) });
}

async function rows(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return (await db.query(sql, params)).rows as Array<Record<string, unknown>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;

async function ops(method: 'GET' | 'POST', path: string, body?: unknown, token = OPS_TOKEN): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function sourceAndWait(candidateId: string): Promise<CloudEvent<CandidateScreenedEvent>> {
  const event = sourcedEvent(candidateId);
  await produce(TOPICS.candidateSourced, candidateId, event);
  const [first] = await waitFor(() => (screenedEvents(candidateId).length > 0 ? screenedEvents(candidateId) : undefined), {
    timeoutMs: 30_000,
    description: `candidate-screened for ${candidateId}`,
  });
  return first;
}

beforeAll(async () => {
  await db.connect();
  await kit.connect();
  await kit.startGroupAtEnd(groupId, [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback]);
  screenedProbe = await kit.probe(TOPICS.candidateScreened);
  deadLetters = await kit.probe(deadLetterTopic(TOPICS.candidateSourced));
  sourcing = await ServiceProcess.start({
    app: 'sourcing',
    env: {
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('screening_it_sourcing'),
      KAFKA_CONSUMER_FROM_BEGINNING: 'false',
      OPS_TOKEN,
      KEY_SERVICE_TOKEN,
      PERSONAL_DATA_MASTER_KEYS: LOCAL_DEV_MASTER_KEYS,
    },
  });
  await sourcing.waitUntilReady();
  const agency = await fetch(`${sourcing.url}/v1/agencies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: uniqueName('screening-it') }),
  });
  agencyId = ((await agency.json()) as { agency: { id: string } }).agency.id;
  service = await ServiceProcess.start({
    app: 'screening',
    env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_CONSUMER_GROUP: groupId, OPS_TOKEN, KEY_SERVICE_TOKEN, SOURCING_URL: sourcing.url },
  });
  await service.waitUntilReady();
}, 120_000);

afterAll(async () => {
  await sourcing?.stop('SIGTERM');
  const exit = await service?.stop('SIGTERM');
  await kit.close();
  await db.end();
  expect(exit).toEqual({ code: 0, signal: null });
});

describe('screening: candidate-sourced -> screenings row + candidate-screened (real Kafka, Postgres, process)', () => {
  it('screens with the rubric in force, stores the profile and the per-rule evidence (sealed), and emits candidate-screened', async () => {
    const candidateId = await newCandidate();
    const screened = await sourceAndWait(candidateId);
    const expected = expectedScreening();

    expect(screened.type).toBe(EVENT_TYPES.candidateScreened);
    expect(screened.subject).toBe(candidateId);
    expect(screened.correlationid).toBe(`corr-${candidateId}`);
    expect(screened.data.decision).toBe(expected.decision);
    expect(screened.data.rubric).toEqual({ id: expected.rubricId, version: expected.rubricVersion });
    expect(screened.data.rules.map((r) => [r.ruleId, r.met, r.state, r.thin])).toEqual(expected.rules.map((r) => [r.ruleId, r.met, r.state, r.thin]));
    expect(screened.data.interviewKit).toEqual(expected.interviewKit.ruleIds);
    expect(JSON.stringify(screened.data)).not.toContain('evidence');

    const [row] = await rows('SELECT * FROM screening.screenings WHERE candidate_id = $1', [candidateId]);
    expect(row).toMatchObject({
      submission_id: `sub-${candidateId}`,
      agency_id: EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced].agencyId,
      requisition_id: EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced].requisitionId,
      role: 'ai-tech-lead',
      location_tier: 'uk-london',
      rubric_id: expected.rubricId,
      rubric_version: expected.rubricVersion,
      decision: expected.decision,
    });
    // Evidence quotes and probe questions rest sealed with the candidate's key; verdicts and rule ids stay readable.
    expect((row.rules as Array<{ evidence: string[] }>).every((r) => r.evidence.length === 0)).toBe(true);
    expect(row.interview_kit).toEqual({ ruleIds: expected.interviewKit.ruleIds, probes: [] });
    expect(row.sealed_detail).toMatch(SEALED_PATTERN);
    const rowText = JSON.stringify(row);
    for (const quote of expected.rules.flatMap((r) => r.evidence).filter((e) => e.length > 12)) expect(rowText).not.toContain(quote);
    for (const probe of expected.interviewKit.probes) expect(rowText).not.toContain(probe.ask);
    const [profile] = await rows('SELECT profile, sealed_profile FROM screening.candidate_profiles WHERE candidate_id = $1', [candidateId]);
    expect(profile.profile).toBeNull();
    expect(String(profile.sealed_profile)).not.toContain(EXAMPLE_PROFILE.achievements[0]);
    expect(openJson(keyOf(candidateId), String(profile.sealed_profile), `${candidateId}:profile`)).toEqual(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
  });

  it('stores a sealed profile exactly as the event carried it (no second seal), readable with the candidate\'s key', async () => {
    const candidateId = await newCandidate();
    const sealedProfile = sealJson(keyOf(candidateId), EXAMPLE_PROFILE, `${candidateId}:profile`);
    await produce(TOPICS.candidateSourced, candidateId, sourcedEvent(candidateId, { profile: undefined, sealedProfile }));
    await waitFor(() => (screenedEvents(candidateId).length > 0 ? true : undefined), { timeoutMs: 30_000, description: `candidate-screened for ${candidateId}` });
    const [stored] = await rows('SELECT sealed_profile FROM screening.candidate_profiles WHERE candidate_id = $1', [candidateId]);
    // Sealing again would draw a new IV: the text would differ even for the same profile.
    expect(stored.sealed_profile).toBe(sealedProfile);
    expect(openJson(keyOf(candidateId), String(stored.sealed_profile), `${candidateId}:profile`)).toEqual(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
  });

  it('gives no second row or event when the same event is delivered again', async () => {
    const candidateId = await newCandidate();
    const event = sourcedEvent(candidateId);
    await produce(TOPICS.candidateSourced, candidateId, event);
    await waitFor(() => screenedEvents(candidateId).length > 0, { timeoutMs: 30_000, description: `first candidate-screened for ${candidateId}` });

    await produce(TOPICS.candidateSourced, candidateId, event);
    await waitForGroupCaughtUp(kit.kafka, groupId, TOPICS.candidateSourced);

    expect(await rows('SELECT 1 FROM screening.screenings WHERE candidate_id = $1', [candidateId])).toHaveLength(1);
    // The relay deletes what it published: a drained outbox and one event on the topic.
    await waitFor(async () => (await rows('SELECT 1 FROM screening.outbox WHERE key = $1', [candidateId])).length === 0, {
      description: 'outbox drained',
    });
    expect(screenedEvents(candidateId)).toHaveLength(1);
  });

  it('dead-letters a payload the contract refuses and one whose role contradicts its profile', async () => {
    const invalidId = randomUUID();
    const invalid = { ...sourcedEvent(await newCandidate()), id: invalidId };
    (invalid.data.profile as unknown as Record<string, unknown>).communicationRating = 9;
    const contradictory = sourcedEvent(await newCandidate(), { role: 'tech-lead' });
    const unknown = sourcedEvent(randomUUID());
    await produce(TOPICS.candidateSourced, invalid.subject, invalid);
    await produce(TOPICS.candidateSourced, contradictory.subject, contradictory);
    await produce(TOPICS.candidateSourced, unknown.subject, unknown);

    const dead = (subject: string) => deadLetters.records.find((r) => r.key === subject && r.headers['dlq-consumer-group'] === groupId);
    const first = await waitFor(() => dead(invalid.subject), { timeoutMs: 30_000, description: 'invalid payload in the DLQ' });
    expect(first.headers['dlq-reason']).toMatch(/^INVALID_PAYLOAD: .*communicationRating/);
    expect(first.json?.['id']).toBe(invalidId);
    const second = await waitFor(() => dead(contradictory.subject), { timeoutMs: 30_000, description: 'contradictory event in the DLQ' });
    expect(second.headers['dlq-reason']).toMatch(/INCONSISTENT_EVENT: .*data\.role/);
    // Sourcing has no key and no erasure for it: nothing could seal what screening would store.
    const third = await waitFor(() => dead(unknown.subject), { timeoutMs: 30_000, description: 'event of an unknown candidate in the DLQ' });
    expect(third.headers['dlq-reason']).toMatch(/no data key/);
    expect(await rows('SELECT 1 FROM screening.screenings WHERE candidate_id = ANY($1)', [[invalid.subject, contradictory.subject]])).toHaveLength(0);
  });

  it('answers the ops routes: 401 without the token, latest + history with evidence opened, "erased" once the key is destroyed, 404 for an unknown candidate', async () => {
    const candidateId = await newCandidate();
    await sourceAndWait(candidateId);
    expect((await ops('GET', `/v1/screenings/${candidateId}`, undefined, 'wrong-token-wrong-token')).status).toBe(401);
    const res = await ops('GET', `/v1/screenings/${candidateId}`);
    expect(res.status).toBe(200);
    expect(res.body.candidateId).toBe(candidateId);
    expect(res.body.latest.decision).toBe(expectedScreening().decision);
    expect(res.body.history).toHaveLength(1);
    expect(res.body.latest.rules.map((r: { evidence: string[] }) => r.evidence)).toEqual(expectedScreening().rules.map((r) => r.evidence));
    expect(res.body.latest.rules[0].state).toBe(expectedScreening().rules[0].state);
    expect(res.body.latest.interviewKit).toEqual(JSON.parse(JSON.stringify(expectedScreening().interviewKit)));
    expect((await ops('GET', `/v1/screenings/${randomUUID()}`)).status).toBe(404);

    // Erased at sourcing (key destroyed), before candidate-erased reaches screening: the words read "erased".
    await db.query('DELETE FROM sourcing.candidate_data_keys WHERE candidate_id = $1', [candidateId]);
    await db.query(`INSERT INTO sourcing.erasures (candidate_id, requested_by, erased_at, data_key_destroyed) VALUES ($1, 'screening-it', now(), true)`, [candidateId]);
    const erased = await ops('GET', `/v1/screenings/${candidateId}`);
    expect(erased.status).toBe(200);
    expect(erased.body.latest.rules.every((r: { evidence: string[] }) => r.evidence.length === 1 && r.evidence[0] === 'erased')).toBe(true);
    expect(erased.body.latest.interviewKit.probes).toEqual([]);
  });

  it('re-screens stored candidates: a dry run reports what would change, a real run stores it and emits for the changed only', async () => {
    const candidateId = await newCandidate();
    const steady = await newCandidate();
    await sourceAndWait(candidateId);
    await sourceAndWait(steady);
    // The stored screening input changes (as if a rubric now read it differently): the interviewer rating drops below 3.
    const key = keyOf(candidateId);
    const [stored] = await rows('SELECT sealed_profile FROM screening.candidate_profiles WHERE candidate_id = $1', [candidateId]);
    const changed = { ...openJson<Record<string, unknown>>(key, String(stored.sealed_profile), `${candidateId}:profile`), communicationRating: 1 };
    await db.query('UPDATE screening.candidate_profiles SET sealed_profile = $2 WHERE candidate_id = $1', [candidateId, sealJson(key, changed, `${candidateId}:profile`)]);

    expect((await ops('POST', '/v1/rescreen', { rubricVersion: 'no-such-version' })).status).toBe(422);

    // A row as stored before per-rule states existed: the dry run counts it.
    const legacy = await newCandidate();
    await sourceAndWait(legacy);
    const legacyBefore = (await ops('POST', '/v1/rescreen', { dryRun: true })).body.withoutRuleState as number;
    await db.query(`UPDATE screening.screenings SET rules = (SELECT jsonb_agg(r - 'state' - 'thin') FROM jsonb_array_elements(rules) r) WHERE candidate_id = $1`, [legacy]);

    const dry = await ops('POST', '/v1/rescreen', { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.withoutRuleState).toBe(legacyBefore + 1);
    expect(dry.body.total).toBeGreaterThanOrEqual(2);
    const change = dry.body.changed.find((c: { candidateId: string }) => c.candidateId === candidateId);
    expect(change).toMatchObject({ from: expectedScreening().decision, to: 'reject' });
    expect(change.rules).toContain('flag.hard-to-follow');
    expect(dry.body.changed.find((c: { candidateId: string }) => c.candidateId === steady)).toBeUndefined();
    expect(dry.body.stored).toBe(0);
    expect((await rows('SELECT decision FROM screening.screenings WHERE candidate_id = $1', [candidateId]))[0].decision).toBe(expectedScreening().decision);

    const real = await ops('POST', '/v1/rescreen', { rubricVersion: expectedScreening().rubricVersion });
    expect(real.status).toBe(200);
    expect(real.body.changed.map((c: { candidateId: string }) => c.candidateId)).toContain(candidateId);
    expect((await rows('SELECT decision FROM screening.screenings WHERE candidate_id = $1', [candidateId]))[0].decision).toBe('reject');
    await waitFor(() => screenedEvents(candidateId).length === 2, { timeoutMs: 30_000, description: 're-screen event for the changed candidate' });
    expect(screenedEvents(candidateId)[1].data.decision).toBe('reject');
    await waitFor(async () => (await rows('SELECT 1 FROM screening.outbox', [])).length === 0, {
      timeoutMs: 30_000,
      description: 'outbox drained',
    });
    expect(screenedEvents(steady)).toHaveLength(1);
  });

  it('erases the stored profile and every screening of an erased candidate', async () => {
    const candidateId = await newCandidate();
    await sourceAndWait(candidateId);
    const erased = buildEvent(EVENT_TYPES.candidateErased, {
      source: '/tests/screening',
      data: { candidateId, erasedAt: new Date().toISOString(), requestedBy: 'privacy-desk' },
    });
    await produce(TOPICS.candidateErased, candidateId, erased);
    await waitFor(
      async () =>
        (await rows('SELECT 1 FROM screening.screenings WHERE candidate_id = $1', [candidateId])).length === 0 &&
        (await rows('SELECT 1 FROM screening.candidate_profiles WHERE candidate_id = $1', [candidateId])).length === 0,
      { timeoutMs: 30_000, description: `screening data of ${candidateId} erased` },
    );
    expect((await ops('GET', `/v1/screenings/${candidateId}`)).status).toBe(404);
  });
});

describe('screening fetches data keys before the consumer transaction opens (the prepare of @ConsumeEvents)', () => {
  it("while the key lookup hangs, the event's inbox claim is not held; released, the event is applied", async () => {
    // A relay in front of the real sourcing that holds key lookups until released.
    let released = false;
    const held: Array<() => void> = [];
    const relay = createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('end', () => {
        const forward = () =>
          void fetch(`${sourcing.url}${req.url ?? '/'}`, { method: req.method, headers: { authorization: String(req.headers.authorization), 'content-type': 'application/json' }, body: Buffer.concat(body) })
            .then(async (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()))
            .catch(() => res.writeHead(502).end());
        if (released) forward();
        else held.push(forward);
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const group = uniqueName('screening_it_prepare');
    await kit.startGroupAtEnd(group, [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback]);
    const slow = await ServiceProcess.start({
      app: 'screening',
      env: {
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_CONSUMER_GROUP: group,
        OPS_TOKEN,
        KEY_SERVICE_TOKEN,
        SOURCING_URL: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
      },
    });
    const probe = new Client({ connectionString: testDatabaseUrl() });
    try {
      await slow.waitUntilReady();
      await probe.connect();
      const candidateId = await newCandidate();
      const event = sourcedEvent(candidateId);
      const inboxId = `${event.source} ${event.id}`;
      await produce(TOPICS.candidateSourced, candidateId, event);
      await waitFor(() => held.length > 0 || undefined, { timeoutMs: 30_000, description: 'the key lookup reached the relay and hangs there' });

      // Had the consumer claimed the event in its transaction before the lookup, this insert would wait on that
      // claim's row lock and give up after the lock timeout. It goes through (and is rolled back, leaving the claim to screening).
      await probe.query('BEGIN');
      await probe.query("SET LOCAL lock_timeout = '3s'");
      await probe.query('INSERT INTO screening.inbox (consumer_group, event_id) VALUES ($1, $2)', [group, inboxId]);
      await probe.query('ROLLBACK');

      released = true;
      for (const forward of held.splice(0)) forward();
      await waitFor(async () => (await rows('SELECT 1 FROM screening.inbox WHERE consumer_group = $1 AND event_id = $2', [group, inboxId])).length === 1 || undefined, {
        timeoutMs: 30_000,
        description: 'the event applied by the consumer once the lookup answered',
      });
    } finally {
      released = true;
      for (const forward of held.splice(0)) forward();
      await probe.end().catch(() => undefined);
      await slow.stop('SIGTERM');
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});
