// A signed Kafka submission that is dead-lettered is reported to the agency
// that signed it (GET /v1/submissions/rejections), through a real sourcing
// process reading its own dead letters; a record whose signature does not
// verify is reported to nobody, and no agency ever sees another's rejections.
// The agency's webhook endpoint (a real receiver on loopback) is told too.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { deadLetterTopic, EVENT_TYPES, signSubmission, submissionSubject, TOPICS } from '@hiring/contracts';
import { KafkaTestKit, testDatabaseUrl, uniqueName, type ServiceProcess, waitFor, waitForGroupCaughtUp } from '@hiring/testing';
import { startSourcingProcess } from '../test/sourcing-process';
import { WebhookReceiver } from '../test/webhook-receiver';
import { AI_LEAD_SIGNALS, minimalProfile, uniqueEmail } from '../test/submission.fixtures';

const OPS_TOKEN = 'sourcing-rejections-int-spec-token';
const DLQ = deadLetterTopic(TOPICS.submissions);

interface Agency {
  id: string;
  key: string;
  signingSecret: string;
}

interface RejectionPage {
  items: Array<{ rejectionId: string; externalId?: string; eventId?: string; reasonCode: string; reason: string; errors: Array<{ path: string; message: string }>; rejectedAt: string }>;
  nextCursor?: string;
}

describe('sourcing: dead-lettered Kafka submissions reported to their agency (real process, broker and database)', () => {
  let service: ServiceProcess;
  const kit = new KafkaTestKit();
  let db: Client;
  let a: Agency;
  let b: Agency;
  let requisitionId: string;
  const group = uniqueName('sourcing-rejections-it');
  const receiver = new WebhookReceiver();
  const deadLetteredWebhooks = () =>
    receiver.at('/a').map((r) => JSON.parse(r.body) as { type: string; agencyId: string; data: { rejectionId: string; externalId: string | null; eventId: string | null; code: string; reason: string } });

  const ops = async (path: string, body: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const createAgency = async (): Promise<Agency> => {
    const created = (await ops('/v1/agencies', { name: uniqueName('Rejections Agency') })) as { agency: { id: string }; apiKey: { key: string }; signingSecret: string };
    return { id: created.agency.id, key: created.apiKey.key, signingSecret: created.signingSecret };
  };
  const rejections = async (agency: Agency, query = ''): Promise<{ status: number; body: RejectionPage & { type?: string } }> => {
    const res = await fetch(`${service.url}/v1/submissions/rejections${query}`, { headers: { 'x-api-key': agency.key } });
    return { status: res.status, body: (await res.json()) as RejectionPage };
  };
  const allRejections = async (agency: Agency): Promise<RejectionPage['items']> => {
    const items: RejectionPage['items'] = [];
    let cursor: string | undefined;
    do {
      const page = await rejections(agency, `?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  /** A submission envelope built by hand (so it can break the contract), signed with `secret` over its data. */
  function envelope(data: { agencyId: string; externalId: string }, secret: string) {
    const subject = submissionSubject(data);
    return { specversion: '1.0', id: randomUUID(), source: 'agency/test', type: EVENT_TYPES.submission, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data, agencysig: signSubmission(data, secret) };
  }
  function submissionData(agencyId: string, overrides: Record<string, unknown> = {}) {
    return { agencyId, externalId: uniqueName('rej'), requisitionId, candidate: { name: 'Rejected Candidate', email: uniqueEmail() }, profile: minimalProfile(), ...overrides };
  }
  const produce = (event: { id: string }) => kit.produce(TOPICS.submissions, { key: event.id, value: JSON.stringify(event) });
  async function deadLettered(...events: Array<{ id: string }>) {
    const dlq = await kit.probe(DLQ);
    for (const e of events) await produce(e);
    const ids = new Set(events.map((e) => e.id));
    const records = await dlq.waitFor((r) => ids.has((r.json as { id?: string } | null)?.id ?? ''), events.length, 30_000, 'dead letters');
    await dlq.stop();
    return records;
  }

  beforeAll(async () => {
    await kit.connect();
    // The group exists, at the end of the topics it reads, before the service joins it: no race, no replay.
    await receiver.start();
    service = await startSourcingProcess(kit, group, OPS_TOKEN, { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' });
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    a = await createAgency();
    b = await createAgency();
    requisitionId = ((await ops('/v1/requisitions', { title: 'Lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS })) as { id: string }).id;
    const endpoint = await fetch(`${service.url}/v1/webhooks/endpoints`, {
      method: 'POST',
      headers: { 'x-api-key': a.key, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url('/a'), eventTypes: ['submission.dead-lettered'] }),
    });
    expect(endpoint.status).toBe(201);
  });

  afterAll(async () => {
    await kit.close();
    await db?.end();
    if (service?.running) await service.stop();
    await receiver.stop();
  });

  it('a signed submission for an unknown requisition: the agency reads the reason, nothing personal is kept', async () => {
    const data = submissionData(a.id, { requisitionId: randomUUID() });
    const event = envelope(data, a.signingSecret);
    const [dead] = await deadLettered(event);
    expect(dead.headers['dlq-reason']).toMatch(/^UNKNOWN_REQUISITION/);

    const mine = await waitFor(async () => (await allRejections(a)).find((r) => r.externalId === data.externalId), { timeoutMs: 30_000, description: 'rejection listed' });
    expect(mine).toMatchObject({ eventId: event.id, reasonCode: 'UNKNOWN_REQUISITION', reason: 'The requisition does not exist.', errors: [expect.objectContaining({ path: 'requisitionId' })] });
    const { rows } = await db.query('SELECT row_to_json(r)::text AS json FROM sourcing.submission_rejections r WHERE agency_id = $1 AND external_id = $2', [a.id, data.externalId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].json).not.toContain('Rejected Candidate');
    expect(rows[0].json).not.toContain(data.candidate.email);
    expect((await allRejections(b)).map((r) => r.externalId)).not.toContain(data.externalId);

    const hook = await waitFor(() => deadLetteredWebhooks().find((w) => w.data.externalId === data.externalId), { timeoutMs: 15_000, description: 'the dead-lettered webhook' });
    expect(hook).toMatchObject({ type: 'submission.dead-lettered', agencyId: a.id, data: { rejectionId: mine.rejectionId, eventId: event.id, code: 'UNKNOWN_REQUISITION', reason: mine.reason } });
    expect(JSON.stringify(hook)).not.toContain(data.candidate.email);
  });

  it('a signed record that breaks the contract is reported with the fields at fault', async () => {
    const data = submissionData(a.id, { profile: { ...minimalProfile(), yearsOfExperience: 'eleven' } });
    const event = envelope(data, a.signingSecret);
    const [dead] = await deadLettered(event);
    expect(dead.headers['dlq-reason']).toMatch(/^INVALID_PAYLOAD/);

    const mine = await waitFor(async () => (await allRejections(a)).find((r) => r.externalId === data.externalId), { timeoutMs: 30_000, description: 'rejection listed' });
    expect(mine.reasonCode).toBe('INVALID_PAYLOAD');
    expect(mine.errors.map((e) => e.path)).toContain('data.profile.yearsOfExperience');
  });

  it('a bad signature proves nothing: neither the claimed agency nor the signer is told, whatever else is wrong', async () => {
    // Claims agency A, signed with B's secret; one is otherwise fine, one breaks the contract (dead-lettered before its signature is checked).
    const forged = envelope(submissionData(a.id), b.signingSecret);
    const forgedInvalid = envelope(submissionData(a.id, { profile: { ...minimalProfile(), yearsOfExperience: 'eleven' } }), b.signingSecret);
    // Signed correctly, after the forged ones: once it is listed, the forged ones were read before it.
    const marker = envelope(submissionData(a.id, { requisitionId: randomUUID() }), a.signingSecret);
    await deadLettered(forged, forgedInvalid, marker);
    await waitFor(async () => (await allRejections(a)).find((r) => r.eventId === marker.id), { timeoutMs: 30_000, description: 'marker rejection listed' });
    await waitForGroupCaughtUp(kit.kafka, group, DLQ);

    const forgedIds: string[] = [forged.id, forgedInvalid.id];
    const { rows } = await db.query('SELECT count(*)::int AS n FROM sourcing.submission_rejections WHERE event_id = ANY($1)', [forgedIds]);
    expect(rows[0].n).toBe(0);
    for (const agency of [a, b]) expect((await allRejections(agency)).filter((r) => forgedIds.includes(r.eventId ?? ''))).toEqual([]);
    // The marker's webhook arrives; nothing was ever queued for the forged records (same consumer transactions, earlier).
    await waitFor(() => deadLetteredWebhooks().some((w) => w.data.eventId === marker.id), { timeoutMs: 15_000, description: "the marker's webhook" });
    const queued = await db.query(`SELECT count(*)::int AS n FROM sourcing.webhook_events WHERE body::jsonb -> 'data' ->> 'eventId' = ANY($1)`, [forgedIds]);
    expect(queued.rows[0].n).toBe(0);
    expect(deadLetteredWebhooks().filter((w) => forgedIds.includes(w.data.eventId ?? ''))).toEqual([]);
  });

  it('pages with an opaque cursor; a tampered cursor, or one used by another agency or with other filters, is a 400', async () => {
    const events = [0, 1, 2].map(() => envelope(submissionData(b.id, { requisitionId: randomUUID() }), b.signingSecret));
    await deadLettered(...events);
    await waitFor(async () => (await allRejections(b)).filter((r) => events.some((e) => e.id === r.eventId)).length === 3 || undefined, { timeoutMs: 30_000, description: 'three rejections listed' });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await rejections(b, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((r) => r.rejectionId));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual((await allRejections(b)).map((r) => r.rejectionId));

    const first = await rejections(b, '?limit=1');
    const issued = first.body.nextCursor as string;
    expect(issued).toBeDefined();
    const tampered = issued.slice(0, 5) + (issued[5] === 'A' ? 'B' : 'A') + issued.slice(6);
    for (const [agency, query] of [
      [b, `?limit=1&cursor=${encodeURIComponent(tampered)}`],
      [b, '?limit=1&cursor=not-a-cursor'],
      [a, `?limit=1&cursor=${encodeURIComponent(issued)}`],
      [b, `?limit=1&since=2020-01-01T00:00:00Z&cursor=${encodeURIComponent(issued)}`],
    ] as const) {
      const res = await rejections(agency, query);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('https://hiring.local/problems/validation');
      expect(JSON.stringify(res.body)).not.toContain('Rejected Candidate');
    }
    expect((await rejections(b, '?limit=0')).status).toBe(400);
    expect((await rejections(b, '?limit=201')).status).toBe(400);
    expect((await rejections(b, '?since=yesterday')).status).toBe(400);
  });

  it('since filters by the time of the rejection', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await rejections(a, `?since=${encodeURIComponent(future)}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await rejections(a, '?since=2020-01-01T00:00:00Z')).body.items.length).toBeGreaterThan(0);
  });

  it('needs an API key', async () => {
    const res = await fetch(`${service.url}/v1/submissions/rejections`);
    expect(res.status).toBe(401);
  });
});
