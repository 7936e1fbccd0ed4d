// The intake topics as a transit buffer, against a real sourcing process,
// broker and database: what agencies produce in clear (the submissions topic)
// and its dead letters are deleted once sourcing has consumed them, on an
// erasure (both topics) and periodically (the submissions topic), but never
// past a record another live reader has not committed.
import { Client } from 'pg';
import { buildEvent, deadLetterTopic, EVENT_TYPES, toKafkaRecord, TOPICS, type SubmissionEvent } from '@hiring/contracts';
import { KafkaTestKit, testDatabaseUrl, uniqueName, waitFor, type ServiceProcess } from '@hiring/testing';
import { startSourcingProcess } from '../test/sourcing-process';
import { AI_LEAD_SIGNALS, minimalProfile, uniqueEmail } from '../test/submission.fixtures';

const OPS_TOKEN = 'sourcing-intake-purge-int-spec-token';
const DLQ = deadLetterTopic(TOPICS.submissions);

/** The parts of the ops answers this suite reads (agency, requisition, erasure). */
interface OpsAnswer {
  id: string;
  agency: { id: string };
  signingSecret: string;
  erasedNow: boolean;
  intakePurged: boolean;
}

describe('sourcing: the intake topics are purged once consumed (real process, broker and database)', () => {
  let service: ServiceProcess;
  const kit = new KafkaTestKit();
  let db: Client;
  let agency: { id: string; signingSecret: string };
  let requisitionId: string;
  const group = uniqueName('sourcing-purge-it');

  const ops = async (path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as OpsAnswer };
  };

  /** A signed submission of one person; the profile carries `phrase` in its free text. */
  function signedSubmission(externalId: string, email: string, phrase: string, requisition = requisitionId) {
    const profile = { ...minimalProfile(), achievements: [`Led ${phrase}`] };
    const data = { agencyId: agency.id, externalId, requisitionId: requisition, candidate: { name: 'Purge Person', email }, profile } as unknown as SubmissionEvent;
    return buildEvent(EVENT_TYPES.submission, { source: 'agency/test', data, signingSecret: agency.signingSecret });
  }

  /** The first offset still stored on `partition` of `topic`. */
  const startOf = async (topic: string, partition: number) => BigInt((await kit.admin.fetchTopicOffsets(topic)).find((o) => o.partition === partition)?.low ?? '0');

  const candidateOf = async (externalId: string) =>
    (await db.query<{ candidate_id: string | null }>('SELECT candidate_id::text FROM sourcing.submissions WHERE agency_id = $1 AND external_id = $2', [agency.id, externalId])).rows[0]
      ?.candidate_id ?? null;

  /** Produces a person's submission and waits until sourcing stored it; returns where it landed and its candidate. */
  async function sourcedOverKafka(tag: string) {
    const externalId = uniqueName(tag);
    const placed = await kit.produce(TOPICS.submissions, toKafkaRecord(signedSubmission(externalId, uniqueEmail(), uniqueName('phrase'))));
    await waitFor(async () => (await candidateOf(externalId)) !== null, { timeoutMs: 30_000, description: `${externalId} sourced` });
    return { ...placed, candidateId: (await candidateOf(externalId)) as string };
  }

  beforeAll(async () => {
    await kit.connect();
    service = await startSourcingProcess(kit, group, OPS_TOKEN, { SUBMISSIONS_PURGE_INTERVAL_MS: '500', ERASURE_PURGE_WAIT_MS: '10000' });
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    const created = (await ops('/v1/agencies', { name: uniqueName('Purge Agency') })).body;
    agency = { id: created.agency.id, signingSecret: created.signingSecret };
    requisitionId = (await ops('/v1/requisitions', { title: 'Lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS })).body.id;
  });

  afterAll(async () => {
    await kit.close();
    await db?.end();
    if (service?.running) await service.stop();
  });

  it('an erasure deletes the person\'s submission and their dead-lettered one from the topics, once sourcing has recorded both', async () => {
    const email = uniqueEmail();
    const phrase = uniqueName('purge-phrase');
    const dlq = await kit.probe(DLQ);
    // The same person twice: once refused (unknown requisition: dead-lettered, told to the agency), once accepted.
    const refused = signedSubmission(uniqueName('refused'), email, phrase, '00000000-0000-4000-8000-000000000000');
    const refusedAt = await kit.produce(TOPICS.submissions, toKafkaRecord(refused));
    const [dead] = await dlq.waitFor((r) => (r.json as { id?: string } | null)?.id === refused.id, 1, 30_000, 'the dead letter of the refused submission');
    // A live reader that has committed nothing would hold the purge back: the probe stops first.
    await dlq.stop();
    await waitFor(async () => (await db.query('SELECT 1 FROM sourcing.submission_rejections WHERE event_id = $1', [refused.id])).rowCount === 1, {
      timeoutMs: 30_000,
      description: 'the rejection recorded',
    });
    const acceptedId = uniqueName('accepted');
    const acceptedAt = await kit.produce(TOPICS.submissions, toKafkaRecord(signedSubmission(acceptedId, email, phrase)));
    await waitFor(async () => (await candidateOf(acceptedId)) !== null, { timeoutMs: 30_000, description: 'the submission sourced' });
    expect(await startOf(DLQ, dead.partition)).toBeLessThanOrEqual(BigInt(dead.offset));

    const erased = await ops(`/v1/ops/candidates/${await candidateOf(acceptedId)}/erasure`, { requestedBy: 'intake-purge-test' });

    expect(erased.status).toBe(200);
    expect(erased.body.intakePurged).toBe(true);
    expect(await startOf(TOPICS.submissions, refusedAt.partition)).toBeGreaterThan(BigInt(refusedAt.offset));
    expect(await startOf(TOPICS.submissions, acceptedAt.partition)).toBeGreaterThan(BigInt(acceptedAt.offset));
    expect(await startOf(DLQ, dead.partition)).toBeGreaterThan(BigInt(dead.offset));
    // The agency still sees why it was refused: the rejection row holds no identity and outlives the dead letter.
    expect((await db.query('SELECT 1 FROM sourcing.submission_rejections WHERE event_id = $1', [refused.id])).rowCount).toBe(1);
  });

  it('never deletes past a live reader that has not committed: the erasure says so, and purges once that reader is gone', async () => {
    const reader = await kit.probe(TOPICS.submissions); // live, subscribed, commits nothing
    const sourced = await sourcedOverKafka('held');
    await reader.waitFor((r) => r.offset === sourced.offset && r.partition === sourced.partition, 1, 30_000, 'the reader saw the submission');

    const held = await ops(`/v1/ops/candidates/${sourced.candidateId}/erasure`, { requestedBy: 'intake-purge-test' });
    expect(held.body.intakePurged).toBe(false);
    expect(await startOf(TOPICS.submissions, sourced.partition)).toBeLessThanOrEqual(BigInt(sourced.offset));

    await reader.stop();
    const again = await ops(`/v1/ops/candidates/${sourced.candidateId}/erasure`, { requestedBy: 'intake-purge-test' });
    expect(again.body).toMatchObject({ erasedNow: false, intakePurged: true });
    expect(await startOf(TOPICS.submissions, sourced.partition)).toBeGreaterThan(BigInt(sourced.offset));
  });

  it('the submissions topic is purged periodically, without an erasure, once sourcing has consumed it', async () => {
    const sourced = await sourcedOverKafka('periodic');
    await waitFor(async () => (await startOf(TOPICS.submissions, sourced.partition)) > BigInt(sourced.offset), {
      timeoutMs: 30_000,
      description: 'the periodic purge passed the consumed submission',
    });
  });
});
