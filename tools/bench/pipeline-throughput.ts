// Throughput, latency, CPU and disk per candidate of the whole pipeline
// (sourcing -> screening -> scoring) as built (dist/), on the local Kafka and
// Postgres, for several instance counts of screening and scoring in one run:
// the first count is the baseline the others are read against.
//
//   npm run build && bash deploy/local/infra.sh up
//   node -r @swc-node/register tools/bench/pipeline-throughput.ts [N]
//   (N candidates per round, default 2000; BENCH_INSTANCES=1,2 the rounds;
//    KAFKA_BROKERS and DATABASE_URL as for the services)
//
// Each round starts one sourcing and K screening + K scoring processes with
// consumer groups of their own (at the end of their input topics), submits N
// strong candidates over HTTP bulk (250 per request, 2 requests in flight),
// and waits until every one is scored. It reads CPU time of every process from
// /proc and the size of the three schemas before and after.
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { TOPICS } from '@hiring/contracts';
import { KafkaTestKit, ServiceProcess, sourcingKafkaGroups, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor } from '@hiring/testing';
// The end-to-end suites' clients and profiles (test/support has no workspace alias).
// eslint-disable-next-line no-restricted-imports
import { AgencyClient, createAgency, expectStatus, mapLimit, OpsClient } from '../../test/support/agency-client';
// eslint-disable-next-line no-restricted-imports
import { candidateProfile, identity } from '../../test/support/candidates';

const N = Number(process.argv[2] ?? process.env['BENCH_N'] ?? 2000);
const ROUNDS = (process.env['BENCH_INSTANCES'] ?? '1,2').split(',').map(Number);
const BULK = 250;
const OPS_TOKEN = `bench-pipeline-${Date.now().toString(36)}-token`;
const CLK_TCK = 100; // Linux USER_HZ
const SCHEMAS = ['sourcing', 'screening', 'scoring'];

type Role = 'sourcing' | 'screening' | 'scoring';
const INPUTS: Record<Role, readonly string[]> = {
  sourcing: [TOPICS.submissions],
  screening: [TOPICS.candidateSourced, TOPICS.candidateErased],
  scoring: [TOPICS.candidateScreened, TOPICS.candidateErased],
};

interface Round {
  instances: number;
  intakePerSec: number;
  pipelinePerSec: number;
  p50: number;
  p95: number;
  max: number;
  cpuMsPerCandidate: Record<Role, number>;
  bytesPerCandidate: Record<string, number>;
}

/** utime + stime of a process, in ms. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

async function schemaBytes(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query<{ schema: string; bytes: string }>(
    `SELECT n.nspname AS schema, sum(pg_total_relation_size(c.oid))::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = ANY($1::text[]) GROUP BY n.nspname`,
    [SCHEMAS],
  );
  return Object.fromEntries(rows.map((r) => [r.schema, Number(r.bytes)]));
}

async function round(kit: KafkaTestKit, db: Client, k: number): Promise<Round> {
  const groups: Record<Role, string> = { sourcing: uniqueName('bench_sourcing'), screening: uniqueName('bench_screening'), scoring: uniqueName('bench_scoring') };
  for (const role of Object.keys(groups) as Role[]) await kit.startGroupAtEnd(groups[role], INPUTS[role]);
  // Sourcing's status write-back: one consumer group per status topic.
  for (const g of sourcingKafkaGroups(groups.sourcing).slice(1)) await kit.startGroupAtEnd(g.group, g.topics);
  const procs: Record<Role, ServiceProcess[]> = { sourcing: [], screening: [], scoring: [] };
  const start = async (role: Role) => {
    const p = await ServiceProcess.start({
      app: role,
      from: 'dist',
      env: {
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        OPS_TOKEN,
        KAFKA_CONSUMER_GROUP: groups[role],
        KAFKA_CONSUMER_FROM_BEGINNING: 'false',
        LOG_LEVEL: 'warn',
        // Screening opens sealed profiles with keys from sourcing (started first).
        ...(role !== 'sourcing' && procs.sourcing[0] ? { SOURCING_URL: procs.sourcing[0].url } : {}),
      },
    });
    procs[role].push(p);
  };
  try {
    await start('sourcing');
    for (let i = 0; i < k; i += 1) await Promise.all([start('screening'), start('scoring')]);
    await Promise.all(Object.values(procs).flat().map((p) => p.waitUntilReady(120_000)));

    const sourcing = procs.sourcing[0] as ServiceProcess;
    const ops = new OpsClient(sourcing.url, OPS_TOKEN);
    const agency = await createAgency(ops, uniqueName('Bench Agency'));
    const req = expectStatus(
      await ops.post('/v1/requisitions', {
        title: 'Technical Lead, benchmark',
        locationTier: 'us-metro',
        signals: { mlTeamSize: 1, mlArchitectureOwned: false, buildsProprietaryModels: false, mlInProduction: true, mlTechDebtGrowing: false, productMlMisaligned: false, aiFirstProduct: false, partTimeMlLeadership: true },
      }),
      201,
      'requisition',
    );
    const client = new AgencyClient(sourcing.url, agency);
    const run = uniqueName('b');
    // Phones carry the round's digits: people of different rounds are different people.
    const digits = String(100_000 + Math.floor(Math.random() * 900_000));
    const bulks = Array.from({ length: Math.ceil(N / BULK) }, (_, b) =>
      Array.from({ length: Math.min(BULK, N - b * BULK) }, (_, j) => {
        const i = b * BULK + j;
        return { externalId: `${run}-${i}`, requisitionId: req.id, candidate: identity(run, i, digits), profile: candidateProfile('tech-lead', 'us-metro', 'strong', i) };
      }),
    );

    const all = Object.values(procs).flat();
    const cpu0 = new Map(all.map((p) => [p, cpuMs(p.pid)]));
    const bytes0 = await schemaBytes(db);
    const t0 = Date.now();
    const answers = await mapLimit(bulks, 2, (items) => client.submitBulk(items));
    const tIntake = Date.now();
    let accepted = 0;
    for (const a of answers) {
      const body = expectStatus(a, 200, 'bulk');
      accepted += (body.results as { status: string }[]).filter((r) => r.status === 'sourced').length;
    }
    if (accepted !== N) {
      const statuses = answers.flatMap((a) => (a.body.results as { status: string }[] | undefined)?.map((r) => r.status) ?? [String(a.status)]);
      throw new Error(`only ${accepted} of ${N} accepted: ${JSON.stringify(statuses.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {}))}`);
    }
    const scored = async () =>
      Number(
        (
          await db.query<{ n: string }>(
            'SELECT count(*) AS n FROM scoring.scores sc JOIN sourcing.submissions s ON s.candidate_id::text = sc.candidate_id WHERE s.agency_id = $1::uuid',
            [agency.id],
          )
        ).rows[0]?.n ?? 0,
      );
    await waitFor(async () => (await scored()) === N, { timeoutMs: 900_000, intervalMs: 250, description: `${N} candidates scored` });
    const tEnd = Date.now();
    const cpu = Object.fromEntries(
      (Object.keys(procs) as Role[]).map((role) => [role, procs[role].reduce((sum, p) => sum + cpuMs(p.pid) - (cpu0.get(p) ?? 0), 0) / N]),
    ) as Record<Role, number>;
    const bytes1 = await schemaBytes(db);
    const lat = (
      await db.query<{ ms: string }>(
        `SELECT (extract(epoch FROM sc.scored_at - s.received_at) * 1000)::bigint AS ms
           FROM scoring.scores sc JOIN sourcing.submissions s ON s.candidate_id::text = sc.candidate_id
          WHERE s.agency_id = $1::uuid ORDER BY 1`,
        [agency.id],
      )
    ).rows.map((r) => Number(r.ms));
    const pct = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))] ?? 0;
    return {
      instances: k,
      intakePerSec: (N * 1000) / (tIntake - t0),
      pipelinePerSec: (N * 1000) / (tEnd - t0),
      p50: pct(0.5),
      p95: pct(0.95),
      max: lat[lat.length - 1] ?? 0,
      cpuMsPerCandidate: cpu,
      bytesPerCandidate: Object.fromEntries(SCHEMAS.map((s) => [s, Math.round(((bytes1[s] ?? 0) - (bytes0[s] ?? 0)) / N)])),
    };
  } finally {
    for (const p of Object.values(procs).flat()) await p.stop('SIGTERM').catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const kit = new KafkaTestKit();
  await kit.connect();
  const db = new Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  const { brokers } = await kit.admin.describeCluster();
  try {
    const results: Round[] = [];
    for (const k of ROUNDS) {
      console.log(`[bench] round: 1 sourcing, ${k} screening, ${k} scoring; ${N} candidates ...`);
      results.push(await round(kit, db, k));
    }
    const fmt = (n: number, d = 0) => n.toFixed(d);
    console.log(`\n[bench] pipeline, ${N} candidates per round, ${brokers.length} broker(s), load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    console.log('instances (screening/scoring) | intake cand/s | end-to-end cand/s | latency p50 / p95 / max s | CPU ms per candidate: sourcing / screening / scoring | DB bytes per candidate: sourcing / screening / scoring');
    for (const r of results) {
      console.log(
        `${String(r.instances).padStart(2)}${r === results[0] ? ' (baseline)' : ''} | ${fmt(r.intakePerSec)} | ${fmt(r.pipelinePerSec)} | ${fmt(r.p50 / 1000, 1)} / ${fmt(r.p95 / 1000, 1)} / ${fmt(r.max / 1000, 1)} | ${fmt(r.cpuMsPerCandidate.sourcing, 2)} / ${fmt(r.cpuMsPerCandidate.screening, 2)} / ${fmt(r.cpuMsPerCandidate.scoring, 2)} | ${SCHEMAS.map((s) => r.bytesPerCandidate[s]).join(' / ')}`,
      );
    }
  } finally {
    await kit.close();
    await db.end();
  }
}

main().catch((err: unknown) => {
  console.error('[bench] ERROR:', err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
