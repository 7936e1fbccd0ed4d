// The monitor's stage rows against the real database: a stage event and the
// erasure of the same candidate arrive on different topics, so two monitor
// instances can write them at the same moment. Whichever starts first, the
// erased candidate must not keep a row.
import { randomUUID } from 'node:crypto';
import { asTx, createServiceDataSource, runMigrationsLocked } from '@hiring/platform';
import { someoneWaitsForEntityLock, testDatabaseUrl, waitFor } from '@hiring/testing';
import type { DataSource, QueryRunner } from 'typeorm';
import { MONITOR_DATABASE } from '../database/monitor.database';
import { CandidateStageRepository, ERASURE_FENCE } from './candidate-stage.repository';
import type { StagePatch } from './stage-progress';

let dataSource: DataSource;
let repository: CandidateStageRepository;

const sourced = (candidateId: string): StagePatch => ({ candidateId, agencyId: 'agency-it', requisitionId: 'req-it', role: 'ai-tech-lead', sourcedAt: new Date(), refusedOfferIds: [] });

async function stageRows(candidateId: string): Promise<unknown[]> {
  return dataSource.query('SELECT 1 FROM monitor.candidate_stages WHERE candidate_id = $1', [candidateId]) as Promise<unknown[]>;
}

/** Runs `work` in a transaction left open until the returned commit is called. */
async function openTransaction(work: (runner: QueryRunner) => Promise<void>): Promise<{ commit: () => Promise<void> }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await work(runner);
  return {
    commit: async () => {
      await runner.commitTransaction();
      await runner.release();
    },
  };
}

/** Resolves once `promise` settled or someone queues behind the erasure fence: what the other side did. */
async function settledOrFenced(promise: Promise<unknown>): Promise<void> {
  let settled = false;
  void promise.finally(() => {
    settled = true;
  });
  await waitFor(async () => settled || (await someoneWaitsForEntityLock(dataSource, ERASURE_FENCE.scope, ERASURE_FENCE.id)), { timeoutMs: 10_000, description: 'the other write done or queued behind the fence' });
}

beforeAll(async () => {
  dataSource = createServiceDataSource({ ...MONITOR_DATABASE, url: testDatabaseUrl(), service: 'monitor-repository-it' });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource, MONITOR_DATABASE.schema);
  repository = new CandidateStageRepository(dataSource);
}, 60_000);

afterAll(async () => {
  await dataSource?.destroy();
});

describe('monitor stage rows: a stage event and an erasure of one candidate at the same moment (real Postgres)', () => {
  it('an erasure that starts while a stage upsert is uncommitted still removes the row', async () => {
    const candidateId = `cand-${randomUUID()}`;
    const upsert = await openTransaction((runner) => repository.applyPatches(asTx(runner.manager), [sourced(candidateId)]));
    const erasure = repository.apply([{ candidateId, erasedAt: new Date() }], []);
    // Without the fence the erasure finishes at once: it cannot see the uncommitted row it should delete.
    await settledOrFenced(erasure);
    await upsert.commit();
    await erasure;
    expect(await stageRows(candidateId)).toEqual([]);
  });

  it('a stage upsert that starts while an erasure is uncommitted leaves no row', async () => {
    const candidateId = `cand-${randomUUID()}`;
    const erasure = await openTransaction((runner) => repository.erase(asTx(runner.manager), [{ candidateId, erasedAt: new Date() }]));
    const upsert = repository.apply([], [sourced(candidateId)]);
    // Without the fence the upsert finishes at once: its snapshot does not see the erased id yet.
    await settledOrFenced(upsert);
    await erasure.commit();
    await upsert;
    expect(await stageRows(candidateId)).toEqual([]);
  });

  it('upserts do not wait for each other: two open stage writes of different candidates both go through', async () => {
    const [a, b] = [`cand-${randomUUID()}`, `cand-${randomUUID()}`];
    const first = await openTransaction((runner) => repository.applyPatches(asTx(runner.manager), [sourced(a)]));
    await repository.apply([], [sourced(b)]);
    await first.commit();
    expect(await stageRows(a)).toHaveLength(1);
    expect(await stageRows(b)).toHaveLength(1);
  });
});
