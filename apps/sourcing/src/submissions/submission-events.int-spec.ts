// The Kafka ingestion path end to end through a real sourcing process: a
// signed submission becomes a candidate and a candidate-sourced event on the
// real topic (through the outbox); a forged one is dead-lettered with its
// reason, and nothing is stored for it.
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { buildEvent, canonicalJson, deadLetterTopic, EVENT_TYPES, toKafkaRecord, TOPICS, type SubmissionEvent } from '@hiring/contracts';
import { KafkaTestKit, testDatabaseUrl, uniqueName, type ServiceProcess, waitFor, waitForGroupCaughtUp } from '@hiring/testing';
import { IdentifierIndex } from '../personal-data/identifier-index';
import { SourcingConfig } from '../sourcing.config';
import { startSourcingProcess } from '../test/sourcing-process';
import { AI_LEAD_SIGNALS, minimalProfile, uniqueEmail } from '../test/submission.fixtures';

const OPS_TOKEN = 'sourcing-kafka-int-spec-token';

describe('sourcing: submissions over Kafka (real process, broker and database)', () => {
  let service: ServiceProcess;
  const kit = new KafkaTestKit();
  let db: Client;
  let agency: { id: string; signingSecret: string };
  let requisitionId: string;
  const group = uniqueName('sourcing-kafka-it');

  const ops = (path: string, body?: unknown) =>
    fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  function signedSubmission(externalId: string, secret = agency.signingSecret, agencyId = agency.id, email = uniqueEmail()) {
    const data = {
      agencyId,
      externalId,
      requisitionId,
      candidate: { name: 'Kafka Candidate', email },
      profile: minimalProfile(),
    } as unknown as SubmissionEvent;
    return buildEvent(EVENT_TYPES.submission, { source: 'agency/test', data, signingSecret: secret });
  }

  async function submissionRow(externalId: string) {
    const { rows } = await db.query<{ status: string; candidate_id: string | null }>(
      'SELECT st.status, s.candidate_id FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id WHERE s.agency_id = $1 AND s.external_id = $2',
      [agency.id, externalId],
    );
    return rows[0];
  }

  beforeAll(async () => {
    await kit.connect();
    // The group exists, at the end of the topics it reads, before the service joins it: no race, no replay.
    service = await startSourcingProcess(kit, group, OPS_TOKEN);
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();

    const created = (await (await ops('/v1/agencies', { name: uniqueName('Kafka Agency') })).json()) as { agency: { id: string }; signingSecret: string };
    agency = { id: created.agency.id, signingSecret: created.signingSecret };
    const requisition = (await (await ops('/v1/requisitions', { title: 'Lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS })).json()) as { id: string };
    requisitionId = requisition.id;
  });

  afterAll(async () => {
    await kit.close();
    await db?.end();
    if (service?.running) await service.stop();
  });

  it('stores a signed submission and publishes candidate-sourced through the outbox', async () => {
    const sourced = await kit.probe(TOPICS.candidateSourced);
    const externalId = uniqueName('kafka-sub');
    await kit.produce(TOPICS.submissions, toKafkaRecord(signedSubmission(externalId)));

    const row = await waitFor(() => submissionRow(externalId), { timeoutMs: 20_000, description: 'submission stored' });
    expect(row.status).toBe('sourced');
    const [record] = await sourced.waitFor((r) => r.key === row.candidate_id, 1, 20_000, 'candidate-sourced for the submission');
    await sourced.stop();
    const event = record.json as { type: string; subject: string; data: Record<string, unknown> };
    expect(event.type).toBe(EVENT_TYPES.candidateSourced);
    expect(event.subject).toBe(row.candidate_id);
    expect(event.data['agencyId']).toBe(agency.id);
    expect(JSON.stringify(event.data)).not.toContain('Kafka Candidate');
  });

  it('a redelivered submission is not stored twice', async () => {
    const event = signedSubmission(uniqueName('kafka-dup'));
    const externalId = event.data.externalId;
    await kit.produce(TOPICS.submissions, toKafkaRecord(event), toKafkaRecord(event));
    await waitFor(() => submissionRow(externalId), { timeoutMs: 20_000, description: 'submission stored' });
    // Both copies consumed and committed before counting.
    await waitForGroupCaughtUp(kit.kafka, group, TOPICS.submissions);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE agency_id = $1 AND external_id = $2', [agency.id, externalId]);
    expect(rows[0].n).toBe(1);
  });

  it('stores the same idempotency hash as the HTTP path computes for the same body', async () => {
    const event = signedSubmission(uniqueName('kafka-hash'));
    const { externalId, requisitionId: requisition, candidate, profile } = event.data;
    await kit.produce(TOPICS.submissions, toKafkaRecord(event));
    await waitFor(() => submissionRow(externalId), { timeoutMs: 20_000, description: 'submission stored' });
    const { rows } = await db.query<{ request_hash: string }>('SELECT request_hash FROM sourcing.submissions WHERE agency_id = $1 AND external_id = $2', [agency.id, externalId]);
    // The keyed form (k1: HMAC with the index key, the laptop default here), as the HTTP path stores it.
    const expected = new IdentifierIndex(new SourcingConfig().PERSONAL_DATA_INDEX_KEY).requestHashes(canonicalJson({ externalId, requisitionId: requisition, candidate, profile }), () => '').keyed;
    expect(rows[0]?.request_hash).toBe(expected);
  });

  it('a submission stored with the older unkeyed hash replays when it comes again (the hash written from the event as sent), not a conflict', async () => {
    const event = signedSubmission(uniqueName('kafka-legacy'));
    const { externalId, requisitionId: requisition, candidate, profile } = event.data;
    await kit.produce(TOPICS.submissions, toKafkaRecord(event));
    await waitFor(() => submissionRow(externalId), { timeoutMs: 20_000, description: 'submission stored' });
    // As a row stored before keyed hashes: the unkeyed SHA-256 of the canonical body.
    const unkeyed = createHash('sha256').update(canonicalJson({ externalId, requisitionId: requisition, candidate, profile }), 'utf8').digest('hex');
    await db.query('UPDATE sourcing.submissions SET request_hash = $3 WHERE agency_id = $1 AND external_id = $2', [agency.id, externalId, unkeyed]);

    const dlq = await kit.probe(deadLetterTopic(TOPICS.submissions));
    // The same submission in a new event (a new id: not an inbox duplicate), then a forged one under the same key:
    // same partition, so its dead letter comes after any the replay would have caused.
    const again = buildEvent(EVENT_TYPES.submission, { source: 'agency/test', data: event.data, signingSecret: agency.signingSecret });
    const forged = signedSubmission(externalId, 'not-the-agency-secret');
    await kit.produce(TOPICS.submissions, toKafkaRecord(again), toKafkaRecord(forged));
    await dlq.waitFor((r) => (r.json as { id?: string } | null)?.id === forged.id, 1, 30_000, 'dead letter of the forged submission');
    await dlq.stop();
    expect(dlq.records.filter((r) => (r.json as { id?: string } | null)?.id === again.id)).toEqual([]);
    const { rows } = await db.query<{ n: number; hash: string }>('SELECT count(*)::int AS n, min(request_hash) AS hash FROM sourcing.submissions WHERE agency_id = $1 AND external_id = $2', [agency.id, externalId]);
    expect(rows[0]).toEqual({ n: 1, hash: unkeyed });
  });

  it('dead-letters a submission signed with the wrong secret, and stores nothing', async () => {
    const dlq = await kit.probe(deadLetterTopic(TOPICS.submissions));
    const forged = signedSubmission(uniqueName('forged'), 'not-the-agency-secret');
    await kit.produce(TOPICS.submissions, toKafkaRecord(forged));
    const [dead] = await dlq.waitFor((r) => (r.json as { id?: string } | null)?.id === forged.id, 1, 30_000, 'dead letter of the forged submission');
    await dlq.stop();
    expect(dead.headers['dlq-reason']).toMatch(/^UNAUTHENTICATED_SUBMISSION/);
    expect(await submissionRow(forged.data.externalId)).toBeUndefined();
  });

  it('dead-letters a submission with a NUL in a field, naming the field; stores nothing', async () => {
    const dlq = await kit.probe(deadLetterTopic(TOPICS.submissions));
    const externalId = uniqueName('nul');
    const data = { agencyId: agency.id, externalId, requisitionId, candidate: { name: 'Nul\u0000Person', email: uniqueEmail() }, profile: minimalProfile() } as unknown as SubmissionEvent;
    const bad = buildEvent(EVENT_TYPES.submission, { source: 'agency/test', data, signingSecret: agency.signingSecret });
    await kit.produce(TOPICS.submissions, toKafkaRecord(bad));
    const [dead] = await dlq.waitFor((r) => (r.json as { id?: string } | null)?.id === bad.id, 1, 30_000, 'dead letter of the NUL submission');
    await dlq.stop();
    expect(dead.headers['dlq-reason']).toMatch(/^INVALID_SUBMISSION/);
    expect(dead.headers['dlq-errors']).toContain('candidate.name');
    expect(await submissionRow(externalId)).toBeUndefined();
  });

  it('a batch with a forged event among good ones: the good ones are stored once (the same person joins one candidate), only the forged one is dead-lettered', async () => {
    const dlq = await kit.probe(deadLetterTopic(TOPICS.submissions));
    const email = uniqueEmail();
    const good = [signedSubmission(uniqueName('batch-a'), agency.signingSecret, agency.id, email), signedSubmission(uniqueName('batch-b')), signedSubmission(uniqueName('batch-c'), agency.signingSecret, agency.id, email)];
    const forged = signedSubmission(uniqueName('batch-forged'), 'not-the-agency-secret');
    await kit.produce(TOPICS.submissions, toKafkaRecord(good[0]), toKafkaRecord(forged), toKafkaRecord(good[1]), toKafkaRecord(good[2]));

    const [dead] = await dlq.waitFor((r) => (r.json as { id?: string } | null)?.id === forged.id, 1, 30_000, 'dead letter of the forged submission');
    expect(dead.headers['dlq-reason']).toMatch(/^UNAUTHENTICATED_SUBMISSION/);
    await waitForGroupCaughtUp(kit.kafka, group, TOPICS.submissions);
    // One after another: `db` is a single pg Client, and a query sent while another runs is
    // queued with a deprecation warning by pg 8 (an error in pg 9).
    const rows = [];
    for (const e of good) rows.push(await submissionRow(e.data.externalId));
    expect(rows.map((r) => r?.status)).toEqual(['sourced', 'sourced', 'sourced']);
    expect(rows[2]?.candidate_id).toBe(rows[0]?.candidate_id);
    expect(rows[1]?.candidate_id).not.toBe(rows[0]?.candidate_id);
    expect(await submissionRow(forged.data.externalId)).toBeUndefined();
    const { rows: counts } = await db.query('SELECT count(*)::int AS n FROM sourcing.submissions WHERE agency_id = $1 AND external_id = ANY($2)', [agency.id, good.map((e) => e.data.externalId)]);
    expect(counts[0].n).toBe(3);
    expect(dlq.records.filter((r) => (r.json as { id?: string } | null)?.id !== forged.id)).toEqual([]);
    await dlq.stop();
  });
});
