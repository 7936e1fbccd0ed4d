// Resilience suite, database outage: Postgres stopped for ~20 s while events
// flow, then started again. The postmaster gets SIGINT, which is exactly what
// `pg_ctl stop -m fast` sends: every session is terminated and new connections
// are refused until `infra.sh up` starts it again, as in a crash, a restart or
// a failover. A SIGSTOP of the postmaster would not model an outage: the
// backends serving the services' pooled connections keep running, so the
// services would barely notice. During the outage the HTTP routes must answer
// 503 with Retry-After (nothing accepted, nothing half-stored).
import { waitFor } from '@hiring/testing';
import { expectStatus } from '../support/agency-client';
import { holdFault, infraUp, signalInfra, waitForExit } from '../support/infra-faults';
import { ResilienceRun } from '../support/resilience-run';
import { scenario } from '../support/scorecard';

const OUTAGE_MS = 20_000;
const BULK = 100;
const TRIES_DURING_OUTAGE = 5;

describe('resilience: database outage', () => {
  let r: ResilienceRun;

  beforeAll(async () => {
    r = await ResilienceRun.start();
  }, 180_000);

  afterAll(async () => {
    // Whatever failed, leave a running database behind.
    await infraUp().catch(() => undefined);
    await r?.stop();
  });

  it('Postgres stopped ~20 s (fast shutdown) while events flow, started again: 503 meanwhile, none lost, none twice', async () => {
    await scenario('postgres-stop', `pg fast shutdown (SIGINT) ${OUTAGE_MS / 1000} s during a ${BULK}-item bulk, start again`, async () => {
      const tag = 'pg';
      const marks = await r.topicMarks();
      const accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
      await waitFor(
        async () =>
          (await r.countWhere(
            `SELECT count(*) AS n FROM screening.screenings WHERE candidate_id IN (SELECT candidate_id::text FROM sourcing.submissions WHERE external_id LIKE $1)`,
            [`${r.prefix(tag)}%`],
          )) > 0,
        { timeoutMs: 60_000, intervalMs: 50, description: 'screening started on the bulk' },
      );
      const finalAtStop = await r.countWhere(`SELECT count(*) AS n FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id WHERE s.external_id LIKE $1 AND status = 'scored'`, [`${r.prefix(tag)}%`]);
      const pid = await signalInfra('postgres', 'SIGINT');
      const stoppedAt = Date.now();
      await waitForExit(pid, 'the postmaster');
      // Submissions during the outage: each must be refused with 503 + Retry-After, none accepted.
      const answers: string[] = [];
      for (let i = 0; i < TRIES_DURING_OUTAGE; i += 1) {
        const res = await fetch(`${r.pipeline.services.sourcing.url}/v1/submissions`, {
          method: 'POST',
          headers: { 'x-api-key': r.agencyA.apiKey, 'content-type': 'application/json' },
          body: JSON.stringify(r.submissionOf(BULK + i, tag)),
        });
        answers.push(`${res.status}${res.headers.get('retry-after') ? `+RA${res.headers.get('retry-after')}` : ''}`);
      }
      await holdFault(OUTAGE_MS - (Date.now() - stoppedAt));
      await infraUp();
      const upAt = Date.now();
      expect(answers.every((a) => a.startsWith('503+RA'))).toBe(true);
      const counts = await r.expectIntact(r.prefix(tag), accepted, marks, 180_000);
      return `scored at stop ${finalAtStop}/${BULK}; during outage ${answers.join(',')}; down ${upAt - stoppedAt} ms, all final ${Date.now() - upAt} ms after the start; ${counts}`;
    });
  });
});
