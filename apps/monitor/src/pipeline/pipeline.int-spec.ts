// The monitor as a real process against the real broker and database: a few
// candidates go sourced -> screened -> scored -> offer decided on the real
// topics (in whatever order the partitions deliver them), and the aggregate,
// the live stream, the page's cookie and the metrics show exactly this run's
// numbers (narrowed by a unique agency and requisition). Redelivery counts
// once; an erasure removes the candidate and a later event does not bring it back.
// The monitor writes no inbox rows: redelivering every event of the run, in
// reverse order, is applied again and changes none of the numbers.
import { randomUUID } from 'node:crypto';
import { buildEvent, deadLetterTopic, EVENT_TYPES, TOPICS, type CloudEvent } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA, EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { deadLetterMessage } from '@hiring/messaging';
import type { KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, waitForGroupCaughtUp } from '@hiring/testing';
import type { PipelineSnapshot } from './get-pipeline-snapshot.service';
import { MONITOR_TOPICS } from './broker-backlog.reader';

const OPS_TOKEN = 'monitor-int-test-ops-token';
const groupId = uniqueName('monitor_it');
const agencyId = uniqueName('agency').replace(/_/g, '-');
const requisitionId = uniqueName('req').replace(/_/g, '-');
const kit = new KafkaTestKit();
let service: ServiceProcess;

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const MIN = 60_000;
const bearer = { authorization: `Bearer ${OPS_TOKEN}` };

const ids = { advance: `cand-${randomUUID()}`, review: `cand-${randomUUID()}`, reject: `cand-${randomUUID()}`, waiting: `cand-${randomUUID()}` };
const common = (candidateId: string) => ({ candidateId, submissionId: `sub-${candidateId}`, agencyId, requisitionId, role: 'ai-tech-lead' as const, locationTier: 'uk-london' as const });

function sourced(candidateId: string, minute: number) {
  const profile = EXAMPLE_PROFILE;
  return buildEvent(EVENT_TYPES.candidateSourced, { source: '/tests/monitor', data: { ...common(candidateId), sourcedAt: at(minute), profile } });
}

function screened(candidateId: string, decision: 'advance' | 'review' | 'reject', minute: number) {
  const { rubric, rules, counts, interviewKit } = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScreened];
  return buildEvent(EVENT_TYPES.candidateScreened, {
    source: '/tests/monitor',
    data: { ...common(candidateId), decision, rubric, rules, counts, interviewKit, screenedAt: at(minute) },
  });
}

function scored(candidateId: string, decision: 'advance' | 'review' | 'reject', minute: number) {
  const { score, breakdown, penalties, rubric } = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored];
  return buildEvent(EVENT_TYPES.candidateScored, {
    source: '/tests/monitor',
    data: { ...common(candidateId), score, breakdown, penalties, decision, rubric, scoredAt: at(minute) },
  });
}

function offerDecided(candidateId: string, decision: 'approved' | 'refused', minute: number) {
  const example = EXAMPLE_EVENT_DATA[EVENT_TYPES.offerDecided];
  const { override: _override, ...data } = example;
  return buildEvent(EVENT_TYPES.offerDecided, {
    source: '/tests/monitor',
    data: { ...data, offerId: `offer-${randomUUID()}`, candidateId, decision, decidedAt: at(minute) },
  });
}

/** Every event this file produced, in order, to redeliver them all at the end. */
const producedSoFar: Array<{ topic: string; event: CloudEvent<{ candidateId: string }> }> = [];

async function produce(topic: string, ...events: Array<CloudEvent<{ candidateId: string }>>): Promise<void> {
  await kit.produce(topic, ...events.map((e) => ({ key: e.data.candidateId, value: JSON.stringify(e) })));
  producedSoFar.push(...events.map((event) => ({ topic, event })));
}

/** The monitor's own metric lines for its consumed topics, e.g. processed events per topic. */
async function metricValue(name: string, topic: string): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`topic="${topic}"`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function pipeline(query: string): Promise<PipelineSnapshot> {
  const res = await fetch(`${service.url}/v1/pipeline?${query}`, { headers: bearer });
  expect(res.status).toBe(200);
  return (await res.json()) as PipelineSnapshot;
}

function waitForPipeline(query: string, description: string, done: (s: PipelineSnapshot) => boolean): Promise<PipelineSnapshot> {
  return waitFor(
    async () => {
      const s = await pipeline(query);
      return done(s) ? s : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, description },
  );
}

/** The first `data:` line of an SSE response, then the stream is aborted. */
async function firstStreamSnapshot(path: string, headers: Record<string, string>): Promise<{ status: number; type: string | null; snapshot: PipelineSnapshot }> {
  const abort = new AbortController();
  try {
    const res = await fetch(`${service.url}${path}`, { headers, signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const line = await waitFor(
      async () => {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended before a snapshot');
        buffer += decoder.decode(value, { stream: true });
        return buffer.split('\n').find((l) => l.startsWith('data: ') && buffer.includes(`${l}\n\n`));
      },
      { timeoutMs: 15_000, intervalMs: 1, description: `a data: line on ${path}` },
    );
    return { status: res.status, type: res.headers.get('content-type'), snapshot: JSON.parse(line.slice('data: '.length)) as PipelineSnapshot };
  } finally {
    abort.abort();
  }
}

beforeAll(async () => {
  await kit.connect();
  await kit.startGroupAtEnd(groupId, MONITOR_TOPICS);
  service = await ServiceProcess.start({
    app: 'monitor',
    env: {
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: groupId,
      OPS_TOKEN,
      MONITOR_BROKER_CACHE_MS: '1000',
      MONITOR_STREAM_INTERVAL_MS: '500',
    },
  });
  await service.waitUntilReady();
}, 90_000);

afterAll(async () => {
  const exit = await service?.stop('SIGTERM');
  await kit.close();
  expect(exit).toEqual({ code: 0, signal: null });
});

describe('monitor: stage events -> read model -> /v1/pipeline, stream, page (real Kafka, Postgres, process)', () => {
  const byAgency = `agencyId=${agencyId}`;

  it('shows exactly this run\'s candidates per stage, conversion, time in stage and the agency service level', async () => {
    // Stages on different topics: the monitor may read them in any order.
    await produce(TOPICS.offerDecided, offerDecided(ids.advance, 'approved', 60), offerDecided(ids.review, 'refused', 120));
    await produce(TOPICS.candidateScored, scored(ids.advance, 'advance', 11), scored(ids.review, 'review', 21), scored(ids.reject, 'reject', 31));
    await produce(TOPICS.candidateScreened, screened(ids.advance, 'advance', 10), screened(ids.review, 'review', 20), screened(ids.reject, 'reject', 30));
    await produce(TOPICS.candidateSourced, sourced(ids.advance, 0), sourced(ids.review, 5), sourced(ids.reject, 6), sourced(ids.waiting, 7));

    const s = await waitForPipeline(byAgency, 'all 4 sourced and 2 offers of this run', (p) => p.stages.sourced === 4 && p.stages.offers.decided === 2 && p.stages.scored.total === 3);
    expect(s.filter).toEqual({ agencyId });
    expect(s.stages).toEqual({
      sourced: 4,
      screened: { total: 3, advance: 1, review: 1, 'needs-interview': 0, reject: 1 },
      scored: { total: 3, advance: 1, review: 1, 'needs-interview': 0, reject: 1 },
      offers: { decided: 2, approved: 1, refused: 1, refusals: 1 },
    });
    expect(s.conversion).toEqual([
      { from: 'sourced', to: 'screened', of: 4, reached: 3, rate: 0.75 },
      { from: 'screened', to: 'qualified', of: 3, reached: 2, rate: 2 / 3 },
      { from: 'screened', to: 'scored', of: 3, reached: 3, rate: 1 },
      { from: 'scored', to: 'offer decided', of: 3, reached: 2, rate: 2 / 3 },
      { from: 'offer decided', to: 'offer approved', of: 2, reached: 1, rate: 0.5 },
    ]);
    // sourced -> screened: 10, 15, 24 min; screened -> scored: 1 min each; scored -> offer: 49, 99 min
    expect(s.timeInStage[0]).toMatchObject({ count: 3, medianMs: 15 * MIN });
    expect(s.timeInStage[0].p90Ms).toBeCloseTo(22.2 * MIN, 0);
    expect(s.timeInStage[1]).toMatchObject({ count: 3, medianMs: MIN, p90Ms: MIN });
    expect(s.timeInStage[2]).toMatchObject({ count: 2, medianMs: 74 * MIN });

    expect(s.agencies).toHaveLength(1);
    expect(s.agencies[0]).toMatchObject({
      agencyId,
      sourced: 4,
      qualified: 2,
      requisitions: 1,
      requisitionsQualified: 1,
      requisitionsWithinTarget: 1,
      timeToFirstQualified: { count: 1, medianMs: 10 * MIN, p90Ms: 10 * MIN },
      offersRefused: 1,
    });
    expect(s.agencies[0].requisitionLeads).toEqual([
      { requisitionId, firstSubmissionAt: at(0), firstQualifiedAt: at(10), timeToFirstQualifiedMs: 10 * MIN, waitingMs: null },
    ]);

    const byRequisition = await pipeline(`requisitionId=${requisitionId}`);
    expect(byRequisition.stages).toEqual(s.stages);
    expect(byRequisition.filter).toEqual({ requisitionId });
  });

  it('reports DLQ depth for every dead-letter topic and the lag of its own consumer group', async () => {
    const s = await waitForPipeline(byAgency, 'own group caught up', (p) => p.consumerGroups.some((g) => g.group === groupId && g.lag === 0 && g.members === 1));
    expect(s.broker.ok).toBe(true);
    expect(s.deadLetters.map((d) => d.topic)).toEqual(expect.arrayContaining(MONITOR_TOPICS.map((t) => `${t}.dlq`)));
    for (const d of s.deadLetters) expect(d.depth).toBeGreaterThanOrEqual(0);
    expect(s.consumerGroups.map((g) => g.group)).toEqual(expect.arrayContaining(['sourcing', 'screening', 'scoring', 'offer', groupId]));
    expect(s.consumerGroups.find((g) => g.group === groupId)?.state).toBe('Stable');

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/^monitor_pipeline_candidates\{stage="sourced",decision="all",service="monitor"\} \d+$/m);
    expect(metrics).toMatch(/^monitor_dlq_depth\{topic="recruiting\.candidate-sourced\.v1\.dlq",service="monitor"\} \d+$/m);
    expect(metrics).toMatch(new RegExp(`^monitor_consumer_group_lag\\{group="${groupId}",service="monitor"\\} 0$`, 'm'));
  });

  it('narrows by role and period, lists the requisition with its stages, and draws the timeline', async () => {
    const s = await pipeline(`${byAgency}&role=ai-tech-lead&period=all`);
    expect(s.filter).toEqual({ agencyId, role: 'ai-tech-lead', period: 'all' });
    expect(s.stages.sourced).toBe(4);
    expect((await pipeline(`${byAgency}&role=tech-lead`)).stages.sourced).toBe(0);
    // The events are dated 2026-03-02: outside the last 24 hours of the real clock.
    expect((await pipeline(`${byAgency}&period=24h`)).stages.sourced).toBe(0);
    expect(s.requisitions).toEqual([
      expect.objectContaining({ requisitionId, agencies: 1, sourced: 4, screened: { total: 3, advance: 1, review: 1, reject: 1 }, offers: { approved: 1, refused: 1 }, timeToFirstQualifiedMs: 10 * MIN }),
    ]);
    // Dated 2026-03-02 (a Monday); the day or week that holds it has them all.
    const bucket = s.timeline.points.find((p) => p.at === '2026-03-02T00:00:00.000Z');
    expect(bucket).toMatchObject({ arrivals: 4, screened: 3, screenedIn: 2, offersApproved: 1, offersRefused: 1 });
    // No sourcing runs beside this test: names are missing and the snapshot says why.
    expect(s.directory).toMatchObject({ ok: false, agencies: [], requisitions: [], error: expect.stringContaining('sourcing did not answer') });
    expect((await fetch(`${service.url}/v1/pipeline?period=1y`, { headers: bearer })).status).toBe(400);
  });

  it('lists the dead letters behind the counts, with the command that replays each (session or bearer only)', async () => {
    expect((await fetch(`${service.url}/v1/pipeline/dead-letters`)).status).toBe(401);
    // A dead letter as a consumer writes it (the messaging library's builder), on a topic of its own for this test.
    const dlq = deadLetterTopic(TOPICS.candidateErased);
    const bytes = `personal data ${randomUUID()}`;
    const original = { key: Buffer.from('cand-dlq'), value: Buffer.from(bytes), headers: {}, offset: '77', timestamp: String(T0), attributes: 0 } as unknown as KafkaMessage;
    const record = deadLetterMessage({ topic: TOPICS.candidateErased, partition: 1, message: original }, 'monitor-it', { code: 'MALFORMED_JSON', message: 'MALFORMED_JSON in a test', errors: [] }, 1, new Date(T0));
    const [meta] = await kit.producer.send({ topic: dlq, acks: -1, messages: [record] });
    type Listed = { topics: Array<{ dlqTopic: string; depth: number; letters: Array<{ replayCommand: string; partition: number; offset: string; reasonCode: string; sourceTopic: string }> }> };
    const list = await waitFor(
      async () => {
        const res = await fetch(`${service.url}/v1/pipeline/dead-letters`, { headers: bearer });
        expect(res.status).toBe(200);
        const body = (await res.json()) as Listed;
        return body.topics.some((t) => t.dlqTopic === dlq && t.letters.some((l) => l.offset === meta?.baseOffset && l.partition === meta?.partition)) ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'the new dead letter listed' },
    );
    const letter = list.topics.find((t) => t.dlqTopic === dlq)?.letters.find((l) => l.offset === meta?.baseOffset && l.partition === meta?.partition);
    expect(letter).toMatchObject({ reasonCode: 'MALFORMED_JSON', sourceTopic: TOPICS.candidateErased, replayCommand: `npm run -s hiring -- dlq replay ${dlq} ${meta?.partition} ${meta?.baseOffset}` });
    expect(JSON.stringify(list)).not.toContain(bytes); // the original bytes are not served
  });

  it('counts a redelivered refusal once, removes an erased candidate, and ignores a late event for them', async () => {
    const refusal = offerDecided(ids.reject, 'refused', 200);
    // the same event twice (the inbox keeps one), and the same refusal under a new event id (the read model keeps one)
    const republished = buildEvent(EVENT_TYPES.offerDecided, { source: '/tests/monitor', data: refusal.data });
    await produce(TOPICS.offerDecided, refusal, refusal, republished);
    await produce(TOPICS.candidateErased, buildEvent(EVENT_TYPES.candidateErased, { source: '/tests/monitor', data: { candidateId: ids.waiting, erasedAt: at(300), requestedBy: 'privacy-desk' } }));
    await waitForPipeline(byAgency, 'erasure applied and the refusal counted', (p) => p.stages.sourced === 3 && p.stages.offers.decided === 3);

    await produce(TOPICS.candidateSourced, sourced(ids.waiting, 8)); // arrives after the erasure
    await waitForGroupCaughtUp(kit.kafka, groupId, TOPICS.candidateSourced);
    await waitForGroupCaughtUp(kit.kafka, groupId, TOPICS.offerDecided);
    const s = await pipeline(byAgency);
    expect(s.stages.sourced).toBe(3);
    expect(s.stages.offers).toEqual({ decided: 3, approved: 1, refused: 2, refusals: 2 });
    expect(s.agencies[0].offersRefused).toBe(2);
  });

  it('streams a snapshot as Server-Sent Events to the bearer token and to the page\'s session cookie', async () => {
    const viaBearer = await firstStreamSnapshot(`/v1/pipeline/stream?${byAgency}`, bearer);
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.type).toMatch(/^text\/event-stream/);
    expect(viaBearer.snapshot.filter).toEqual({ agencyId });
    expect(viaBearer.snapshot.stages.sourced).toBe(3);

    const entry = await fetch(`${service.url}/?token=${OPS_TOKEN}&${byAgency}`, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    expect(entry.headers.get('location')).toBe(`/?${byAgency}`);
    const setCookie = entry.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^monitor_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(setCookie).not.toContain(OPS_TOKEN);
    const cookie = setCookie.split(';')[0];

    const page = await fetch(`${service.url}/?${byAgency}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('new EventSource(');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/); // self-contained

    const viaCookie = await firstStreamSnapshot(`/v1/pipeline/stream?${byAgency}`, { cookie });
    expect(viaCookie.snapshot.stages.sourced).toBe(3);
  });

  it('applies a redelivery of every event of this run, in reverse order, without an inbox row and without changing a number', async () => {
    const before = await pipeline(byAgency);
    const processedBefore = new Map<string, number>();
    for (const topic of MONITOR_TOPICS) processedBefore.set(topic, await metricValue('messaging_messages_processed_total', topic));

    const redelivered = [...producedSoFar].reverse();
    for (const { topic, event } of redelivered) await produce(topic, event);
    for (const topic of MONITOR_TOPICS) await waitForGroupCaughtUp(kit.kafka, groupId, topic);

    // Applied again (no inbox to skip them), not counted as duplicates ...
    for (const topic of new Set(redelivered.map((r) => r.topic))) {
      // (a second copy of an event in the same chunk is dropped before the handler: count ids)
      const again = new Set(redelivered.filter((r) => r.topic === topic).map((r) => r.event.id)).size;
      expect((await metricValue('messaging_messages_processed_total', topic)) - (processedBefore.get(topic) ?? 0)).toBeGreaterThanOrEqual(again);
    }
    // ... and every number is what it was.
    const after = await pipeline(byAgency);
    // (not the broker's and sourcing's parts, which are read live)
    const { generatedAt: _b, broker: _bb, consumerGroups: _bc, deadLetters: _bd, directory: _bn, ...beforeNumbers } = before;
    const { generatedAt: _a, broker: _ab, consumerGroups: _ac, deadLetters: _ad, directory: _an, ...afterNumbers } = after;
    expect(afterNumbers).toEqual(beforeNumbers);
    expect(after.stages.offers).toEqual({ decided: 3, approved: 1, refused: 2, refusals: 2 });

    const db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM monitor.inbox WHERE consumer_group = $1', [groupId]);
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('answers 401 without the token, and keeps the JSON API on the bearer token only', async () => {
    expect((await fetch(`${service.url}/v1/pipeline`)).status).toBe(401);
    expect((await fetch(`${service.url}/v1/pipeline`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    expect((await fetch(`${service.url}/v1/pipeline/stream`)).status).toBe(401);
    // The sign-in form is a normal first page (200, nothing in a browser console), with no numbers on it.
    const signIn = await fetch(`${service.url}/`);
    expect(signIn.status).toBe(200);
    const form = await signIn.text();
    expect(form).toContain('Ops token');
    expect(form).not.toContain('new EventSource(');
    expect((await fetch(`${service.url}/?token=not-the-ops-token`, { redirect: 'manual' })).status).toBe(401);

    const entry = await fetch(`${service.url}/?token=${OPS_TOKEN}`, { redirect: 'manual' });
    const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await fetch(`${service.url}/v1/pipeline`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${service.url}/v1/pipeline?agencyId=bad%20id`, { headers: bearer })).status).toBe(400);
  });
});
