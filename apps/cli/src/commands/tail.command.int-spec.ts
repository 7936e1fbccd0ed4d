// `hiring tail scores` on the real broker: the real CLI follows
// recruiting.candidate-scored.v1 from now on; scores produced after it says it
// is following come out one line each (text and --json), a tombstone as an
// erasure, a record that is not an event as a warning; Ctrl-C exits 0.
import { randomUUID } from 'node:crypto';
import { buildEvent, EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA } from '@hiring/contracts/testing';
import { freePort, KafkaTestKit, testKafkaBrokers, waitFor } from '@hiring/testing';
import { runHiring, startHiring, type RunningHiring } from '../testing/run-hiring';

jest.setTimeout(120_000);

const kit = new KafkaTestKit();
const env = { KAFKA_BROKERS: testKafkaBrokers().join(',') };
const requisitionId = `req-${randomUUID()}`;

function scored(candidateId: string, score: number, decision: 'advance' | 'review' | 'reject') {
  const { breakdown, penalties, rubric } = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored];
  return buildEvent(EVENT_TYPES.candidateScored, {
    source: '/tests/cli',
    data: { candidateId, submissionId: `sub-${candidateId}`, agencyId: 'agency-cli-tail', requisitionId, role: 'tech-lead', locationTier: 'uk-london', score, breakdown, penalties, decision, rubric, scoredAt: '2026-03-02T09:15:00.000Z' },
  });
}

async function following(run: RunningHiring): Promise<void> {
  await waitFor(() => (run.stderr().includes(`following ${TOPICS.candidateScored} from now`) ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 100,
    description: 'tail says it is following',
  });
}

beforeAll(() => kit.connect());
afterAll(() => kit.close());

describe('hiring tail scores (real Kafka)', () => {
  it('prints one line per score produced after it started, a tombstone as an erasure, and exits 0 on Ctrl-C', async () => {
    const tail = startHiring(['tail', 'scores'], env);
    const a = `cand-${randomUUID()}`;
    const b = `cand-${randomUUID()}`;
    try {
      await following(tail);
      await kit.produce(TOPICS.candidateScored, { key: a, value: JSON.stringify(scored(a, 81, 'advance')) }, { key: b, value: JSON.stringify(scored(b, 12, 'reject')) });
      await kit.produce(TOPICS.candidateScored, { key: a, value: null });
      await waitFor(() => (tail.stdout().includes(`${a}  erased`) && tail.stdout().includes(b) ? true : undefined), { timeoutMs: 30_000, intervalMs: 100, description: 'both scores and the tombstone' });
    } finally {
      const exit = await tail.interrupt();
      expect(exit.code).toBe(0);
    }
    const lines = tail.stdout().trim().split('\n');
    expect(lines).toContain(`2026-03-02T09:15:00.000Z  ${a}  ${requisitionId}  tech-lead  score  81  advance`);
    expect(lines).toContain(`2026-03-02T09:15:00.000Z  ${b}  ${requisitionId}  tech-lead  score  12  reject`);
    expect(lines.filter((l) => l.includes(a))).toHaveLength(2);
  });

  it('--json prints one object per line; a record that is not an event is skipped with a warning', async () => {
    const tail = startHiring(['tail', 'scores', '--json'], env);
    const c = `cand-${randomUUID()}`;
    try {
      await following(tail);
      const bad = await kit.produce(TOPICS.candidateScored, { key: `cand-${randomUUID()}`, value: 'not json' });
      await kit.produce(TOPICS.candidateScored, { key: c, value: JSON.stringify(scored(c, 64, 'review')) });
      await waitFor(() => (tail.stdout().includes(c) && tail.stderr().includes('skipped') ? true : undefined), { timeoutMs: 30_000, intervalMs: 100, description: 'the score and the warning' });
      expect(tail.stderr()).toContain(`skipped ${TOPICS.candidateScored}/${bad.partition}/${bad.offset}: value is not JSON`);
    } finally {
      expect((await tail.interrupt()).code).toBe(0);
    }
    const mine = tail
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['candidateId'] === c);
    expect(mine).toEqual([
      expect.objectContaining({ candidateId: c, agencyId: 'agency-cli-tail', requisitionId, role: 'tech-lead', score: 64, decision: 'review', scoredAt: '2026-03-02T09:15:00.000Z' }),
    ]);
  });

  it('Kafka that does not answer: a clear message and exit 4', async () => {
    const port = await freePort();
    const run = await runHiring(['tail', 'scores'], undefined, { KAFKA_BROKERS: `127.0.0.1:${port}` });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`hiring tail scores: Kafka at 127.0.0.1:${port} (KAFKA_BROKERS) did not answer`);
  });
});
