// `npm run bench`: the whole pipeline on the local infrastructure, beside
// baselines measured in the same run on the same machine.
//
//   npm run bench -- [--n 20000] [--rate 100] [--seconds 60] [--stock-n 1000]
//                    [--http-seconds 10] [--connections 10] [--idle-n 30] [--pg-top 12]
//                    [--only idle,http,kafka,latency,single,baselines] [--out FILE] [--skip-baselines]
//
// Needs the local infrastructure and the services running (npm start, or
// deploy/local/infra.sh up + services.sh up); talks only to 127.0.0.1.
// Prints a markdown table and writes a JSON report (.cache/bench/ by default).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { buildEvent, toKafkaRecord, TOPICS, type SubmissionEvent } from '@hiring/contracts';
import { runRawBaseline } from './baseline-raw';
import { runStockNestBaseline } from './baseline-stock-nest';
import { percentile, until } from './bench-util';
import { PipelineWatch, type CandidateTimes } from './pipeline-watch';
import { CpuMeter, type CpuSeconds } from './cpu';
import { RssSampler } from './rss';
import { statementCosts, statementSnapshot, type StatementReport } from './pg-statements';
import { SERVICES, serviceUrl, type Service } from './service-ports';

const ROOT = resolve(__dirname, '../../..');
const BULK = 500;
const MAX_IN_FLIGHT = 64;

interface Options {
  n: number;
  rate: number;
  seconds: number;
  stockN: number;
  httpSeconds: number;
  connections: number;
  idleN: number;
  /** Candidates through each intake path before anything is measured (0: none). */
  warmup: number;
  out: string;
  skipBaselines: boolean;
  only: string[];
  pgTop: number;
}

const PHASES = ['idle', 'http', 'kafka', 'latency', 'single', 'baselines'];
const VALUE_FLAGS = ['n', 'rate', 'seconds', 'stock-n', 'http-seconds', 'connections', 'idle-n', 'warmup', 'pg-top', 'only', 'out'];
const USAGE = `usage: npm run bench -- [--n 20000] [--rate 100] [--seconds 60] [--stock-n 1000] [--http-seconds 10]
       [--connections 10] [--idle-n 30] [--warmup 2000] [--pg-top 12] [--only ${PHASES.join(',')}] [--out FILE] [--skip-baselines]`;

/** A mistyped flag must not silently run the whole 5-minute bench with defaults. */
function checkFlags(argv: string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name !== undefined && VALUE_FLAGS.includes(name)) {
      if (argv[i + 1] === undefined || argv[i + 1]?.startsWith('--')) throw new Error(`${a} needs a value\n${USAGE}`);
      i++;
    } else if (a !== '--skip-baselines') {
      throw new Error(`unknown argument "${a}"\n${USAGE}`);
    }
  }
}

function parseArgs(argv: string[]): Options {
  checkFlags(argv);
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v) || v < 0 || (v === 0 && name !== 'pg-top' && name !== 'warmup')) throw new Error(`--${name} needs a positive number, got "${argv[i + 1] ?? ''}"`);
    return v;
  };
  const n = Math.round(value('n', Number(process.env['BENCH_N'] ?? 20_000)));
  const outIndex = argv.indexOf('--out');
  const only = argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '').split(',') : [];
  const unknownPhase = only.find((p) => !PHASES.includes(p));
  if (unknownPhase !== undefined) throw new Error(`--only: unknown phase "${unknownPhase}" (phases: ${PHASES.join(', ')})`);
  return {
    n,
    rate: value('rate', 100),
    seconds: value('seconds', 60),
    stockN: Math.round(value('stock-n', Math.min(n, 1_000))),
    httpSeconds: value('http-seconds', 10),
    connections: Math.round(value('connections', 10)),
    idleN: Math.round(value('idle-n', 30)),
    warmup: Math.round(value('warmup', Number(process.env['BENCH_WARMUP'] ?? 2_000))),
    out: outIndex >= 0 ? resolve(argv[outIndex + 1] ?? '') : resolve(ROOT, '.cache/bench', `pipeline-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    skipBaselines: argv.includes('--skip-baselines'),
    only,
    pgTop: Math.round(value('pg-top', 12)),
  };
}

const url = (svc: Service) => serviceUrl(svc);
const OPS = { authorization: `Bearer ${process.env['OPS_TOKEN'] ?? 'local-ops-token-change-me'}`, 'content-type': 'application/json' };

async function call<T>(method: string, target: string, body: unknown, headers: Record<string, string>, expected: number[] = [200, 201, 202]): Promise<T> {
  const res = await fetch(target, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${target} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Agency {
  id: string;
  key: string;
  signingSecret: string;
}

async function createAgency(label: string): Promise<Agency> {
  const created = await call<{ agency: { id: string }; apiKey: { key: string }; signingSecret: string }>('POST', `${url('sourcing')}/v1/agencies`, { name: `bench-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` }, OPS);
  return { id: created.agency.id, key: created.apiKey.key, signingSecret: created.signingSecret };
}

const profile = JSON.parse(readFileSync(resolve(ROOT, 'examples/candidate-strong-ai-lead.json'), 'utf8')) as Record<string, unknown>;
let seq = 0;
const run = Date.now().toString(36);
function submission(requisitionId: string): { externalId: string; requisitionId: string; candidate: { name: string; email: string }; profile: Record<string, unknown> } {
  seq++;
  return { externalId: `bench-${run}-${seq}`, requisitionId, candidate: { name: `Bench Candidate ${seq}`, email: `bench.${run}.${seq}@example.com` }, profile };
}

function statusCount(db: Client, agencyId: string): Promise<number> {
  return db
    .query<{ n: number }>(`SELECT count(*)::int AS n FROM sourcing.submission_states WHERE agency_id = $1 AND status IN ('scored', 'rejected')`, [agencyId])
    .then((r) => r.rows[0]?.n ?? 0);
}

interface Throughput {
  path: string;
  n: number;
  ingestSeconds: number;
  endToEndSeconds: number;
  perSecond: number;
  statusWrittenBackSeconds: number;
}

async function throughputHttp(n: number, watch: PipelineWatch, db: Client, requisitionId: string, label = 'HTTP bulk'): Promise<Throughput> {
  const agency = await createAgency('http');
  const bodies: string[] = [];
  for (let i = 0; i < n; i += BULK) bodies.push(Array.from({ length: Math.min(BULK, n - i) }, () => JSON.stringify(submission(requisitionId))).join('\n'));
  const t0 = Date.now();
  let next = 0;
  // Two bulk requests in flight, as an agency syncing its database would.
  await Promise.all(
    [0, 1].map(async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as string;
        const res = await call<{ summary: { accepted: number; total: number } }>('POST', `${url('sourcing')}/v1/submissions/bulk`, body, { 'x-api-key': agency.key, 'content-type': 'application/x-ndjson' });
        if (res.summary.accepted !== res.summary.total) throw new Error(`bulk: ${res.summary.total - res.summary.accepted} item(s) not accepted`);
      }
    }),
  );
  const ingestSeconds = (Date.now() - t0) / 1000;
  return finish(label, n, t0, ingestSeconds, watch, db, agency.id);
}

/** `atStart` runs when the clock starts, after the records are signed (the CPU meter starts there: signing is the agencies' work). */
async function throughputKafka(n: number, kafka: Kafka, watch: PipelineWatch, db: Client, requisitionId: string, atStart: () => void, label = 'Kafka'): Promise<Throughput> {
  const agency = await createAgency('kafka');
  // Signed before the clock starts: this is the agencies' work, not the pipeline's.
  const records = Array.from({ length: n }, () => {
    const s = submission(requisitionId);
    const data = { agencyId: agency.id, ...s } as unknown as SubmissionEvent;
    return toKafkaRecord(buildEvent('recruiting.submission.v1', { source: '/agencies/bench', data, signingSecret: agency.signingSecret }));
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  atStart();
  const t0 = Date.now();
  for (let i = 0; i < records.length; i += BULK) await producer.send({ topic: TOPICS.submissions, acks: -1, messages: records.slice(i, i + BULK) });
  const ingestSeconds = (Date.now() - t0) / 1000;
  await producer.disconnect();
  return finish(label, n, t0, ingestSeconds, watch, db, agency.id);
}

async function finish(path: string, n: number, t0: number, ingestSeconds: number, watch: PipelineWatch, db: Client, agencyId: string): Promise<Throughput> {
  const agencies = new Set([agencyId]);
  await until(`${path}: ${n} candidates scored and guided`, () => watch.progress(agencies).done >= n, 1_800_000, 100);
  const endToEndSeconds = (watch.progress(agencies).lastDoneTs - t0) / 1000;
  await until(`${path}: statuses written back`, async () => (await statusCount(db, agencyId)) >= n, 600_000, 200);
  const statusWrittenBackSeconds = (Date.now() - t0) / 1000;
  return { path, n, ingestSeconds, endToEndSeconds, perSecond: n / endToEndSeconds, statusWrittenBackSeconds };
}

type Stage = 'intake' | 'sourcing relay' | 'screening' | 'screening relay' | 'scoring' | 'scoring relay' | 'offer' | 'offer relay' | 'end to end';
const STAGES: Stage[] = ['intake', 'sourcing relay', 'screening', 'screening relay', 'scoring', 'scoring relay', 'offer', 'offer relay', 'end to end'];

function stageTimes(sentAt: number, c: CandidateTimes): Partial<Record<Stage, number>> {
  const d = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
  const out: Partial<Record<Stage, number>> = {};
  const put = (s: Stage, v: number | undefined) => v !== undefined && (out[s] = v);
  put('intake', d(sentAt, c.sourcedAt));
  put('sourcing relay', d(c.sourcedAt, c.sourcedTs));
  put('screening', d(c.sourcedTs, c.screenedAt));
  put('screening relay', d(c.screenedAt, c.screenedTs));
  put('scoring', d(c.screenedTs, c.scoredAt));
  put('scoring relay', d(c.scoredAt, c.scoredTs));
  put('offer', d(c.scoredTs, c.issuedAt));
  put('offer relay', d(c.issuedAt, c.guidanceTs));
  put('end to end', d(sentAt, c.guidanceTs));
  return out;
}

interface LatencyReport {
  ratePerSecond: number;
  seconds: number;
  sent: number;
  failed: number;
  /** Requests sent per second: below the rate when the service could not keep up. */
  achievedPerSecond: number;
  stages: Record<Stage, { p50: number; p95: number; p99: number }>;
  /**
   * CPU per candidate at this rate, from the first request until the last
   * offer guidance: batches are small here, so it is several times the
   * throughput phases' figure, and it says how busy the rate keeps the machine.
   */
  cpuMsPerCandidate: CpuSeconds;
  /** The stack's CPU seconds per second of the phase: how many of the machine's cores the rate keeps busy. */
  busyCores: number;
}

async function latencyAtRate(o: Options, watch: PipelineWatch, requisitionId: string, cpu: CpuMeter): Promise<LatencyReport> {
  // Enough agencies that the per-key rate limit (600/min by default) never answers 429.
  const agencies = await Promise.all(Array.from({ length: Math.ceil(o.rate / 8) + 1 }, (_, i) => createAgency(`latency-${i}`)));
  const sent = new Map<string, number>();
  const total = Math.round(o.rate * o.seconds);
  const cpuBefore = cpu.snapshot();
  const t0 = Date.now();
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / o.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Bounded, so an overloaded service is measured rather than buried; timed from when each request was due,
    // so a request that waited for a free slot counts that wait (no coordinated omission).
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const agency = agencies[i % agencies.length] as Agency;
    const request: Promise<void> = call<{ candidateId?: string }>('POST', `${url('sourcing')}/v1/submissions`, submission(requisitionId), { 'x-api-key': agency.key, 'content-type': 'application/json' })
      .then((r) => {
        if (r.candidateId) sent.set(r.candidateId, due);
      })
      .catch(() => {
        failed++;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  const sendingSeconds = (Date.now() - t0) / 1000;
  await Promise.all(inFlight);
  const ids = [...sent.keys()];
  await until('fixed-rate submissions through the pipeline', () => ids.every((id) => watch.byCandidate.get(id)?.guidanceTs !== undefined), 600_000, 100);
  const cpuAfter = cpu.snapshot();
  const wallSeconds = (Date.now() - t0) / 1000;
  const cpuMsPerCandidate = CpuMeter.perItemMs(cpuBefore, cpuAfter, Math.max(1, ids.length));
  const busyCores = Object.keys(cpuAfter).reduce((sum, k) => sum + ((cpuAfter[k] ?? 0) - (cpuBefore[k] ?? cpuAfter[k] ?? 0)), 0) / wallSeconds;
  const samples = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
  for (const [id, at] of sent) {
    const times = stageTimes(at, watch.byCandidate.get(id) as CandidateTimes);
    for (const s of STAGES) if (times[s] !== undefined) samples.get(s)?.push(times[s] as number);
  }
  const stages = Object.fromEntries(STAGES.map((s) => [s, { p50: percentile(samples.get(s) ?? [], 50), p95: percentile(samples.get(s) ?? [], 95), p99: percentile(samples.get(s) ?? [], 99) }])) as LatencyReport['stages'];
  return { ratePerSecond: o.rate, seconds: o.seconds, sent: sent.size, failed, achievedPerSecond: total / sendingSeconds, stages, cpuMsPerCandidate, busyCores };
}

type Percentiles = { p50: number; p95: number; p99: number };
const percentiles = (xs: readonly number[]): Percentiles => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) });

/**
 * One submission at a time on an idle pipeline: POST until the submission's
 * status is `scored`, read from Postgres every 2 ms (the row GET serves; one
 * GET then confirms what the agency sees). Polling GET itself every 2 ms kept
 * sourcing's event loop busy answering it, in the middle of the path being
 * measured (its relay and status write-back). The first submission is a
 * warm-up (the first event of each type compiles its contract check) and not
 * counted. `write-back` is from candidate-scored on Kafka to the status.
 */
async function idleSingle(
  watch: PipelineWatch,
  db: Client,
  requisitionId: string,
  tries: number,
): Promise<{ toScoredStatusMs: number[]; toGuidanceMs: number[]; writeBackMs: number[]; stages: Record<Stage, Percentiles> }> {
  const agency = await createAgency('idle');
  const toScoredStatusMs: number[] = [];
  const toGuidanceMs: number[] = [];
  const writeBackMs: number[] = [];
  const samples = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
  const status = async (id: string) => (await db.query<{ status: string }>('SELECT status FROM sourcing.submission_states WHERE submission_id = $1', [id])).rows[0]?.status;
  for (let i = -1; i < tries; i++) {
    const t0 = Date.now();
    const r = await call<{ submissionId: string; candidateId: string }>('POST', `${url('sourcing')}/v1/submissions`, submission(requisitionId), { 'x-api-key': agency.key, 'content-type': 'application/json' });
    await until('status scored', async () => (await status(r.submissionId)) === 'scored', 30_000, 2);
    const scoredMs = Date.now() - t0;
    const seen = await call<{ status: string }>('GET', `${url('sourcing')}/v1/submissions/${r.submissionId}`, undefined, { 'x-api-key': agency.key });
    if (seen.status !== 'scored') throw new Error(`GET /v1/submissions/${r.submissionId} says ${seen.status}, the database scored`);
    await until('guidance', () => watch.byCandidate.get(r.candidateId)?.guidanceTs !== undefined, 30_000, 2);
    if (i < 0) continue; // warm-up
    const times = watch.byCandidate.get(r.candidateId) as CandidateTimes;
    toScoredStatusMs.push(scoredMs);
    toGuidanceMs.push((times.guidanceTs ?? 0) - t0);
    if (times.scoredTs !== undefined) writeBackMs.push(t0 + scoredMs - times.scoredTs);
    const stages = stageTimes(t0, times);
    for (const st of STAGES) if (stages[st] !== undefined) samples.get(st)?.push(stages[st] as number);
  }
  const stages = Object.fromEntries(STAGES.map((st) => [st, percentiles(samples.get(st) ?? [])])) as Record<Stage, Percentiles>;
  return { toScoredStatusMs, toGuidanceMs, writeBackMs, stages };
}

async function httpSingle(
  o: Options,
  requisitionId: string,
  cpu: CpuMeter,
): Promise<{ requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number; requests: number; cpuMsPerRequest: CpuSeconds }> {
  const agencies = await Promise.all(Array.from({ length: 40 }, (_, i) => createAgency(`http-${i}`)));
  let i = 0;
  const before = cpu.snapshot();
  const result = await autocannon({
    url: `${url('sourcing')}/v1/submissions`,
    connections: o.connections,
    duration: o.httpSeconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const agency = agencies[i++ % agencies.length] as Agency;
          return { ...req, headers: { 'content-type': 'application/json', 'x-api-key': agency.key }, body: JSON.stringify(submission(requisitionId)) };
        },
      },
    ],
  });
  // CPU per request moves far less with the machine's load than requests/s (sourcing's includes its relay of what the requests wrote).
  const cpuMsPerRequest = CpuMeter.perItemMs(before, cpu.snapshot(), Math.max(1, result.requests.total));
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors, requests: result.requests.total, cpuMsPerRequest };
}

function fmt(x: number, digits = 0): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
    return;
  }
  // The machine may be shared: the load average says how much the numbers are worth.
  const loadAtStart = loadavg()[0] as number;
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring';
  for (const svc of SERVICES) await call('GET', `${url(svc)}/health/ready`, undefined, {}).catch(() => {
    throw new Error(`${svc} is not ready at ${url(svc)}: start the pipeline first (npm start, or deploy/local/services.sh up)`);
  });
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // The stack's files (pid files, Kafka's and Postgres' homes) live where deploy/local put them.
  const cache = resolve(ROOT, process.env['HIRING_CACHE_DIR'] ?? '.cache');
  const rss = RssSampler.start(resolve(cache, 'run'), SERVICES);
  const watch = await PipelineWatch.start(kafka, `bench-watch-${run}`);
  const requisition = await call<{ id: string }>('POST', `${url('sourcing')}/v1/requisitions`, {
    title: 'Bench AI lead',
    locationTier: 'uk-london',
    signals: { mlTeamSize: 4, mlArchitectureOwned: false, buildsProprietaryModels: true, mlInProduction: true, mlTechDebtGrowing: true, productMlMisaligned: false, aiFirstProduct: true, partTimeMlLeadership: false },
  }, OPS);

  const wanted = (phase: string) => o.only.length === 0 || o.only.includes(phase);
  const phase = async <T>(name: string, what: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (!wanted(name)) return undefined;
    console.error(`[bench] ${what} ...`);
    return work();
  };
  const cpu = new CpuMeter(
    { run: resolve(cache, 'run'), kafka: process.env['KAFKA_HOME_DIR'] ?? resolve(cache, 'kafka'), postgres: process.env['PG_HOME_DIR'] ?? resolve(cache, 'postgres') },
    SERVICES,
  );
  // With --pg-top, the statements of the single-submission phases too, per submission (at small batches they are not the
  // Kafka path's; in the idle phase every batch is of one, so its count is exact, less the bench's own status reads).
  const withStatements = async <T extends object>(work: () => Promise<T>, itemsOf: (result: T) => number): Promise<T & { statements?: StatementReport }> => {
    const sqlBefore = o.pgTop > 0 ? await statementSnapshot(db) : undefined;
    const result = await work();
    const sqlAfter = sqlBefore ? await statementSnapshot(db) : undefined;
    return sqlBefore && sqlAfter ? { ...result, statements: statementCosts(sqlBefore, sqlAfter, Math.max(1, itemsOf(result)), o.pgTop) } : result;
  };
  // Services just started, and a broker just started, run their first thousands of events cold (V8 and
  // the JVM compile the hot paths as they go; pools and buffers grow): a first run read 775-816
  // candidates/s where the next read 1,032-1,037 on the same stack. Each path gets --warmup candidates
  // first, shown in the table and not counted; --warmup 0 measures the cold stack.
  const warmed = o.warmup > 0 && ['http', 'kafka', 'latency', 'single', 'idle'].some(wanted);
  let warmup: Throughput[] | undefined;
  if (warmed) {
    console.error(`[bench] warm-up, ${o.warmup} candidates through each intake path (not counted) ...`);
    warmup = [
      await throughputHttp(o.warmup, watch, db, requisition.id, 'warm-up: HTTP bulk (not counted)'),
      await throughputKafka(o.warmup, kafka, watch, db, requisition.id, () => undefined, 'warm-up: Kafka (not counted)'),
    ];
  }
  const idle = await phase('idle', 'idle single submissions', () =>
    withStatements(() => watch.withStages(() => idleSingle(watch, db, requisition.id, o.idleN)), (r) => r.toScoredStatusMs.length + 1),
  );
  const http = await phase('http', `throughput over HTTP bulk, N=${o.n}`, () => throughputHttp(o.n, watch, db, requisition.id));
  const cpuMs: { kafkaPath?: CpuSeconds; raw?: CpuSeconds } = {};
  let statements: StatementReport | undefined;
  const kafkaPath = await phase('kafka', `throughput over Kafka, N=${o.n}`, async () => {
    const sqlBefore = o.pgTop > 0 ? await statementSnapshot(db) : undefined;
    let before = cpu.snapshot();
    const result = await throughputKafka(o.n, kafka, watch, db, requisition.id, () => (before = cpu.snapshot()));
    cpuMs.kafkaPath = CpuMeter.perItemMs(before, cpu.snapshot(), o.n);
    const sqlAfter = sqlBefore ? await statementSnapshot(db) : undefined;
    if (sqlBefore && sqlAfter) statements = statementCosts(sqlBefore, sqlAfter, o.n, o.pgTop);
    else if (o.pgTop > 0) console.error('[bench] pg_stat_statements is not installed in this database: restart the local Postgres (deploy/local/infra.sh down && up) to get the statement table');
    return result;
  });
  const latency = await phase('latency', `latency at ${o.rate}/s for ${o.seconds} s`, () =>
    withStatements(() => watch.withStages(() => latencyAtRate(o, watch, requisition.id, cpu)), (r) => r.sent),
  );
  const single = await phase('single', `single POST with autocannon, ${o.connections} connections, ${o.httpSeconds} s`, () =>
    withStatements(() => httpSingle(o, requisition.id, cpu), (r) => r.requests),
  );
  const peakRss = rss.stop();
  await watch.stop();

  const payloads = Array.from({ length: o.n }, () => JSON.stringify({ ...submission(requisition.id), agencyId: 'bench' }));
  const raw = o.skipBaselines ? undefined : await phase('baselines', `baseline (a) raw kafkajs, 4 hops, N=${o.n}`, async () => {
    const before = cpu.snapshot();
    const rate = o.n / (await runRawBaseline(kafka, databaseUrl, payloads, 4, o.warmup));
    cpuMs.raw = CpuMeter.perItemMs(before, cpu.snapshot(), o.n);
    return rate;
  });
  const stock = o.skipBaselines
    ? undefined
    : await phase('baselines', `baseline (b) stock NestJS microservices, 4 hops, N=${o.stockN}`, async () => o.stockN / (await runStockNestBaseline(kafka, databaseUrl, brokers, payloads.slice(0, o.stockN))));
  await db.end();

  const load = { start: loadAtStart, end: loadavg()[0] as number };
  const report = { at: new Date().toISOString(), options: o, loadAverage1m: load, warmup, idle, throughput: [http, kafkaPath], latency, httpSingle: single, peakRssMb: peakRss, cpuMsPerCandidate: cpuMs, postgresStatementsKafkaPath: statements, baselines: { rawPerSecond: raw, stockPerSecond: stock } };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(report, null, 2));

  const lines: string[] = [];
  lines.push(`## Pipeline bench (N=${o.n}, ${new Date().toISOString()}, load average ${fmt(load.start, 1)} → ${fmt(load.end, 1)})`, '');
  const through = [...(warmup ?? []), http, kafkaPath].flatMap((t) => (t ? [t] : []));
  if (through.length > 0) {
    lines.push('| throughput | candidates | ingest s | scored + guided s | candidates/s | statuses written back s |', '|---|---:|---:|---:|---:|---:|');
    for (const t of through) lines.push(`| ${t.path} | ${t.n} | ${fmt(t.ingestSeconds, 1)} | ${fmt(t.endToEndSeconds, 1)} | ${fmt(t.perSecond)} | ${fmt(t.statusWrittenBackSeconds, 1)} |`);
  }
  if (raw !== undefined || stock !== undefined) {
    const ours = kafkaPath?.perSecond ?? NaN;
    lines.push('', '| 4 hops, same payloads | msg/s | ours (Kafka path) / baseline |', '|---|---:|---:|');
    lines.push(`| ours: Kafka path, submission to offer guidance | ${fmt(ours)} | 1.00 |`);
    lines.push(`| (a) raw kafkajs: consume, one multi-row INSERT, produce | ${raw === undefined ? 'skipped' : fmt(raw)} | ${raw === undefined ? '' : fmt(ours / raw, 2)} |`);
    lines.push(`| (b) stock NestJS: @EventPattern + TypeORM save() per message (N=${o.stockN}) | ${stock === undefined ? 'skipped' : fmt(stock)} | ${stock === undefined ? '' : fmt(ours / stock, 2)} |`);
  }
  const cols = [...SERVICES, 'kafka', 'postgres', 'bench'];
  const cpuHeader = [`| CPU ms per candidate | ${cols.join(' | ')} | total |`, `|---|${cols.map(() => '---:').join('|')}|---:|`];
  const cpuRow = (label: string, ms: CpuSeconds | undefined, only?: readonly string[]) => {
    const shown = cols.map((c) => (ms && ms[c] !== undefined && (!only || only.includes(c)) ? ms[c] : undefined));
    const total = shown.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return `| ${label} | ${shown.map((v) => (v === undefined ? '–' : fmt(v, 2))).join(' | ')} | ${ms ? fmt(total, 2) : 'skipped'} |`;
  };
  if (cpuMs.kafkaPath || cpuMs.raw) {
    // The raw hops run inside the bench process; the services idle meanwhile and are not counted for them.
    lines.push('', ...cpuHeader);
    lines.push(cpuRow("ours: Kafka path (bench = its watcher and the agencies' producer)", cpuMs.kafkaPath));
    lines.push(cpuRow('(a) raw kafkajs (bench = the four hops)', cpuMs.raw, ['kafka', 'postgres', 'bench']));
  }
  // Statement text is Postgres' normalised form ($1 for constants); cut to keep the table readable.
  const statementTable = (title: string, per: string, report: StatementReport) => {
    const text = (sql: string) => (sql.length > 110 ? `${sql.slice(0, 110)}…` : sql).replace(/\|/g, '\\|');
    lines.push('', `| Postgres statements, ${title} (all: ${fmt(report.total.msPerItem, 2)} ms, ${fmt(report.total.callsPerItem, 2)} calls per ${per}) | ms per ${per} | calls | rows |`, '|---|---:|---:|---:|');
    for (const st of report.top) lines.push(`| \`${text(st.statement)}\` | ${fmt(st.msPerItem, 3)} | ${fmt(st.callsPerItem, 3)} | ${fmt(st.rowsPerItem, 2)} |`);
  };
  if (statements) statementTable('Kafka path', 'candidate', statements);
  if (latency) {
    lines.push('', `| latency at ${o.rate}/s for ${o.seconds} s (${latency.sent} submissions, ${latency.failed} failed, sent at ${fmt(latency.achievedPerSecond)}/s), ms | p50 | p95 | p99 |`, '|---|---:|---:|---:|');
    for (const st of STAGES) lines.push(`| ${st} | ${fmt(latency.stages[st].p50)} | ${fmt(latency.stages[st].p95)} | ${fmt(latency.stages[st].p99)} |`);
    // Queueing, not a fixed wait, is what makes the tail: this says how close to saturation the rate runs.
    lines.push('', ...cpuHeader, cpuRow(`ours at ${o.rate}/s (small batches): the stack keeps ${fmt(latency.busyCores, 2)} of ${availableParallelism()} cores busy`, latency.cpuMsPerCandidate));
    if (latency.statements) statementTable(`fixed rate ${o.rate}/s`, 'candidate', latency.statements);
  }
  if (idle) {
    const row = (label: string, p: Percentiles) => `| ${label} | ${fmt(p.p50)} | ${fmt(p.p95)} | ${fmt(p.p99)} |`;
    lines.push('', `| idle, one at a time (${idle.toScoredStatusMs.length} submissions after a warm-up), ms | p50 | p95 | p99 |`, '|---|---:|---:|---:|');
    lines.push(row('POST to status `scored`', percentiles(idle.toScoredStatusMs)));
    lines.push(row('POST to offer guidance on Kafka', percentiles(idle.toGuidanceMs)));
    lines.push(row('status write-back (candidate-scored on Kafka to status `scored`)', percentiles(idle.writeBackMs)));
    for (const st of STAGES) lines.push(row(`stage: ${st}`, idle.stages[st]));
    if (idle.statements) statementTable('idle, one at a time (the warm-up counted; the bench polls the status with its own SELECT)', 'submission', idle.statements);
  }
  if (single) {
    lines.push('', `| single POST /v1/submissions (autocannon, ${o.connections} connections, ${o.httpSeconds} s) | value |`, '|---|---:|');
    lines.push(`| requests/s | ${fmt(single.requestsPerSecond)} |`, `| p50 ms | ${fmt(single.p50Ms)} |`, `| p99 ms | ${fmt(single.p99Ms)} |`, `| non-2xx / errors | ${single.non2xx} / ${single.errors} |`);
    lines.push(`| CPU ms per request: sourcing; postgres (${single.requests} requests) | ${fmt(single.cpuMsPerRequest['sourcing'] ?? NaN, 2)}; ${fmt(single.cpuMsPerRequest['postgres'] ?? NaN, 2)} |`);
    // Every process, while autocannon runs (the downstream services work on what the requests wrote meanwhile).
    lines.push('', ...cpuHeader, cpuRow('single POST, per request answered (autocannon)', single.cpuMsPerRequest));
    if (single.statements) statementTable('single POST (autocannon)', 'request', single.statements);
  }
  lines.push('', '| peak RSS under load, MB | ' + SERVICES.join(' | ') + ' |', '|---|' + SERVICES.map(() => '---:').join('|') + '|');
  lines.push('| max sampled (VmRSS) | ' + SERVICES.map((s) => fmt(peakRss[s]?.sampledMb ?? NaN)).join(' | ') + ' |');
  lines.push('| process high-water mark (VmHWM) | ' + SERVICES.map((s) => fmt(peakRss[s]?.hwmMb ?? NaN)).join(' | ') + ' |');
  lines.push('', `JSON report: ${o.out}`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
