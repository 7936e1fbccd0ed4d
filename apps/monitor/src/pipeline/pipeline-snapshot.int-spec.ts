// The snapshot gathered in Postgres (cohorts, step durations, timeline
// buckets) answers the same numbers as the row-at-a-time computation it
// replaced (test/pipeline-rows.reference.ts), on a generated read model with
// the awkward cases: candidates without requisition or agency, erased
// candidates (and a late event for one), skipped stages, clock skew, ties of
// times and durations, candidates exactly on period and bucket boundaries,
// needs-interview, several refusals. Every filter, every period, two clocks
// (mid-hour and on the hour). Real Postgres; no broker (its part of the
// snapshot is not computed from the read model).
import { Clock, createServiceDataSource, runMigrationsLocked } from '@hiring/platform';
import { testDatabaseUrl, uniqueName } from '@hiring/testing';
import type { ScreeningDecision, TargetRole } from '@hiring/contracts';
import type { DataSource } from 'typeorm';
import { MONITOR_DATABASE } from '../database/monitor.database';
import type { MonitorConfig } from '../monitor.config';
import { readRows, referenceNumbers } from '../test/pipeline-rows.reference';
import type { BrokerBacklogReader } from './broker-backlog.reader';
import { CandidateStageRepository, type PipelineFilter } from './candidate-stage.repository';
import type { Directory, DirectoryReader } from './directory.reader';
import { GetPipelineSnapshotService } from './get-pipeline-snapshot.service';
import { PERIODS } from './pipeline-views';
import type { StagePatch } from './stage-progress';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOWS = [new Date('2026-03-10T12:30:00.000Z'), new Date('2026-03-10T13:00:00.000Z')];
const TARGET_DAYS = 3;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const prefix = uniqueName('snap').replace(/_/g, '-');
const agencies = Array.from({ length: 6 }, (_, i) => `${prefix}-agency-${i}`);
const requisitions = Array.from({ length: 12 }, (_, i) => `${prefix}-req-${i}`);
const roleOf = (requisitionId: string): TargetRole => (requisitions.indexOf(requisitionId) % 3 === 0 ? 'tech-lead' : 'ai-tech-lead');
const now = NOWS[0] as Date;
/** Times the period filter and the buckets must place exactly. */
const EDGES = [
  now.getTime() - DAY, now.getTime() - DAY - 1, now.getTime() - DAY + 1, now.getTime() - 7 * DAY, now.getTime() - 30 * DAY, now.getTime() - 90 * DAY - 1,
  Date.parse('2026-03-10T12:00:00.000Z'), Date.parse('2026-03-09T13:00:00.000Z'), Date.parse('2026-03-09T12:59:59.999Z'), Date.parse('2026-03-09T00:00:00.000Z'),
  Date.parse('2026-03-02T00:00:00.000Z'), now.getTime(),
];

function generate(n: number): StagePatch[] {
  const next = random(14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const decisions: ScreeningDecision[] = ['advance', 'review', 'reject', 'needs-interview'];
  const patches: StagePatch[] = [];
  for (let i = 0; i < n; i += 1) {
    const candidateId = `${prefix}-cand-${i}`;
    const requisitionId = next() < 0.05 ? undefined : pick(requisitions);
    const agencyId = pick(agencies);
    const role = requisitionId ? roleOf(requisitionId) : pick<TargetRole>(['tech-lead', 'ai-tech-lead']);
    // Whole minutes (and often whole hours) so that times, durations and first submissions tie.
    const start = i % 17 === 0 ? pick(EDGES) : now.getTime() - Math.floor(next() * 200 * 24) * HOUR - (next() < 0.5 ? 0 : Math.floor(next() * 60) * MIN);
    const step = () => (next() < 0.1 ? -MIN : Math.floor(next() * 5) * HOUR); // a skewed clock now and then
    const shape = pick(['sourced', 'screened', 'scored', 'offer', 'offer', 'no-sourced', 'scored-only', 'offer-only'] as const);
    const p: StagePatch = { candidateId, refusedOfferIds: [] };
    if (shape === 'offer-only') {
      // offer-decided events carry no agency and no requisition
      Object.assign(p, { role, offerDecidedAt: new Date(start), offerDecision: pick(['approved', 'refused']), offerDecisionAt: new Date(start) });
      if (p.offerDecision === 'refused') p.refusedOfferIds = [`${candidateId}-offer`];
      patches.push(p);
      continue;
    }
    Object.assign(p, { agencyId, requisitionId, role });
    let t = start;
    if (shape !== 'no-sourced' && shape !== 'scored-only') p.sourcedAt = new Date(t);
    if (shape !== 'sourced' && shape !== 'scored-only') {
      t += step();
      const decision = pick(decisions);
      Object.assign(p, { screenedAt: new Date(t), screeningDecision: decision, screeningDecisionAt: new Date(t) });
      if (decision === 'advance' || decision === 'review') p.qualifiedAt = new Date(t);
    }
    if (shape === 'scored' || shape === 'offer' || shape === 'scored-only') {
      t += step();
      Object.assign(p, { scoredAt: new Date(t), scoreDecision: pick(decisions), scoreDecisionAt: new Date(t) });
    }
    if (shape === 'offer') {
      t += step() * 10;
      Object.assign(p, { offerDecidedAt: new Date(t), offerDecision: pick(['approved', 'refused']), offerDecisionAt: new Date(t) });
      const refusals = p.offerDecision === 'refused' ? 1 + Math.floor(next() * 2) : next() < 0.2 ? 1 : 0; // an override after a refusal
      p.refusedOfferIds = Array.from({ length: refusals }, (_, k) => `${candidateId}-offer-${k}`);
    }
    patches.push(p);
  }
  return patches;
}

const directory: Directory = {
  ok: true,
  checkedAt: now.toISOString(),
  agencies: [],
  requisitions: [requisitions[1], requisitions[4]].map((id, i) => ({
    id: id as string, title: `Requisition ${i}`, role: 'ai-tech-lead', locationTier: 'uk-london', status: 'open', openedAt: new Date(now.getTime() - (100 + i) * DAY).toISOString(), closedAt: null,
  })),
  webhooks: [],
} as unknown as Directory;

let dataSource: DataSource;
let repository: CandidateStageRepository;

beforeAll(async () => {
  dataSource = createServiceDataSource({ url: testDatabaseUrl(), service: 'monitor-snapshot-it', ...MONITOR_DATABASE, poolSize: 4 });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource, MONITOR_DATABASE.schema);
  repository = new CandidateStageRepository(dataSource);
  const patches = generate(4000);
  for (let i = 0; i < patches.length; i += 500) await repository.applyPatches(dataSource.manager as never, patches.slice(i, i + 500));
  // Erase every 23rd candidate, then read a late event of one of them: it must stay erased.
  const erased = patches.filter((_, i) => i % 23 === 0);
  await repository.apply(erased.map((p) => ({ candidateId: p.candidateId, erasedAt: now })), []);
  await repository.apply([], [erased[1] as StagePatch]);
});

afterAll(async () => {
  await dataSource?.query('DELETE FROM monitor.candidate_stages WHERE candidate_id LIKE $1', [`${prefix}-%`]);
  await dataSource?.query('DELETE FROM monitor.erased_candidates WHERE candidate_id LIKE $1', [`${prefix}-%`]);
  await dataSource?.destroy();
});

function service(at: Date): GetPipelineSnapshotService {
  const clock = new (class extends Clock {
    now(): Date {
      return at;
    }
  })();
  const broker = { read: async () => ({ ok: true, checkedAt: at.toISOString(), deadLetters: [], groups: [] }) } as unknown as BrokerBacklogReader;
  const directoryReader = { read: async () => directory } as unknown as DirectoryReader;
  const config = { MONITOR_FIRST_QUALIFIED_TARGET_DAYS: TARGET_DAYS } as MonitorConfig;
  return new GetPipelineSnapshotService(repository, broker, clock, config, directoryReader);
}

/** The read-model part of the snapshot, as JSON (what GET /v1/pipeline sends). */
const NUMBERS = ['stages', 'conversion', 'timeInStage', 'agencies', 'requisitions', 'timeline'] as const;
const asJson = (o: object) => JSON.parse(JSON.stringify(Object.fromEntries(NUMBERS.map((k) => [k, (o as Record<string, unknown>)[k]])))) as unknown;

const FILTERS: PipelineFilter[] = [
  {},
  { agencyId: agencies[0] },
  { agencyId: agencies[1], role: 'tech-lead' },
  { requisitionId: requisitions[1] },
  { requisitionId: requisitions[3], agencyId: agencies[2] },
  { role: 'ai-tech-lead' },
  { agencyId: `${prefix}-nobody` },
];

describe('the snapshot gathered in Postgres answers what the row-at-a-time computation answered', () => {
  it('has the generated edge cases in the read model', async () => {
    const [counts] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE requisition_id IS NULL)::int AS no_requisition, count(*) FILTER (WHERE agency_id IS NULL)::int AS no_agency,
              count(*) FILTER (WHERE sourced_at IS NULL AND screened_at IS NOT NULL)::int AS skipped, count(*) FILTER (WHERE screened_at < sourced_at)::int AS skewed,
              count(*) FILTER (WHERE cardinality(refused_offer_ids) > 1)::int AS refused_twice, count(*) FILTER (WHERE screening_decision = 'needs-interview')::int AS needs_interview
         FROM monitor.candidate_stages WHERE candidate_id LIKE $1`,
      [`${prefix}-%`],
    );
    for (const n of Object.values(counts as Record<string, number>)) expect(n).toBeGreaterThan(0);
    const [erased] = await dataSource.query('SELECT count(*)::int AS n FROM monitor.candidate_stages WHERE candidate_id = ANY($1::text[])', [[`${prefix}-cand-0`, `${prefix}-cand-23`]]);
    expect(erased.n).toBe(0);
  });

  for (const at of NOWS) {
    for (const filter of FILTERS) {
      it(`at ${at.toISOString()}, ${JSON.stringify(filter)}, every period`, async () => {
        const rows = await readRows(dataSource, filter);
        const opened = new Map(directory.requisitions.map((r) => [r.id, new Date(r.openedAt)]));
        for (const period of PERIODS) {
          const gathered = await service(at).execute({ ...filter, period });
          const reference = await referenceNumbers(rows, (ids) => repository.requisitionStarts(ids), {
            period, now: at, firstQualifiedTargetMs: TARGET_DAYS * DAY, openedAt: (id) => opened.get(id),
          });
          expect({ period, ...(asJson(gathered) as object) }).toEqual({ period, ...(asJson(reference) as object) });
        }
      });
    }
  }

  it('reads one cohort for many candidates alike, not one row each', async () => {
    const agencyId = `${prefix}-bulk`;
    const requisitionId = `${prefix}-bulk-req`;
    const t0 = new Date(now.getTime() - 2 * DAY);
    const patches: StagePatch[] = Array.from({ length: 1000 }, (_, i) => ({
      candidateId: `${prefix}-bulk-${i}`, agencyId, requisitionId, role: 'tech-lead', sourcedAt: new Date(t0.getTime() + i * MIN), refusedOfferIds: [],
    }));
    await repository.applyPatches(dataSource.manager as never, patches);
    const cohorts = await repository.cohorts({ agencyId, since: null });
    expect(cohorts).toEqual([
      expect.objectContaining({ agencyId, requisitionId, sourced: true, screened: false, candidates: 1000, firstSourcedAt: t0, firstSeenAt: t0 }),
    ]);
    const steps = await repository.stepDurations({ agencyId, since: null });
    expect(steps.sourcedToScreened).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});
