// Project issue 13: the pipeline on a three-broker cluster with two instances
// of screening and scoring, under a steady stream of candidates, while
// (a) one broker is SIGKILLed and restarted, (b) consumer instances are added
// and removed (rebalances), (c) the leader of a partition of the scored topic
// is SIGKILLed. Afterwards, from the database and the topics: no accepted
// submission lost, no effect applied twice, every candidate scored once, and
// the scored topic complete when read from offset 0 by a fresh consumer.
// It prints the counts and what each fault cost.
//
// Run by deploy/local/scale-out.sh (Nx: system-tests:scale-out), which starts
// a cluster of its own (own ports, own .cache dir) and points this file at it.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { KafkaTestKit, ServiceProcess, sourcingKafkaGroups, testDatabaseUrl, testKafkaBrokers, testKafkaConfig, uniqueName, waitFor } from '@hiring/testing';
import { AgencyClient, createAgency, expectStatus, OpsClient, type CreatedAgency } from '../support/agency-client';
import { candidateProfile, expectedScreening, identity } from '../support/candidates';

const run = promisify(execFile);
const REPO_ROOT = resolve(__dirname, '../..');
const CACHE_DIR = process.env.HIRING_CACHE_DIR ?? '';
const OPS_TOKEN = `scale-out-${Date.now().toString(36)}-ops-token`;
const RUN = `so${Date.now().toString(36)}`;
const RUN_DIGITS = String(100_000 + (Date.now() % 900_000));
const TODAY = new Date().toISOString().slice(0, 10);
/** Candidates per bulk request and the pause between requests: ~20 candidates/s. */
const BULK = Number(process.env.SCALE_OUT_BULK ?? 8);
const PACE_MS = Number(process.env.SCALE_OUT_PACE_MS ?? 400);
/** How long after a fault a submitted candidate counts as "hit" by it. */
const FAULT_WINDOW_MS = 10_000;
const DRAIN_TIMEOUT_MS = 120_000;
const SETTLE_TIMEOUT_MS = 120_000;

type Role = 'screening' | 'scoring' | 'sourcing';
const INPUT_TOPICS: Record<Role, readonly string[]> = {
  sourcing: [TOPICS.submissions, deadLetterTopic(TOPICS.submissions)],
  screening: [TOPICS.candidateSourced, TOPICS.candidateErased],
  scoring: [TOPICS.candidateScreened, TOPICS.candidateErased],
};

interface Accepted {
  externalId: string;
  candidateId: string;
  submittedAt: number;
}

interface FaultRecord {
  name: string;
  at: number;
  /** Named durations (ms) measured for this fault, in the order they happened. */
  timings: [string, number][];
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Submits bulks of strong candidates at a steady pace until stopped; remembers every accepted one. */
class CandidateStream {
  readonly accepted: Accepted[] = [];
  readonly failures: string[] = [];
  private stopped = false;
  private loop?: Promise<void>;
  private next = 0;

  constructor(private readonly client: AgencyClient, private readonly requisitionId: string) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      const items = Array.from({ length: BULK }, () => {
        const i = this.next++;
        return {
          externalId: `${RUN}-${i}`,
          requisitionId: this.requisitionId,
          candidate: identity(RUN, i, RUN_DIGITS),
          profile: candidateProfile('tech-lead', 'us-metro', 'strong', i),
        };
      });
      try {
        const answer = await this.client.submitBulk(items);
        if (answer.status !== 200) {
          this.failures.push(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        } else {
          for (const r of answer.body.results as { index: number; status: string; candidateId?: string }[]) {
            const item = items[r.index];
            if (r.status === 'sourced' && item && r.candidateId) this.accepted.push({ externalId: item.externalId, candidateId: r.candidateId, submittedAt: started });
            else this.failures.push(`${item?.externalId}: ${r.status}`);
          }
        }
      } catch (error) {
        this.failures.push(error instanceof Error ? error.message : String(error));
      }
      // Pacing of a load generator (a rate, not a wait for a condition).
      const rest = PACE_MS - (Date.now() - started);
      if (rest > 0 && !this.stopped) await new Promise((r) => setTimeout(r, rest));
    }
  }
}

describe('scale-out: three brokers, two instances of screening and scoring, faults under a stream of candidates', () => {
  const kit = new KafkaTestKit(new Kafka(testKafkaConfig({ clientId: uniqueName('scale_out') })));
  const groups: Record<Role, string> = { sourcing: uniqueName('so_sourcing'), screening: uniqueName('so_screening'), scoring: uniqueName('so_scoring') };
  const instances: Record<Role, ServiceProcess[]> = { sourcing: [], screening: [], scoring: [] };
  const faults: FaultRecord[] = [];
  let db: Client;
  let stream: CandidateStream;
  let agency: CreatedAgency;

  const startInstance = async (role: Role): Promise<ServiceProcess> => {
    const p = await ServiceProcess.start({
      app: role,
      from: 'dist',
      env: {
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        OPS_TOKEN,
        KAFKA_CONSUMER_GROUP: groups[role],
        KAFKA_CONSUMER_FROM_BEGINNING: 'false',
        INSTANCE_ID: `${role}-${instances[role].length + 1}`,
        LOG_LEVEL: 'warn',
        // Screening opens sealed profiles with keys from sourcing (started first).
        ...(role !== 'sourcing' && instances.sourcing[0] ? { SOURCING_URL: instances.sourcing[0].url } : {}),
      },
    });
    instances[role].push(p);
    await p.waitUntilReady(90_000);
    return p;
  };
  const live = (role: Role) => instances[role].filter((p) => p.running);
  const logTails = () =>
    (Object.keys(instances) as Role[])
      .flatMap((r) => instances[r].map((p, i) => `--- ${r} #${i + 1} ---\n${p.logs.slice(-1500)}`))
      .join('\n');

  const nodePidFile = (nodeId: number) => resolve(CACHE_DIR, 'kafka', `node-${nodeId}`, 'kafka.pid');
  const killNode = (nodeId: number) => process.kill(Number(readFileSync(nodePidFile(nodeId), 'utf8').trim()), 'SIGKILL');
  /** infra.sh up starts whatever node is missing (and re-checks the rest). */
  const restartMissingNodes = () => run('bash', ['deploy/local/infra.sh', 'up'], { cwd: REPO_ROOT, env: process.env });

  const pipelineTopics = [TOPICS.submissions, TOPICS.candidateSourced, TOPICS.candidateScreened, TOPICS.candidateScored];
  async function partitions() {
    const { topics } = await kit.admin.fetchTopicMetadata({ topics: pipelineTopics });
    return topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })));
  }
  async function groupMembers(groupId: string): Promise<{ state: string; members: number }> {
    const { groups: [g] } = await kit.admin.describeGroups([groupId]);
    return { state: g?.state ?? 'Unknown', members: g?.members.length ?? 0 };
  }

  const scoredCount = async (candidateIds: string[]) =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM scoring.scores WHERE candidate_id = ANY($1::text[])', [candidateIds])).rows[0]?.n ?? 0);
  /** Waits until every candidate accepted so far is scored; returns how long that took. */
  async function drain(what: string): Promise<number> {
    const t0 = Date.now();
    const ids = stream.accepted.map((a) => a.candidateId);
    await waitFor(async () => (await scoredCount(ids)) === ids.length, { timeoutMs: DRAIN_TIMEOUT_MS, intervalMs: 250, description: `${ids.length} candidates scored (${what})` }).catch(
      async (e: Error) => {
        throw new Error(`${e.message}: ${await scoredCount(ids)} scored\n${await whereStuck()}\n${logTails()}`);
      },
    );
    return Date.now() - t0;
  }
  const finalCount = async () =>
    Number(
      (
        await db.query<{ n: string }>("SELECT count(*) AS n FROM sourcing.submission_states WHERE agency_id = $1::uuid AND status IN ('scored', 'rejected')", [
          agency.id,
        ])
      ).rows[0]?.n ?? 0,
    );
  const unpublishedCount = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          // The relays delete what they published: every row left is unpublished.
          `SELECT (SELECT count(*) FROM sourcing.outbox) + (SELECT count(*) FROM screening.outbox) + (SELECT count(*) FROM scoring.outbox) AS n`,
        )
      ).rows[0]?.n ?? 0,
    );
  /** For a failure message: the stage the unscored candidates wait in, and each group's lag per partition. */
  async function whereStuck(): Promise<string> {
    const statuses = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM sourcing.submission_states WHERE agency_id = $1::uuid GROUP BY status', [agency.id]);
    const lines = [`submissions by status: ${JSON.stringify(Object.fromEntries(statuses.rows.map((r) => [r.status, Number(r.n)])))}`];
    for (const [role, topic] of [['screening', TOPICS.candidateSourced], ['scoring', TOPICS.candidateScreened]] as const) {
      const ends = await kit.admin.fetchTopicOffsets(topic);
      const [committed] = await kit.admin.fetchOffsets({ groupId: groups[role], topics: [topic] });
      const lag = ends.map((e) => `${e.partition}:${BigInt(e.high) - BigInt(committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? '0')}`);
      lines.push(`${role} group lag on ${topic} (partition:lag): ${lag.join(' ')}; members ${JSON.stringify(await groupMembers(groups[role]))}`);
    }
    return lines.join('\n');
  }
  const fault = (name: string): FaultRecord => {
    const f: FaultRecord = { name, at: Date.now(), timings: [] };
    faults.push(f);
    return f;
  };
  const measure = async (f: FaultRecord, label: string, fn: () => Promise<unknown>) => {
    const t0 = Date.now();
    await fn();
    f.timings.push([label, Date.now() - t0]);
  };

  beforeAll(async () => {
    expect(CACHE_DIR).not.toBe('');
    await kit.connect();
    const { brokers } = await kit.admin.describeCluster();
    expect(brokers).toHaveLength(3);
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    for (const role of Object.keys(groups) as Role[]) await kit.startGroupAtEnd(groups[role], INPUT_TOPICS[role]);
    // Sourcing's status write-back: one consumer group per status topic.
    for (const g of sourcingKafkaGroups(groups.sourcing).slice(1)) await kit.startGroupAtEnd(g.group, g.topics);
    await startInstance('sourcing');
    for (const role of ['screening', 'scoring'] as const) await Promise.all([startInstance(role), startInstance(role)]);
    const ops = new OpsClient(instances.sourcing[0]?.url ?? '', OPS_TOKEN);
    agency = await createAgency(ops, uniqueName('Scale Out Agency'));
    const req = expectStatus(
      await ops.post('/v1/requisitions', {
        title: 'Technical Lead, scale-out run',
        locationTier: 'us-metro',
        signals: { mlTeamSize: 1, mlArchitectureOwned: false, buildsProprietaryModels: false, mlInProduction: true, mlTechDebtGrowing: false, productMlMisaligned: false, aiFirstProduct: false, partTimeMlLeadership: true },
      }),
      201,
      'requisition',
    );
    expect(req.targetRole).toBe('tech-lead');
    // The stream sends strong profiles only: each must be scored (none rejected at screening).
    expect(expectedScreening(candidateProfile('tech-lead', 'us-metro', 'strong', 0), TODAY).screening.decision).not.toBe('reject');
    stream = new CandidateStream(new AgencyClient(instances.sourcing[0]?.url ?? '', agency), req.id);
  }, 240_000);

  afterAll(async () => {
    await stream?.stop().catch(() => undefined);
    for (const role of Object.keys(instances) as Role[]) for (const p of live(role)) await p.stop('SIGKILL').catch(() => undefined);
    // Kept with the cluster when SCALE_OUT_KEEP=1 (deploy/local/scale-out.sh).
    if (CACHE_DIR) {
      mkdirSync(resolve(CACHE_DIR, 'logs'), { recursive: true });
      for (const role of Object.keys(instances) as Role[]) instances[role].forEach((p, i) => writeFileSync(resolve(CACHE_DIR, 'logs', `${role}-${i + 1}.log`), p.logs));
    }
    await kit.close();
    await db?.end().catch(() => undefined);
  });

  it('splits partitions between two instances of screening and of scoring', async () => {
    for (const role of ['screening', 'scoring'] as const) {
      await waitFor(async () => {
        const g = await groupMembers(groups[role]);
        return g.state === 'Stable' && g.members === 2;
      }, { timeoutMs: 60_000, intervalMs: 250, description: `${role} group stable with 2 members` });
    }
  });

  it('keeps scoring a stream of candidates through a broker kill, rebalances and a leader kill', async () => {
    stream.start();
    try {
      await faultsUnderLoad();
    } finally {
      // A failed step must not leave the stream running into the checks below.
      await stream.stop();
    }
    await drain('end of stream');
    // Scored in the database is not the end: the outbox relays must publish
    // and sourcing must consume the results. Wait (bounded) until every
    // accepted submission is final in sourcing and no outbox row is left
    // unpublished; the next test reports what is missing if that never happens.
    const settle = fault('end of stream');
    const settled = async () => {
      // In sequence: `db` is one pg Client (a second query sent while one runs is deprecated in pg 8, an error in pg 9).
      const final = await finalCount();
      const unpublished = await unpublishedCount();
      return final === stream.accepted.length && unpublished === 0;
    };
    await measure(settle, 'every accepted submission final in sourcing, every outbox row published', () =>
      waitFor(settled, { timeoutMs: SETTLE_TIMEOUT_MS, intervalMs: 250, description: 'pipeline settled' }).catch(() => undefined),
    );
    expect(stream.failures).toEqual([]);
  }, 600_000);

  async function faultsUnderLoad(): Promise<void> {
    const baseline = fault('baseline (no fault)');
    await waitFor(() => stream.accepted.length >= 60, { timeoutMs: 60_000, intervalMs: 100, description: '60 candidates accepted' });
    await measure(baseline, 'all accepted so far scored', () => drain('baseline'));

    // (a) one broker dies without warning and comes back.
    const before = await partitions();
    const victim = 2;
    const a = fault(`(a) SIGKILL broker ${victim}, restart it`);
    killNode(victim);
    const led = before.filter((p) => p.leader === victim).length;
    await measure(a, `${led} partitions led by it have a new leader`, () =>
      waitFor(async () => (await partitions()).every((p) => p.leader !== victim && p.leader >= 0), { timeoutMs: 60_000, intervalMs: 100, description: `leaders moved off broker ${victim}` }),
    );
    await measure(a, 'broker restarted (infra.sh up)', restartMissingNodes);
    await measure(a, 'every partition back to 3 in-sync replicas', () =>
      waitFor(async () => (await partitions()).every((p) => p.isr.length === 3), { timeoutMs: 90_000, intervalMs: 250, description: 'ISR of 3 everywhere' }),
    );
    await measure(a, 'all accepted so far scored', () => drain('after broker kill'));

    // (b) instances join and leave: a graceful leave (SIGTERM) and a crash (SIGKILL).
    const b = fault('(b) +1 screening +1 scoring, then SIGTERM one scoring, SIGKILL one screening');
    await measure(b, 'third instances ready', () => Promise.all([startInstance('screening'), startInstance('scoring')]));
    await measure(b, 'groups stable with 3 members', () =>
      waitFor(async () => {
        const [s, c] = await Promise.all([groupMembers(groups.screening), groupMembers(groups.scoring)]);
        return s.state === 'Stable' && s.members === 3 && c.state === 'Stable' && c.members === 3;
      }, { timeoutMs: 60_000, intervalMs: 100, description: 'screening and scoring groups stable with 3 members' }),
    );
    const leaving = live('scoring')[0] as ServiceProcess;
    const crashing = live('screening')[2] as ServiceProcess;
    const exit = await leaving.stop('SIGTERM');
    expect(exit.code).toBe(0);
    await crashing.stop('SIGKILL');
    await measure(b, 'groups stable with 2 members (a crash waits for the session timeout)', () =>
      waitFor(async () => {
        const [s, c] = await Promise.all([groupMembers(groups.screening), groupMembers(groups.scoring)]);
        return s.state === 'Stable' && s.members === 2 && c.state === 'Stable' && c.members === 2;
      }, { timeoutMs: 90_000, intervalMs: 100, description: 'screening and scoring groups stable with 2 members' }),
    );
    await measure(b, 'all accepted so far scored', () => drain('after rebalances'));

    // (c) the leader of the scored topic's partition 0 dies.
    const leader = (await partitions()).find((p) => p.topic === TOPICS.candidateScored && p.partitionId === 0)?.leader ?? -1;
    expect(leader).toBeGreaterThan(0);
    const c = fault(`(c) SIGKILL broker ${leader}, leader of ${TOPICS.candidateScored}[0], restart it`);
    killNode(leader);
    await measure(c, `${TOPICS.candidateScored}[0] has a new leader`, () =>
      waitFor(async () => {
        const p = (await partitions()).find((x) => x.topic === TOPICS.candidateScored && x.partitionId === 0);
        return p !== undefined && p.leader !== leader && p.leader >= 0;
      }, { timeoutMs: 60_000, intervalMs: 100, description: 'new leader of the scored topic partition 0' }),
    );
    await measure(c, 'all accepted so far scored (2 of 3 brokers)', () => drain('after leader kill'));
    await measure(c, 'broker restarted (infra.sh up)', restartMissingNodes);
    await measure(c, 'every partition back to 3 in-sync replicas', () =>
      waitFor(async () => (await partitions()).every((p) => p.isr.length === 3), { timeoutMs: 90_000, intervalMs: 250, description: 'ISR of 3 everywhere' }),
    );

  }

  /** A consumer that never read `topic`, from offset 0 to the current end: the distinct event ids per wanted key. */
  async function eventsFromStart(topic: string, keys: readonly string[]): Promise<{ eventsByKey: Map<string, Set<string>>; records: number }> {
    const ends = await kit.admin.fetchTopicOffsets(topic);
    const reader = kit.kafka.consumer({ groupId: uniqueName('so_replay') });
    const eventsByKey = new Map<string, Set<string>>();
    let records = 0;
    const reached = new Map<number, bigint>();
    await reader.connect();
    await reader.subscribe({ topics: [topic], fromBeginning: true });
    const wanted = new Set(keys);
    await reader.run({
      eachMessage: async ({ partition, message }) => {
        reached.set(partition, BigInt(message.offset) + 1n);
        const key = message.key?.toString() ?? '';
        if (!wanted.has(key) || !message.value) return;
        records += 1;
        const event = JSON.parse(message.value.toString()) as { id: string };
        const set = eventsByKey.get(key) ?? new Set<string>();
        set.add(event.id);
        eventsByKey.set(key, set);
      },
    });
    await waitFor(() => ends.every((e) => BigInt(e.high) === 0n || (reached.get(e.partition) ?? 0n) >= BigInt(e.high)), {
      timeoutMs: 60_000,
      intervalMs: 200,
      description: `fresh consumer read ${topic} to its end`,
    });
    await reader.disconnect();
    return { eventsByKey, records };
  }

  it('lost nothing, applied nothing twice, scored each candidate once, and the scored topic is complete from offset 0', async () => {
    const accepted = stream.accepted;
    const ids = accepted.map((a) => a.candidateId);
    expect(new Set(ids).size).toBe(ids.length);

    const subs = await db.query<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM sourcing.submission_states WHERE agency_id = $1::uuid GROUP BY status',
      [agency.id],
    );
    const byStatus = Object.fromEntries(subs.rows.map((r) => [r.status, Number(r.n)]));
    const scoredRows = await db.query<{ candidate_id: string; latency_ms: string; received_ms: string }>(
      `SELECT sc.candidate_id,
              (extract(epoch FROM sc.scored_at - s.received_at) * 1000)::bigint AS latency_ms,
              (extract(epoch FROM s.received_at) * 1000)::bigint AS received_ms
         FROM scoring.scores sc JOIN sourcing.submissions s ON s.candidate_id::text = sc.candidate_id
        WHERE s.agency_id = $1::uuid`,
      [agency.id],
    );
    const scored = await eventsFromStart(TOPICS.candidateScored, ids);
    const screened = await eventsFromStart(TOPICS.candidateScreened, ids);
    const eventsByCandidate = scored.eventsByKey;
    const records = scored.records;

    // Disk per candidate (tables + indexes of the three schemas), for docs/capacity.md.
    const size = await db.query<{ schema: string; bytes: string }>(
      `SELECT n.nspname AS schema, sum(pg_total_relation_size(c.oid))::bigint AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname IN ('sourcing', 'screening', 'scoring') GROUP BY n.nspname`,
    );
    const bytesPerCandidate = Object.fromEntries(size.rows.map((r) => [r.schema, Math.round(Number(r.bytes) / accepted.length)]));

    const missingOnTopic = ids.filter((id) => !eventsByCandidate.has(id)).length;
    const scoredTwiceOnTopic = [...eventsByCandidate.values()].filter((s) => s.size > 1).length;
    const finalStates = (byStatus.scored ?? 0) + (byStatus.rejected ?? 0);
    const counts = {
      accepted: accepted.length,
      'accepted lost (not in a final state)': accepted.length - finalStates,
      'submissions by status': byStatus,
      'scored in scoring.scores': scoredRows.rows.length,
      'screened twice (screened topic from offset 0: candidates with >1 distinct event)': [...screened.eventsByKey.values()].filter((set) => set.size > 1).length,
      'scored topic from offset 0: candidates': eventsByCandidate.size,
      'scored topic from offset 0: records': records,
      'scored topic: candidates missing': missingOnTopic,
      'scored topic: candidates with >1 distinct event': scoredTwiceOnTopic,
      'scored topic: records delivered more than once (same event id; consumers dedupe)': records - [...eventsByCandidate.values()].reduce((n, set) => n + set.size, 0),
      'outbox rows not published (3 services)': await unpublishedCount(),
      'database bytes per candidate (tables + indexes, inbox not pruned; the outbox deletes what it published)': bytesPerCandidate,
    };

    // What each fault cost: its own recovery timings, and the end-to-end
    // latency (received by sourcing -> scored) of candidates received in the
    // window after it, against the baseline's.
    const latencies = scoredRows.rows.map((r) => ({ at: Number(r.received_ms), ms: Number(r.latency_ms) }));
    const windowStats = (from: number, to: number) => {
      const xs = latencies.filter((l) => l.at >= from && l.at < to).map((l) => l.ms).sort((x, y) => x - y);
      if (xs.length === 0) return 'no candidates';
      const pct = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
      return `${xs.length} candidates, latency p50 ${fmt(pct(0.5))}, max ${fmt(xs[xs.length - 1] ?? 0)}`;
    };
    const lines = ['', '==== scale-out: counts ====', JSON.stringify(counts, null, 2), '', '==== scale-out: faults ===='];
    faults.forEach((f, i) => {
      if (f.name === 'end of stream') {
        lines.push(`${f.name}`);
        for (const [label, ms] of f.timings) lines.push(`    ${label.padEnd(72)} ${fmt(ms)}`);
        return;
      }
      const to = i === 0 ? (faults[1]?.at ?? Date.now()) : f.at + FAULT_WINDOW_MS;
      lines.push(`${f.name}`);
      for (const [label, ms] of f.timings) lines.push(`    ${label.padEnd(72)} ${fmt(ms)}`);
      lines.push(`    candidates received ${i === 0 ? 'before the first fault' : `in the ${FAULT_WINDOW_MS / 1000}s after it`}: ${windowStats(f.at, to)}`);
    });
    lines.push(`instances at the end: screening ${live('screening').length}, scoring ${live('scoring').length}; stream: ${BULK} candidates every ${PACE_MS} ms`);
    // How the services recovered, from their logs (all instances, stopped ones too).
    const occurrences = (text: string) =>
      Object.fromEntries((Object.keys(instances) as Role[]).map((r) => [r, instances[r].reduce((n, p) => n + p.logs.split(text).length - 1, 0)]));
    lines.push('', '==== scale-out: recoveries in the services\' logs ====');
    lines.push(`    sends refused, a partition never acknowledged (sent again): ${JSON.stringify(occurrences('acknowledged the send but not for'))}`);
    lines.push(`    Kafka producers replaced (idempotence state lost):        ${JSON.stringify(occurrences('producer replaced'))} relay ${JSON.stringify(occurrences('replaces its Kafka producer'))}`);
    lines.push(`    kafkajs consumer restarts after a crash:                   ${JSON.stringify(occurrences('Restarting the consumer'))}`);
    console.log(lines.join('\n'));

    expect({
      lost: counts['accepted lost (not in a final state)'],
      rejected: byStatus.rejected ?? 0,
      screenedTwice: counts['screened twice (screened topic from offset 0: candidates with >1 distinct event)'],
      scored: counts['scored in scoring.scores'],
      missingOnTopic,
      scoredTwiceOnTopic,
    }).toEqual({ lost: 0, rejected: 0, screenedTwice: 0, scored: accepted.length, missingOnTopic: 0, scoredTwiceOnTopic: 0 });
    expect(accepted.length).toBeGreaterThan(200);
  }, 120_000);
});
