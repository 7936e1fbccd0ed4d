// The views a person reads on the page, as plain functions over the read
// model's rows (no clock, no I/O): the period a view covers, the timeline
// (arrivals, screened-in rate, offers, time to screening per hour or day) and
// one line per requisition (its candidates by stage and decision, its time to
// the first qualified candidate).
import type { CandidateStageRow, Durations } from './pipeline-stats';
import { durations, elapsedMs } from './pipeline-stats';

export const PERIODS = ['24h', '7d', '30d', '90d', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PERIOD_MS: Record<Exclude<Period, 'all'>, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS };
/** 'all' uses days, or weeks when that would be more than this many points (and then shows at most this many weeks). */
export const MAX_TIMELINE_POINTS = 120;
const WEEK_MS = 7 * DAY_MS;
/** Weeks start on Monday (1970-01-01 was a Thursday). */
const WEEK_OFFSET_MS = 4 * DAY_MS;

/** When a candidate entered the pipeline as the monitor knows it: sourced, or the earliest later stage if sourcing was not read yet. */
export function firstSeenAt(r: CandidateStageRow): Date | null {
  const times = [r.sourcedAt, r.screenedAt, r.scoredAt, r.offerDecidedAt].filter((t): t is Date => t !== null);
  return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
}

/** Start of the period (inclusive), or null for 'all'. */
export function periodStart(period: Period, now: Date): Date | null {
  return period === 'all' ? null : new Date(now.getTime() - PERIOD_MS[period]);
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

export interface TimelinePoint {
  /** Start of the bucket (UTC hour, day, or week from Monday). */
  at: string;
  /** Candidates sourced in the bucket. */
  arrivals: number;
  /** Candidates screened in the bucket, and of those screened in (advance or review, by latest decision). */
  screened: number;
  screenedIn: number;
  /** screenedIn / screened; null when none was screened. */
  screenedInRate: number | null;
  offersApproved: number;
  offersRefused: number;
  /** Sourced → screened of the candidates screened in the bucket. */
  toScreening: Durations;
}

export interface Timeline {
  bucket: 'hour' | 'day' | 'week';
  points: TimelinePoint[];
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

export interface RequisitionStats {
  requisitionId: string;
  agencies: number;
  sourced: number;
  /** Screened candidates by latest decision (a decision this code does not know is counted under its own name). */
  screened: Record<string, number>;
  scored: Record<string, number>;
  offers: { approved: number; refused: number };
  /** First submission by any agency: the start line when the requisition's own opening time is unknown. */
  firstSubmissionAt: string | null;
  firstQualifiedAt: string | null;
  /** firstQualifiedAt − start (the requisition's opening when known, else its first submission). */
  timeToFirstQualifiedMs: number | null;
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
