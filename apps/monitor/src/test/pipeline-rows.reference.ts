// The snapshot's numbers as they were computed before they moved to SQL
// (lane 14a): one row per candidate read into memory, then plain functions
// over the rows. Kept verbatim, for tests only: the equivalence test
// (pipeline-snapshot.int-spec.ts) checks that the gathered version answers
// the same JSON on the same data. Not imported by the service.
import type { OfferDecision, ScreeningDecision, TargetRole } from '@hiring/contracts';
import type { DataSource } from 'typeorm';
import {
  conversion,
  durations,
  elapsedMs,
  REQUISITIONS_PER_AGENCY,
  type AgencyStats,
  type CandidateCohort,
  type Conversion,
  type DecisionCounts,
  type PipelineStats,
  type RequisitionLead,
  type StageCounts,
  type StatsOptions,
  type TimeInStage,
} from '../pipeline/pipeline-stats';
import { MAX_TIMELINE_POINTS, periodStart, type Period, type RequisitionStats, type Timeline } from '../pipeline/pipeline-views';

/** One candidate as the read model holds it: ids, stage times and decisions, nothing personal. */
export interface CandidateStageRow {
  candidateId: string;
  agencyId: string | null;
  requisitionId: string | null;
  role: TargetRole | null;
  sourcedAt: Date | null;
  screenedAt: Date | null;
  screeningDecision: ScreeningDecision | null;
  qualifiedAt: Date | null;
  scoredAt: Date | null;
  scoreDecision: ScreeningDecision | null;
  offerDecidedAt: Date | null;
  offerDecision: OfferDecision | null;
  offersRefused: number;
}

function decisionCounts(rows: readonly CandidateStageRow[], pick: (r: CandidateStageRow) => ScreeningDecision | null, reached: (r: CandidateStageRow) => boolean): DecisionCounts {
  const out: DecisionCounts = { total: 0, advance: 0, review: 0, 'needs-interview': 0, reject: 0 };
  for (const r of rows) {
    if (!reached(r)) continue;
    out.total += 1;
    const d: string | null = pick(r);
    // A decision a newer rubric introduced is counted under its own name, not dropped.
    if (d) (out as unknown as Record<string, number>)[d] = ((out as unknown as Record<string, number>)[d] ?? 0) + 1;
  }
  return out;
}

export function stageCounts(rows: readonly CandidateStageRow[]): StageCounts {
  let approved = 0;
  let refused = 0;
  let decided = 0;
  let refusals = 0;
  for (const r of rows) {
    refusals += r.offersRefused;
    if (!r.offerDecidedAt) continue;
    decided += 1;
    if (r.offerDecision === 'approved') approved += 1;
    if (r.offerDecision === 'refused') refused += 1;
  }
  return {
    sourced: rows.filter((r) => r.sourcedAt).length,
    screened: decisionCounts(rows, (r) => r.screeningDecision, (r) => r.screenedAt !== null),
    scored: decisionCounts(rows, (r) => r.scoreDecision, (r) => r.scoredAt !== null),
    offers: { decided, approved, refused, refusals },
  };
}

/** Cohort conversions: of the candidates that reached one stage, how many reached the next. */
export function stageConversions(rows: readonly CandidateStageRow[]): Conversion[] {
  const count = (pred: (r: CandidateStageRow) => boolean) => rows.filter(pred).length;
  const qualified = (r: CandidateStageRow) => r.screeningDecision === 'advance' || r.screeningDecision === 'review';
  return [
    conversion('sourced', 'screened', count((r) => !!r.sourcedAt), count((r) => !!r.sourcedAt && !!r.screenedAt)),
    conversion('screened', 'qualified', count((r) => !!r.screenedAt), count((r) => !!r.screenedAt && qualified(r))),
    conversion('screened', 'scored', count((r) => !!r.screenedAt), count((r) => !!r.screenedAt && !!r.scoredAt)),
    conversion('scored', 'offer decided', count((r) => !!r.scoredAt), count((r) => !!r.scoredAt && !!r.offerDecidedAt)),
    conversion('offer decided', 'offer approved', count((r) => !!r.offerDecidedAt), count((r) => r.offerDecision === 'approved')),
  ];
}

export function timesInStage(rows: readonly CandidateStageRow[]): TimeInStage[] {
  const between = (from: string, to: string, start: (r: CandidateStageRow) => Date | null, end: (r: CandidateStageRow) => Date | null): TimeInStage => {
    const values: number[] = [];
    for (const r of rows) {
      const s = start(r);
      const e = end(r);
      if (s && e) values.push(elapsedMs(s, e));
    }
    return { from, to, ...durations(values) };
  };
  return [
    between('sourced', 'screened', (r) => r.sourcedAt, (r) => r.screenedAt),
    between('screened', 'scored', (r) => r.screenedAt, (r) => r.scoredAt),
    between('scored', 'offer decided', (r) => r.scoredAt, (r) => r.offerDecidedAt),
  ];
}

/**
 * Per agency. `requisitionStarts` holds the first submission on each
 * requisition by ANY agency (the read model's proxy for "the requisition
 * opened": events do not carry the requisition's own creation time), so
 * agencies on one requisition are measured from the same start line.
 * A requisition missing from it falls back to the earliest submission in `rows`.
 */
export function agencyStats(rows: readonly CandidateStageRow[], requisitionStarts: ReadonlyMap<string, Date>, options: StatsOptions): AgencyStats[] {
  const byAgency = new Map<string, CandidateStageRow[]>();
  for (const r of rows) {
    if (!r.agencyId) continue;
    const list = byAgency.get(r.agencyId) ?? [];
    list.push(r);
    byAgency.set(r.agencyId, list);
  }
  const fallbackStarts = new Map<string, Date>();
  for (const r of rows) {
    if (!r.requisitionId || !r.sourcedAt) continue;
    const s = fallbackStarts.get(r.requisitionId);
    if (!s || r.sourcedAt < s) fallbackStarts.set(r.requisitionId, r.sourcedAt);
  }

  const out: AgencyStats[] = [];
  for (const [agencyId, list] of byAgency) {
    const firstQualified = new Map<string, Date | null>();
    for (const r of list) {
      if (!r.requisitionId) continue;
      const current = firstQualified.get(r.requisitionId) ?? null;
      const q = r.qualifiedAt;
      firstQualified.set(r.requisitionId, q && (!current || q < current) ? q : current);
    }
    const leads: RequisitionLead[] = [];
    for (const [requisitionId, qualifiedAt] of firstQualified) {
      const start = requisitionStarts.get(requisitionId) ?? fallbackStarts.get(requisitionId);
      if (!start) continue; // only screened/scored events seen so far: no start line yet
      leads.push({
        requisitionId,
        firstSubmissionAt: start.toISOString(),
        firstQualifiedAt: qualifiedAt ? qualifiedAt.toISOString() : null,
        timeToFirstQualifiedMs: qualifiedAt ? elapsedMs(start, qualifiedAt) : null,
        waitingMs: qualifiedAt ? null : elapsedMs(start, options.now),
      });
    }
    const times = leads.flatMap((l) => (l.timeToFirstQualifiedMs === null ? [] : [l.timeToFirstQualifiedMs]));
    leads.sort((a, b) => b.firstSubmissionAt.localeCompare(a.firstSubmissionAt) || a.requisitionId.localeCompare(b.requisitionId));
    out.push({
      agencyId,
      sourced: list.filter((r) => r.sourcedAt).length,
      qualified: list.filter((r) => r.screeningDecision === 'advance' || r.screeningDecision === 'review').length,
      requisitions: leads.length,
      requisitionsQualified: times.length,
      requisitionsWithinTarget: times.filter((t) => t <= options.firstQualifiedTargetMs).length,
      timeToFirstQualified: durations(times),
      offersRefused: list.reduce((sum, r) => sum + r.offersRefused, 0),
      requisitionLeads: leads.slice(0, REQUISITIONS_PER_AGENCY),
    });
  }
  return out.sort((a, b) => b.sourced - a.sourced || a.agencyId.localeCompare(b.agencyId));
}

export function pipelineStats(rows: readonly CandidateStageRow[], requisitionStarts: ReadonlyMap<string, Date>, options: StatsOptions): PipelineStats {
  return {
    stages: stageCounts(rows),
    conversion: stageConversions(rows),
    timeInStage: timesInStage(rows),
    agencies: agencyStats(rows, requisitionStarts, options),
  };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PERIOD_MS: Record<Exclude<Period, 'all'>, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS };
const WEEK_MS = 7 * DAY_MS;
const WEEK_OFFSET_MS = 4 * DAY_MS;

/** When a candidate entered the pipeline as the monitor knows it: sourced, or the earliest later stage if sourcing was not read yet. */
export function firstSeenAt(r: CandidateStageRow): Date | null {
  const times = [r.sourcedAt, r.screenedAt, r.scoredAt, r.offerDecidedAt].filter((t): t is Date => t !== null);
  return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
}

/** Candidates that entered the pipeline within the period. */
export function withinPeriod(rows: readonly CandidateStageRow[], period: Period, now: Date): CandidateStageRow[] {
  const start = periodStart(period, now);
  if (!start) return [...rows];
  return rows.filter((r) => {
    const seen = firstSeenAt(r);
    return seen !== null && seen >= start;
  });
}

function floorTo(t: number, bucketMs: number): number {
  if (bucketMs === WEEK_MS) return Math.floor((t - WEEK_OFFSET_MS) / WEEK_MS) * WEEK_MS + WEEK_OFFSET_MS;
  return Math.floor(t / bucketMs) * bucketMs;
}

/**
 * The first moment any of these candidates was seen. A loop, not
 * `Math.min(...times)`: spreading one argument per candidate overflows the
 * call stack past ~100,000 candidates (the whole snapshot answered 500 then).
 */
function earliestSeenMs(rows: readonly CandidateStageRow[]): number | null {
  let earliest: number | null = null;
  for (const r of rows) {
    const t = firstSeenAt(r)?.getTime();
    if (t !== undefined && (earliest === null || t < earliest)) earliest = t;
  }
  return earliest;
}

export function timeline(rows: readonly CandidateStageRow[], period: Period, now: Date): Timeline {
  let bucket: Timeline['bucket'] = period === '24h' ? 'hour' : 'day';
  let size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  let start: number;
  let end: number;
  if (period === 'all') {
    const earliest = earliestSeenMs(rows) ?? now.getTime();
    if ((now.getTime() - earliest) / DAY_MS >= MAX_TIMELINE_POINTS) {
      bucket = 'week';
      size = WEEK_MS;
    }
    end = floorTo(now.getTime(), size);
    start = Math.max(floorTo(earliest, size), end - (MAX_TIMELINE_POINTS - 1) * size);
  } else {
    end = floorTo(now.getTime(), size);
    start = end - (PERIOD_MS[period] / size - 1) * size;
  }
  const count = Math.round((end - start) / size) + 1;
  const acc = Array.from({ length: count }, () => ({ arrivals: 0, screened: 0, screenedIn: 0, offersApproved: 0, offersRefused: 0, toScreening: [] as number[] }));
  const slot = (t: Date | null) => {
    if (!t) return undefined;
    const i = Math.floor((t.getTime() - start) / size);
    return i >= 0 && i < count ? acc[i] : undefined;
  };
  for (const r of rows) {
    const s = slot(r.sourcedAt);
    if (s) s.arrivals += 1;
    const sc = slot(r.screenedAt);
    if (sc) {
      sc.screened += 1;
      if (r.screeningDecision === 'advance' || r.screeningDecision === 'review') sc.screenedIn += 1;
      if (r.sourcedAt && r.screenedAt) sc.toScreening.push(elapsedMs(r.sourcedAt, r.screenedAt));
    }
    const o = slot(r.offerDecidedAt);
    if (o && r.offerDecision === 'approved') o.offersApproved += 1;
    if (o && r.offerDecision === 'refused') o.offersRefused += 1;
  }
  return {
    bucket,
    points: acc.map((a, i) => ({
      at: new Date(start + i * size).toISOString(),
      arrivals: a.arrivals,
      screened: a.screened,
      screenedIn: a.screenedIn,
      screenedInRate: a.screened === 0 ? null : a.screenedIn / a.screened,
      offersApproved: a.offersApproved,
      offersRefused: a.offersRefused,
      toScreening: durations(a.toScreening),
    })),
  };
}

function tally(into: Record<string, number>, decision: string | null): void {
  into['total'] = (into['total'] ?? 0) + 1;
  if (decision) into[decision] = (into[decision] ?? 0) + 1;
}

/**
 * One line per requisition seen in `rows`, most recent first submission first.
 * `openedAt` gives the requisition's opening time when the directory knows it.
 */
export function requisitionStats(
  rows: readonly CandidateStageRow[],
  requisitionStarts: ReadonlyMap<string, Date>,
  openedAt: (requisitionId: string) => Date | undefined = () => undefined,
): RequisitionStats[] {
  const by = new Map<string, CandidateStageRow[]>();
  for (const r of rows) {
    if (!r.requisitionId) continue;
    const list = by.get(r.requisitionId) ?? [];
    list.push(r);
    by.set(r.requisitionId, list);
  }
  const out: RequisitionStats[] = [];
  for (const [requisitionId, list] of by) {
    const screened: Record<string, number> = { total: 0 };
    const scored: Record<string, number> = { total: 0 };
    let approved = 0;
    let refused = 0;
    let firstSubmission: Date | null = requisitionStarts.get(requisitionId) ?? null;
    let firstQualified: Date | null = null;
    for (const r of list) {
      if (r.screenedAt) tally(screened, r.screeningDecision);
      if (r.scoredAt) tally(scored, r.scoreDecision);
      if (r.offerDecision === 'approved') approved += 1;
      if (r.offerDecision === 'refused') refused += 1;
      if (r.sourcedAt && (!firstSubmission || r.sourcedAt < firstSubmission)) firstSubmission = r.sourcedAt;
      if (r.qualifiedAt && (!firstQualified || r.qualifiedAt < firstQualified)) firstQualified = r.qualifiedAt;
    }
    const start = openedAt(requisitionId) ?? firstSubmission;
    out.push({
      requisitionId,
      agencies: new Set(list.flatMap((r) => (r.agencyId ? [r.agencyId] : []))).size,
      sourced: list.filter((r) => r.sourcedAt).length,
      screened,
      scored,
      offers: { approved, refused },
      firstSubmissionAt: firstSubmission ? firstSubmission.toISOString() : null,
      firstQualifiedAt: firstQualified ? firstQualified.toISOString() : null,
      timeToFirstQualifiedMs: start && firstQualified ? elapsedMs(start, firstQualified) : null,
    });
  }
  return out.sort((a, b) => (b.firstSubmissionAt ?? '').localeCompare(a.firstSubmissionAt ?? '') || a.requisitionId.localeCompare(b.requisitionId));
}

/** A row as the cohort of one candidate the repository's GROUP BY makes of it when it is alone in its group. */
export function cohortOf(r: CandidateStageRow, candidates = 1): CandidateCohort {
  return {
    agencyId: r.agencyId,
    requisitionId: r.requisitionId,
    sourced: r.sourcedAt !== null,
    screened: r.screenedAt !== null,
    screeningDecision: r.screeningDecision,
    scored: r.scoredAt !== null,
    scoreDecision: r.scoreDecision,
    offerDecided: r.offerDecidedAt !== null,
    offerDecision: r.offerDecision,
    candidates,
    offersRefused: r.offersRefused * candidates,
    firstSourcedAt: r.sourcedAt,
    firstQualifiedAt: r.qualifiedAt,
    firstSeenAt: firstSeenAt(r),
  };
}

/** The rows as the snapshot read them before lane 14a (about 200 bytes a candidate). */
export async function readRows(dataSource: DataSource, filter: { agencyId?: string; requisitionId?: string; role?: string }): Promise<CandidateStageRow[]> {
  const found: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT candidate_id, agency_id, requisition_id, role, sourced_at, screened_at, screening_decision, qualified_at,
            scored_at, score_decision, offer_decided_at, offer_decision, cardinality(refused_offer_ids) AS offers_refused
       FROM monitor.candidate_stages
      WHERE ($1::text IS NULL OR agency_id = $1) AND ($2::text IS NULL OR requisition_id = $2) AND ($3::text IS NULL OR role = $3)`,
    [filter.agencyId ?? null, filter.requisitionId ?? null, filter.role ?? null],
  );
  return found.map((r) => ({
    candidateId: r['candidate_id'] as string,
    agencyId: r['agency_id'] as string | null,
    requisitionId: r['requisition_id'] as string | null,
    role: r['role'] as TargetRole | null,
    sourcedAt: r['sourced_at'] as Date | null,
    screenedAt: r['screened_at'] as Date | null,
    screeningDecision: r['screening_decision'] as ScreeningDecision | null,
    qualifiedAt: r['qualified_at'] as Date | null,
    scoredAt: r['scored_at'] as Date | null,
    scoreDecision: r['score_decision'] as ScreeningDecision | null,
    offerDecidedAt: r['offer_decided_at'] as Date | null,
    offerDecision: r['offer_decision'] as OfferDecision | null,
    offersRefused: r['offers_refused'] as number,
  }));
}

/**
 * The snapshot's numbers as GetPipelineSnapshotService computed them before
 * lane 14a: period filter on the rows, then the row functions above.
 */
export function referenceNumbers(
  all: readonly CandidateStageRow[],
  starts: (requisitionIds: string[]) => Promise<Map<string, Date>>,
  o: { period: Period; now: Date; firstQualifiedTargetMs: number; openedAt: (id: string) => Date | undefined },
): Promise<PipelineStats & { requisitions: RequisitionStats[]; timeline: Timeline }> {
  const rows = withinPeriod(all, o.period, o.now);
  return starts(rows.flatMap((r) => (r.requisitionId ? [r.requisitionId] : []))).then((s) => ({
    ...pipelineStats(rows, s, { now: o.now, firstQualifiedTargetMs: o.firstQualifiedTargetMs }),
    requisitions: requisitionStats(rows, s, o.openedAt),
    timeline: timeline(rows, o.period, o.now),
  }));
}
