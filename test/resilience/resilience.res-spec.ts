// Resilience suite (`npm run test:resilience`), the attacks and the service
// crashes: bad inputs, brute force and BOLA, consumer SIGKILL mid-batch,
// sourcing SIGKILL mid-bulk then the same bulk retried, and a scan of every
// table, topic and dead letter after an erasure. Infrastructure faults, the crash between
// commit and publish, replays and rebalances are in the other *.res-spec.ts
// files of this folder; test/support/resilience-run.ts is the run they share.
import { request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { Kafka } from 'kafkajs';
import { buildEvent, EVENT_TYPES, toKafkaRecord, TOPICS, type SubmissionEvent } from '@hiring/contracts';
import { testKafkaConfig, uniqueName, waitFor } from '@hiring/testing';
import { AgencyClient, expectStatus, OpsClient } from '../support/agency-client';
import { ResilienceRun } from '../support/resilience-run';
import { scenario } from '../support/scorecard';

/** The JSON text with `marker` (inside a string) replaced by bytes that are not UTF-8. */
function withBytesIn(json: string, marker: string, bytes: number[]): Buffer {
  const at = json.indexOf(marker);
  return Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from(bytes), Buffer.from(json.slice(at + marker.length))]);
}

/** A raw HTTP request from a chosen loopback source address (127.0.0.2 is another client to the services). */
function rawRequest(url: string, options: { method: string; headers: Record<string, string>; body?: Buffer | string; localAddress?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers, localAddress: options.localAddress }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('resilience: attacks and service crashes', () => {
  let r: ResilienceRun;
  // Short names for the run's parts, as the scenarios below use them.
  let db: Pool;
  const submissionOf = (index: number, tag: string) => r.submissionOf(index, tag);
  const countWhere = (sql: string, params: unknown[]) => r.countWhere(sql, params);
  const expectAllFinal = (prefix: string, expected: number, timeoutMs?: number) => r.expectAllFinal(prefix, expected, timeoutMs);
  const killAndRestart = (service: Parameters<ResilienceRun['killAndRestart']>[0]) => r.killAndRestart(service);

  beforeAll(async () => {
    r = await ResilienceRun.start();
    db = r.db;
  }, 180_000);

  afterAll(async () => {
    await r?.stop();
  });

  it('bad inputs are refused with 4xx and store nothing', async () => {
    await scenario('bad-inputs', 'depth 5000, NUL, non-UTF-8, text/plain', async () => {
      const url = `${r.pipeline.services.sourcing.url}/v1/submissions`;
      const headers = { 'x-api-key': r.agencyA.apiKey, 'content-type': 'application/json' };
      const nul = submissionOf(0, 'bad').candidate;
      const answers = [
        await rawRequest(url, { method: 'POST', headers, body: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) }),
        await rawRequest(url, { method: 'POST', headers, body: JSON.stringify({ ...submissionOf(0, 'bad'), candidate: { ...nul, name: 'N\u0000L' } }) }),
        await rawRequest(url, { method: 'POST', headers, body: withBytesIn(JSON.stringify(submissionOf(1, 'bad')), 'Res Person', [0xc3, 0x28, 0xff]) }),
        await rawRequest(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: JSON.stringify(submissionOf(2, 'bad')) }),
      ].map((a) => a.status);
      expect(answers).toEqual([400, 400, 400, 415]);
      expect(await countWhere('SELECT count(*) AS n FROM sourcing.submissions WHERE external_id LIKE $1', [`${r.run}-bad-%`])).toBe(0);
      return `statuses ${answers.join(',')}; stored 0`;
    });
  });

  it('brute force from one address is throttled (429 + Retry-After); another agency cannot read a submission (BOLA)', async () => {
    await scenario('brute-force+BOLA', '40 wrong keys from 127.0.0.2; agency B reads A\'s submission', async () => {
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 40; i += 1) {
        const res = await rawRequest(`${r.pipeline.services.sourcing.url}/v1/submissions/00000000-0000-4000-8000-000000000000`, {
          method: 'GET',
          headers: { 'x-api-key': `hak_${randomBytes(32).toString('base64url')}` },
          localAddress: '127.0.0.2',
        });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = String(res.headers['retry-after']);
      }
      const firstLimited = statuses.indexOf(429);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(firstLimited).toBe(30);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // 127.0.0.1 is unaffected: agency A still works, and agency B cannot see A's submission.
      const own = expectStatus(await r.clientA.submit(submissionOf(0, 'bola')), 202, 'A submits');
      const other = await new AgencyClient(r.pipeline.services.sourcing.url, r.agencyB).get(own.submissionId);
      expect(other.status).toBe(404);
      return `401 x${firstLimited}, then 429 (Retry-After ${retryAfter}s); BOLA read 404`;
    });
  });

  it('screening SIGKILLed mid-batch and restarted: every submission screened and scored once', async () => {
    await scenario('consumer-kill', 'SIGKILL screening while it works a 150-item bulk, restart', async () => {
      const items = Array.from({ length: 150 }, (_, i) => submissionOf(i, 'ck'));
      const bulk = expectStatus(await r.clientA.submitBulk(items), 200, 'bulk');
      expect(bulk.summary.accepted).toBe(150);
      // Killed as soon as the bulk is accepted: its events are being relayed and screened right now.
      const screenedAtKill = await countWhere(
        `SELECT count(DISTINCT candidate_id) AS n FROM screening.screenings WHERE candidate_id IN (SELECT candidate_id::text FROM sourcing.submissions WHERE external_id LIKE $1)`,
        [`${r.run}-ck-%`],
      );
      const killedAt = Date.now();
      await killAndRestart('screening');
      const readyAfterMs = Date.now() - killedAt;
      await expectAllFinal(`${r.run}-ck-`, 150);
      const doneAfterMs = Date.now() - killedAt;
      const twice = await countWhere(
        `SELECT count(*) AS n FROM (SELECT candidate_id FROM screening.screenings WHERE candidate_id IN (SELECT candidate_id::text FROM sourcing.submissions WHERE external_id LIKE $1) GROUP BY candidate_id, rubric_version HAVING count(*) > 1) d`,
        [`${r.run}-ck-%`],
      );
      expect(twice).toBe(0);
      return `screened at kill ${screenedAtKill}; accepted 150, final 150, lost 0, screened twice ${twice}; restart ready ${readyAfterMs} ms, all final ${doneAfterMs} ms after the kill`;
    });
  });

  it('sourcing SIGKILLed mid-bulk, the same bulks retried: each submission once, none lost', async () => {
    await scenario('sourcing-kill', 'SIGKILL sourcing during 4 concurrent 250-item bulks, retry them', async () => {
      const TOTAL = 1000;
      const batches = Array.from({ length: 4 }, (_, b) => Array.from({ length: 250 }, (_, i) => submissionOf(b * 250 + i, 'sk')));
      const stored = () => countWhere('SELECT count(*) AS n FROM sourcing.submissions WHERE external_id LIKE $1', [`${r.run}-sk-%`]);
      const first = batches.map((items) => r.clientA.submitBulk(items).then((a) => a.status, () => 0));
      // Kill as soon as the first rows are stored: the other bulks are then in flight or not yet read.
      await waitFor(async () => (await stored()) > 0, { timeoutMs: 60_000, intervalMs: 10, description: 'the first bulk started storing' });
      await killAndRestart('sourcing');
      const firstStatuses = await Promise.all(first);
      const before = await stored();
      for (const items of batches) expect(expectStatus(await r.clientA.submitBulk(items), 200, 'retried bulk').summary.accepted).toBe(250);
      expect(await stored()).toBe(TOTAL);
      await expectAllFinal(`${r.run}-sk-`, TOTAL, 180_000);
      const midBulk = before < TOTAL ? 'mid-bulk' : 'after all bulks (fault did not land mid-bulk)';
      return `killed ${midBulk}: first answers ${firstStatuses.join(',')} (0 = dropped), stored before retry ${before}; after retry ${TOTAL} once, ${TOTAL} final`;
    });
  });

  it('after an erasure, no table, topic or dead letter holds the person\'s identifiers or profile text readably', async () => {
    await scenario('erasure-scan', 'a person submitted over Kafka (once refused, once scored) erased; scan every table, topic and dead letter', async () => {
      const body = submissionOf(0, 'er');
      const marker = `profile-marker-${r.run}`;
      (body.profile as { achievements: string[] }).achievements = [...(body.profile as { achievements: string[] }).achievements, `Ask about ${marker}`];
      // Over Kafka, as an agency produces it: in clear on the submissions topic. The same person is
      // first sent for a requisition that does not exist, so a dead letter holds them too.
      const signed = (data: typeof body) =>
        buildEvent(EVENT_TYPES.submission, { source: 'agency/resilience', data: { agencyId: r.agencyA.id, ...data } as unknown as SubmissionEvent, signingSecret: r.agencyA.signingSecret });
      const refused = signed({ ...body, externalId: `${r.run}-er-refused`, requisitionId: '00000000-0000-4000-8000-000000000000' });
      await r.kit.produce(TOPICS.submissions, toKafkaRecord(refused));
      await waitFor(async () => (await countWhere('SELECT count(*) AS n FROM sourcing.submission_rejections WHERE event_id = $1', [refused.id])) === 1, {
        timeoutMs: 60_000,
        description: 'the refused submission dead-lettered and recorded for the agency',
      });
      await r.kit.produce(TOPICS.submissions, toKafkaRecord(signed(body)));
      await expectAllFinal(`${r.run}-er-`, 1);
      const candidateId = (await db.query<{ id: string }>('SELECT candidate_id::text AS id FROM sourcing.submissions WHERE external_id = $1', [body.externalId])).rows[0]?.id ?? '';
      const erased = expectStatus(await r.ops.post(`/v1/ops/candidates/${candidateId}/erasure`, { requestedBy: 'resilience' }), 200, 'erase');
      await waitFor(async () => (await countWhere('SELECT count(*) AS n FROM screening.candidate_profiles WHERE candidate_id = $1', [candidateId])) === 0, {
        timeoutMs: 60_000,
        description: 'screening deleted the profile',
      });
      const needles = [body.candidate.name, body.candidate.email, body.candidate.phone, marker];
      const hits = [...(await scanTables(db, needles)), ...(await scanTopics(needles))];
      const keyService = new OpsClient(r.pipeline.services.sourcing.url, r.pipeline.keyServiceToken);
      const keys = expectStatus(await keyService.post('/v1/ops/candidate-keys/lookup', { candidateIds: [candidateId] }), 200, 'key lookup');
      expect(keys.erased).toEqual([candidateId]);
      expect(hits).toEqual([]);
      expect(erased.intakePurged).toBe(true);
      return `readable hits 0 (name, email, phone, profile phrase) in every table, topic and dead letter; key destroyed; intake purged`;
    });
  });
});

interface Hit {
  where: string;
  needle: string;
}

/** Every table of every service schema: whole rows as text, and bytea columns as UTF-8 bytes. */
async function scanTables(db: Pool, needles: string[]): Promise<Hit[]> {
  const tables = await db.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema IN ('sourcing', 'screening', 'scoring', 'offer', 'monitor')`,
  );
  const bytea = await db.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE data_type = 'bytea' AND table_schema IN ('sourcing', 'screening', 'scoring', 'offer', 'monitor')`,
  );
  const hits: Hit[] = [];
  for (const t of tables.rows) {
    const cols = bytea.rows.filter((c) => c.table_schema === t.table_schema && c.table_name === t.table_name).map((c) => `position(convert_to($1, 'UTF8') in coalesce(x."${c.column_name}", ''::bytea)) > 0`);
    const where = [`position($1 in x::text) > 0`, ...cols].join(' OR ');
    for (const needle of needles) {
      const found = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.table_schema}"."${t.table_name}" x WHERE ${where}`, [needle]);
      if (Number(found.rows[0]?.n) > 0) hits.push({ where: `${t.table_schema}.${t.table_name}`, needle });
    }
  }
  return hits;
}

/** Every recruiting topic and dead-letter topic, from offset 0 to its current end, as raw bytes. */
async function scanTopics(needles: string[]): Promise<Hit[]> {
  const kafka = new Kafka(testKafkaConfig({ clientId: uniqueName('res_scan') }));
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith('recruiting.'));
  const ends = new Map<string, Map<number, bigint>>();
  // A partition holding records (its start is before its end; records deleted from the start are gone) is read to its end.
  const holding = new Map<string, Set<number>>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(topic, new Map(offsets.map((o) => [o.partition, BigInt(o.high)])));
    holding.set(topic, new Set(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => o.partition)));
  }
  await admin.disconnect();
  const remaining = new Map([...holding].map(([topic, parts]) => [topic, new Map([...parts].map((p) => [p, true]))]));
  const hits = new Map<string, Hit>();
  const consumer = kafka.consumer({ groupId: uniqueName('res_scan'), sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const needleBytes = needles.map((n) => ({ needle: n, bytes: Buffer.from(n, 'utf8') }));
  let finished = false;
  const check = () => {
    finished = [...remaining.values()].every((parts) => parts.size === 0);
  };
  check();
  await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        for (const { needle, bytes } of needleBytes) {
          if (message.value?.includes(bytes) || message.key?.includes(bytes)) hits.set(`${topic}|${needle}`, { where: topic, needle });
        }
        const high = ends.get(topic)?.get(partition);
        if (high !== undefined && BigInt(message.offset) + 1n >= high) remaining.get(topic)?.delete(partition);
        check();
      },
  });
  try {
    await waitFor(() => finished, {
      timeoutMs: 180_000,
      intervalMs: 200,
      description: `read ${topics.length} topics to their end`,
    });
  } finally {
    await consumer.disconnect();
  }
  return [...hits.values()];
}
