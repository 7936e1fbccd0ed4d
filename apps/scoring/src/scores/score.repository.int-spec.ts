// The score repository against the real database: a screening and an erasure
// of the same candidate handled at the same moment (they come from different
// topics) must not leave a score behind, whichever commits first.
import { randomUUID } from 'node:crypto';
import { asTx, createServiceDataSource, runMigrationsLocked } from '@hiring/platform';
import { someoneWaitsForEntityLock, testDatabaseUrl, waitFor } from '@hiring/testing';
import { EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { AI_TECH_LEAD_RUBRIC_2026_03, scoreScreening, screenCandidate, validateCandidateProfile } from '@hiring/domain';
import type { DataSource, QueryRunner } from 'typeorm';
import { SCORING_DATABASE } from '../database/scoring.database';
import { toScoreRecord } from './score.mapper';
import type { ScoreRecord } from './score.model';
import { CANDIDATE_LOCK_SCOPE, ScoreRepository } from './score.repository';

let dataSource: DataSource;
let repository: ScoreRepository;

/** A real score of the example profile, as the use case would store it. */
function record(candidateId: string): ScoreRecord {
  const checked = validateCandidateProfile(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
  if (!checked.ok) throw new Error('example profile invalid');
  const screening = screenCandidate(checked.value, AI_TECH_LEAD_RUBRIC_2026_03);
  const now = new Date();
  const input = { candidateId, submissionId: `sub-${candidateId}`, agencyId: 'agency-it', requisitionId: 'req-it', role: 'ai-tech-lead', locationTier: 'uk-london', screening, screenedAt: now } as const;
  return toScoreRecord(input, scoreScreening(screening, AI_TECH_LEAD_RUBRIC_2026_03), now);
}

async function scoreRows(candidateId: string): Promise<unknown[]> {
  return dataSource.query('SELECT 1 FROM scoring.scores WHERE candidate_id = $1', [candidateId]) as Promise<unknown[]>;
}

beforeAll(async () => {
  dataSource = createServiceDataSource({ ...SCORING_DATABASE, url: testDatabaseUrl(), service: 'scoring-repository-it' });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource, SCORING_DATABASE.schema);
  repository = new ScoreRepository(dataSource);
}, 60_000);

afterAll(async () => {
  await dataSource?.destroy();
});

describe('score repository: screening and erasure of one candidate at the same moment (real Postgres)', () => {
  it('an erasure that starts while a screening is uncommitted still removes its score', async () => {
    const candidateId = `cand-${randomUUID()}`;
    const screening: QueryRunner = dataSource.createQueryRunner();
    await screening.connect();
    await screening.startTransaction();
    try {
      expect(await repository.saveLatest(asTx(screening.manager), [record(candidateId)])).toEqual(new Set([candidateId]));

      let erasureDone = false;
      const erasure = dataSource.transaction((manager) => repository.erase(asTx(manager), [candidateId])).finally(() => {
        erasureDone = true;
      });
      // Either the erasure queues behind the screening's lock, or (without
      // the lock) it finishes on its own before the screening commits.
      await waitFor(async () => erasureDone || (await someoneWaitsForEntityLock(dataSource, CANDIDATE_LOCK_SCOPE, candidateId)), { timeoutMs: 10_000, description: 'erasure queued or done' });
      await screening.commitTransaction();
      expect(await erasure).toEqual(new Set([candidateId]));
    } finally {
      if (screening.isTransactionActive) await screening.rollbackTransaction();
      await screening.release();
    }
    expect(await scoreRows(candidateId)).toHaveLength(0);
  });

  it('a screening that starts while an erasure is uncommitted writes nothing', async () => {
    const candidateId = `cand-${randomUUID()}`;
    const erasure: QueryRunner = dataSource.createQueryRunner();
    await erasure.connect();
    await erasure.startTransaction();
    try {
      await repository.erase(asTx(erasure.manager), [candidateId]);
      let screeningDone = false;
      const screening = dataSource.transaction((manager) => repository.saveLatest(asTx(manager), [record(candidateId)])).finally(() => {
        screeningDone = true;
      });
      await waitFor(async () => screeningDone || (await someoneWaitsForEntityLock(dataSource, CANDIDATE_LOCK_SCOPE, candidateId)), { timeoutMs: 10_000, description: 'screening queued or done' });
      await erasure.commitTransaction();
      expect(await screening).toEqual(new Set());
    } finally {
      if (erasure.isTransactionActive) await erasure.rollbackTransaction();
      await erasure.release();
    }
    expect(await scoreRows(candidateId)).toHaveLength(0);
  });
});
