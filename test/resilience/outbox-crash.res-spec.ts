// Resilience suite, a crash between commit and publish, in the real sourcing
// service: the broker is frozen (SIGSTOP) so the outbox relay cannot publish,
// a bulk is accepted (submissions and their outbox rows committed together),
// sourcing is SIGKILLed with those rows unpublished, the broker resumes and a
// new sourcing process starts. Its relay must publish every row (at least
// once: a produce request the frozen broker had already buffered may land as
// well), and the consumers' inboxes must apply each event once.
import { waitFor } from '@hiring/testing';
import { expectStatus } from '../support/agency-client';
import { signalInfra } from '../support/infra-faults';
import { ResilienceRun } from '../support/resilience-run';
import { scenario } from '../support/scorecard';

const BULK = 100;

describe('resilience: crash between commit and publish', () => {
  let r: ResilienceRun;
  let frozenBroker: number | undefined;

  beforeAll(async () => {
    r = await ResilienceRun.start();
  }, 180_000);

  afterAll(async () => {
    if (frozenBroker !== undefined) process.kill(frozenBroker, 'SIGCONT');
    await r?.stop();
  });

  it('sourcing SIGKILLed after the commit, before the relay published: every event published, each applied once', async () => {
    await scenario('commit-publish-crash', `broker frozen, ${BULK}-item bulk committed, SIGKILL sourcing, resume, restart`, async () => {
      const tag = 'cp';
      const prefix = r.prefix(tag);
      const marks = await r.topicMarks();
      const unpublished = () =>
        r.countWhere(
          `SELECT count(*) AS n FROM sourcing.outbox WHERE published_at IS NULL AND topic = 'recruiting.candidate-sourced.v1'
             AND key IN (SELECT candidate_id::text FROM sourcing.submissions WHERE external_id LIKE $1)`,
          [`${prefix}%`],
        );
      frozenBroker = await signalInfra('kafka', 'SIGSTOP');
      let accepted: number;
      let unpublishedAtCrash: number;
      try {
        accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
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
