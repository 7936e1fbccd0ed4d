// `hiring status` against the monitor running as a process on the real broker
// and database: candidates of a unique agency go through the real topics, and
// the command (the real CLI as a child process) prints exactly their numbers.
// Also: --watch redraws and ends cleanly on Ctrl-C; an unreachable monitor and
// a wrong token are reported clearly with their exit codes.
import { randomUUID } from 'node:crypto';
import { buildEvent, EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA } from '@hiring/contracts/testing';
import { freePort, KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor } from '@hiring/testing';
import { runHiring, startHiring } from '../testing/run-hiring';

jest.setTimeout(120_000);

const OPS_TOKEN = 'cli-status-int-test-ops-token';
const MONITOR_TOPICS = [TOPICS.candidateSourced, TOPICS.candidateScreened, TOPICS.candidateScored, TOPICS.offerDecided, TOPICS.candidateErased];
const groupId = uniqueName('cli_status_it');
const agencyId = uniqueName('agency').replace(/_/g, '-');
const requisitionId = uniqueName('req').replace(/_/g, '-');
const kit = new KafkaTestKit();
let monitor: ServiceProcess;
let env: NodeJS.ProcessEnv;

const common = (candidateId: string) => ({ candidateId, submissionId: `sub-${candidateId}`, agencyId, requisitionId, role: 'ai-tech-lead' as const, locationTier: 'uk-london' as const });

async function source(candidateId: string): Promise<void> {
  const { profile } = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced];
  const event = buildEvent(EVENT_TYPES.candidateSourced, { source: '/tests/cli', data: { ...common(candidateId), sourcedAt: '2026-03-02T09:00:00.000Z', profile } });
  await kit.produce(TOPICS.candidateSourced, { key: candidateId, value: JSON.stringify(event) });
}

async function screen(candidateId: string, decision: 'advance' | 'reject'): Promise<void> {
  const { rubric, rules, counts, interviewKit } = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScreened];
  const event = buildEvent(EVENT_TYPES.candidateScreened, {
    source: '/tests/cli',
    data: { ...common(candidateId), decision, rubric, rules, counts, interviewKit, screenedAt: '2026-03-02T09:30:00.000Z' },
  });
  await kit.produce(TOPICS.candidateScreened, { key: candidateId, value: JSON.stringify(event) });
}

beforeAll(async () => {
  await kit.connect();
  await kit.startGroupAtEnd(groupId, MONITOR_TOPICS);
  monitor = await ServiceProcess.start({
    app: 'monitor',
    env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_CONSUMER_GROUP: groupId, OPS_TOKEN, MONITOR_BROKER_CACHE_MS: '500' },
  });
  await monitor.waitUntilReady();
  env = { MONITOR_URL: monitor.url, OPS_TOKEN };
}, 90_000);

afterAll(async () => {
  await monitor?.stop('SIGTERM');
  await kit.close();
});

describe('hiring status (monitor process, real Kafka + Postgres)', () => {
  const a = `cand-${randomUUID()}`;
  const b = `cand-${randomUUID()}`;
  const c = `cand-${randomUUID()}`;

  it('prints the stage table of this agency, then the same numbers as JSON', async () => {
    await Promise.all([source(a), source(b), source(c)]);
    await Promise.all([screen(a, 'advance'), screen(b, 'reject')]);

    const json = await waitFor(
      async () => {
        const run = await runHiring(['status', '--agency', agencyId, '--json'], undefined, env);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const s = JSON.parse(run.stdout) as { stages: { sourced: number; screened: { total: number } } };
        return s.stages.sourced === 3 && s.stages.screened.total === 2 ? s : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 500, description: 'status --json shows 3 sourced and 2 screened' },
    );
    expect(json).toMatchObject({ filter: { agencyId }, stages: { sourced: 3, screened: { total: 2, advance: 1, reject: 1, review: 0, 'needs-interview': 0 }, scored: { total: 0 } } });

    const text = await runHiring(['status', '--agency', agencyId], undefined, env);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toContain(`pipeline (agency ${agencyId}) at `);
    expect(text.stdout).toMatch(/^sourced\s+3\s*$/m);
    expect(text.stdout).toMatch(/^screened\s+2\s+advance 1 · review 0 · needs-interview 0 · reject 1$/m);
    expect(text.stdout).toMatch(/^sourced -> screened\s+3\s+2\s+67%$/m);
    // Lag of the monitor's own group is listed (it reads the broker itself).
    expect(text.stdout).toMatch(/^consumer group\s+state\s+members\s+lag$/m);
    expect(text.stdout).toMatch(/^dead letters/m);
  });

  it('--watch redraws as numbers change and exits 0 on Ctrl-C', async () => {
    const watch = startHiring(['status', '--watch', '--interval', '0.5', '--requisition', requisitionId, '--json'], env);
    try {
      await waitFor(() => (watch.stdout().includes('"sourced":3') ? true : undefined), { timeoutMs: 20_000, intervalMs: 100, description: 'a first frame with 3 sourced' });
      const d = `cand-${randomUUID()}`;
      await source(d);
      await waitFor(() => (watch.stdout().includes('"sourced":4') ? true : undefined), { timeoutMs: 30_000, intervalMs: 100, description: 'a later frame with the 4th candidate' });
    } finally {
      const exit = await watch.interrupt();
      expect(exit.stderr).toBe('');
      expect(exit.code).toBe(0);
    }
    const frames = watch.stdout().trim().split('\n');
    expect(frames.length).toBeGreaterThanOrEqual(2);
    for (const f of frames) expect(JSON.parse(f)).toMatchObject({ filter: { requisitionId } });
  });

  it('a monitor that does not answer: a clear message and exit 4', async () => {
    const port = await freePort();
    const run = await runHiring(['status'], undefined, { MONITOR_URL: `http://127.0.0.1:${port}`, OPS_TOKEN });
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`hiring status: the monitor did not answer at http://127.0.0.1:${port} (ECONNREFUSED); is it running?`);
  });

  it('--watch keeps trying while the monitor is unreachable, saying so, and still exits 0 on Ctrl-C', async () => {
    const port = await freePort();
    const watch = startHiring(['status', '--watch', '--interval', '0.5'], { MONITOR_URL: `http://127.0.0.1:${port}`, OPS_TOKEN });
    await waitFor(() => ((watch.stdout().match(/the monitor did not answer/g) ?? []).length >= 2 ? true : undefined), {
      timeoutMs: 20_000,
      intervalMs: 100,
      description: 'two "did not answer" frames',
    });
    const exit = await watch.interrupt();
    expect(exit.code).toBe(0);
  });

  it('a wrong ops token: exit 2 and what to set', async () => {
    const run = await runHiring(['status'], undefined, { MONITOR_URL: monitor.url, OPS_TOKEN: 'not-the-token-of-this-monitor' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hiring status: the monitor refused the ops token: set OPS_TOKEN to its token\n');
  });
});
