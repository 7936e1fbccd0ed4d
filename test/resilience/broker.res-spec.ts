// Resilience suite, broker faults: the Kafka broker SIGKILLed while events
// flow and started again, and the broker frozen (SIGSTOP) for longer than the
// consumers' session timeout, then resumed (SIGCONT). Submissions keep coming
// in over HTTP during each outage. Last, a crash between commit and publish in
// the real sourcing service: the broker is frozen so the outbox relay cannot
// publish, a bulk is accepted (submissions and their outbox rows committed
// together), sourcing is SIGKILLed with those rows unpublished, the broker
// resumes and a new sourcing process starts; its relay must publish every row
// (at least once: a produce request the frozen broker had already buffered may
// land as well) and the consumers' inboxes apply each event once. Checked from the database and the topics:
// accepted lost 0, nothing applied or emitted twice, every accepted submission
// in one final state.
import { waitFor } from '@hiring/testing';
import { expectStatus } from '../support/agency-client';
import { holdFault, infraPid, infraUp, signalInfra, waitForExit } from '../support/infra-faults';
import { ResilienceRun } from '../support/resilience-run';
import { scenario } from '../support/scorecard';

/** The services' consumer session timeout (KAFKA_SESSION_TIMEOUT_MS default, libs/platform service config). */
const SESSION_TIMEOUT_MS = 10_000;
const BULK = 100;
const DURING_OUTAGE = 30;
const CRASH_BULK = 100;

describe('resilience: broker faults', () => {
  let r: ResilienceRun;
  /** The broker while a scenario holds it frozen: resumed whatever happens. */
  let frozenBroker: number | undefined;

  beforeAll(async () => {
    r = await ResilienceRun.start();
  }, 180_000);

  afterAll(async () => {
    // Whatever failed, leave a running broker behind (a frozen one is resumed, a dead one restarted).
    if (frozenBroker !== undefined) process.kill(frozenBroker, 'SIGCONT');
    const pid = await infraPid('kafka').catch(() => undefined);
    if (pid !== undefined) process.kill(pid, 'SIGCONT');
    else await infraUp().catch(() => undefined);
    await r?.stop();
  });

  /** A bulk of `count` submissions from `from`; resolves with how many the answer accepted (0 if the call failed). */
  const submitBulk = async (tag: string, from: number, count: number): Promise<number> => {
    const items = Array.from({ length: count }, (_, i) => r.submissionOf(from + i, tag));
    const answer = await r.clientA.submitBulk(items);
    return answer.status === 200 ? Number(answer.body.summary.accepted) : 0;
  };

  /** Resolves once the first submission with this prefix has been screened: events are flowing. */
  const screeningStarted = (tag: string) =>
    r.countWhere(
      `SELECT count(*) AS n FROM screening.screenings WHERE candidate_id IN (SELECT candidate_id::text FROM sourcing.submissions WHERE external_id LIKE $1)`,
      [`${r.prefix(tag)}%`],
    );

  it('broker SIGKILLed while events flow, submissions accepted while it is down, broker restarted: none lost, none twice', async () => {
    await scenario('broker-kill', `SIGKILL the broker during a ${BULK}-item bulk, ${DURING_OUTAGE} more while down, restart`, async () => {
      const tag = 'bk';
      const marks = await r.topicMarks();
      let accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
      await waitFor(async () => (await screeningStarted(tag)) > 0, { timeoutMs: 60_000, intervalMs: 50, description: 'screening started on the bulk' });
      const screenedAtKill = await screeningStarted(tag);
      const pid = await signalInfra('kafka', 'SIGKILL');
      const killedAt = Date.now();
      await waitForExit(pid, 'the broker');
      accepted += await submitBulk(tag, BULK, DURING_OUTAGE);
      await infraUp();
      const upAfterMs = Date.now() - killedAt;
      const counts = await r.expectIntact(r.prefix(tag), accepted, marks, 180_000);
      return `screened at kill ${screenedAtKill}/${BULK}; accepted while down ${accepted - BULK}/${DURING_OUTAGE}; broker up ${upAfterMs} ms, all final ${Date.now() - killedAt} ms after the kill; ${counts}`;
    });
  });

  it('broker frozen (SIGSTOP) beyond the session timeout, then SIGCONT: none lost, none twice', async () => {
    const holdMs = SESSION_TIMEOUT_MS + 5_000;
    await scenario('broker-stop', `SIGSTOP the broker ${holdMs / 1000} s (session timeout ${SESSION_TIMEOUT_MS / 1000} s) during a ${BULK}-item bulk, SIGCONT`, async () => {
      const tag = 'bs';
      const marks = await r.topicMarks();
      let accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
      await waitFor(async () => (await screeningStarted(tag)) > 0, { timeoutMs: 60_000, intervalMs: 50, description: 'screening started on the bulk' });
      const screenedAtStop = await screeningStarted(tag);
      const pid = await signalInfra('kafka', 'SIGSTOP');
      const stoppedAt = Date.now();
      try {
        accepted += await submitBulk(tag, BULK, DURING_OUTAGE);
        await holdFault(holdMs - (Date.now() - stoppedAt));
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      const resumedAt = Date.now();
      const counts = await r.expectIntact(r.prefix(tag), accepted, marks, 180_000);
      return `screened at stop ${screenedAtStop}/${BULK}; accepted while frozen ${accepted - BULK}/${DURING_OUTAGE}; frozen ${resumedAt - stoppedAt} ms, all final ${Date.now() - resumedAt} ms after SIGCONT; ${counts}`;
    });
  });

  it('sourcing SIGKILLed after the commit, before the relay published: every event published, each applied once', async () => {
    await scenario('commit-publish-crash', `broker frozen, ${CRASH_BULK}-item bulk committed, SIGKILL sourcing, resume, restart`, async () => {
      const tag = 'cp';
      const prefix = r.prefix(tag);
      const marks = await r.topicMarks();
      const unpublished = () =>
        r.countWhere(
          `SELECT count(*) AS n FROM sourcing.outbox WHERE topic = 'recruiting.candidate-sourced.v1'
             AND key IN (SELECT candidate_id::text FROM sourcing.submissions WHERE external_id LIKE $1)`,
          [`${prefix}%`],
        );
      frozenBroker = await signalInfra('kafka', 'SIGSTOP');
      let accepted: number;
      let unpublishedAtCrash: number;
      try {
        accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: CRASH_BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
        // Committed: every accepted submission has its candidate-sourced row in the outbox, none published.
        await waitFor(async () => (await unpublished()) === accepted, { timeoutMs: 30_000, intervalMs: 100, description: `${accepted} unpublished outbox rows` });
        const exit = await r.pipeline.services.sourcing.stop('SIGKILL');
        expect(exit.signal).toBe('SIGKILL');
        unpublishedAtCrash = await unpublished();
      } finally {
        process.kill(frozenBroker, 'SIGCONT');
        frozenBroker = undefined;
      }
      await r.restart('sourcing');
      const restartedAt = Date.now();
      await waitFor(async () => (await unpublished()) === 0, { timeoutMs: 60_000, intervalMs: 200, description: 'the new relay published every row' });
      const publishedAfterMs = Date.now() - restartedAt;
      const counts = await r.expectIntact(prefix, accepted, marks, 180_000);
      return `unpublished at the crash ${unpublishedAtCrash}/${accepted}; all published ${publishedAfterMs} ms after the restart; ${counts}`;
    });
  });
});
