// The views a person reads on the page, as plain functions over what the
// read model gathers (no clock, no I/O): the period a view covers, the
// timeline (arrivals, screened-in rate, offers, time to screening per hour,
// day or week) and one line per requisition (its candidates by stage and
// decision, its time to the first qualified candidate).
import type { CandidateCohort, Durations } from './pipeline-stats';
import { cohortsBy, durations, elapsedMs } from './pipeline-stats';

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

/**
 * Start of the period (inclusive), or null for 'all'. A candidate is in the
 * period when it entered the pipeline at or after it: entered = the earliest
 * of its stage times (sourced, or a later stage when sourcing was not read
 * yet); the repository applies it in SQL (firstSeenSql).
 */
export function periodStart(period: Period, now: Date): Date | null {
  return period === 'all' ? null : new Date(now.getTime() - PERIOD_MS[period]);
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

/**
 * Where the timeline's buckets lie: `count` buckets of `sizeMs` from
 * `startMs` (UTC hours, days, or weeks from Monday). The repository counts
 * each stage in bucket floor((t − startMs) / sizeMs).
 */
export interface TimelineFrame {
  bucket: Timeline['bucket'];
  startMs: number;
  sizeMs: number;
  count: number;
}

/** What the database counted in one bucket (index from 0); buckets where nothing happened are absent. */
export interface TimelineBucketCounts {
  index: number;
  arrivals: number;
  screened: number;
  screenedIn: number;
  offersApproved: number;
  offersRefused: number;
  toScreening: Durations;
}

function floorTo(t: number, bucketMs: number): number {
  if (bucketMs === WEEK_MS) return Math.floor((t - WEEK_OFFSET_MS) / WEEK_MS) * WEEK_MS + WEEK_OFFSET_MS;
  return Math.floor(t / bucketMs) * bucketMs;
}

/**
 * Hours for 24h, days for the other periods; for 'all' days from the first
 * day a candidate of the view was seen (`earliestSeen`), or weeks when that
 * is MAX_TIMELINE_POINTS days or more ago (then at most that many weeks).
 */
export function timelineFrame(period: Period, now: Date, earliestSeen: Date | null): TimelineFrame {
  let bucket: Timeline['bucket'] = period === '24h' ? 'hour' : 'day';
  let size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  let start: number;
  let end: number;
  if (period === 'all') {
    const earliest = earliestSeen?.getTime() ?? now.getTime();
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
  return { bucket, startMs: start, sizeMs: size, count: Math.round((end - start) / size) + 1 };
}

/** The first moment any candidate of these cohorts was seen (a loop: there may be many cohorts). */
export function earliestSeenAt(cohorts: readonly CandidateCohort[]): Date | null {
  let earliest: Date | null = null;
  for (const c of cohorts) if (c.firstSeenAt && (!earliest || c.firstSeenAt < earliest)) earliest = c.firstSeenAt;
  return earliest;
}

/** Every bucket of the frame in order, empty ones included. */
export function timeline(frame: TimelineFrame, counted: readonly TimelineBucketCounts[]): Timeline {
  const byIndex = new Map(counted.map((b) => [b.index, b]));
  return {
    bucket: frame.bucket,
    points: Array.from({ length: frame.count }, (_, i) => {
      const b = byIndex.get(i);
      return {
        at: new Date(frame.startMs + i * frame.sizeMs).toISOString(),
        arrivals: b?.arrivals ?? 0,
        screened: b?.screened ?? 0,
        screenedIn: b?.screenedIn ?? 0,
        screenedInRate: !b || b.screened === 0 ? null : b.screenedIn / b.screened,
        offersApproved: b?.offersApproved ?? 0,
        offersRefused: b?.offersRefused ?? 0,
        toScreening: b?.toScreening ?? durations([]),
      };
    }),
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

function tally(into: Record<string, number>, decision: string | null, candidates: number): void {
  into['total'] = (into['total'] ?? 0) + candidates;
  if (decision) into[decision] = (into[decision] ?? 0) + candidates;
}

/**
 * One line per requisition seen in `cohorts`, most recent first submission first.
 * `openedAt` gives the requisition's opening time when the directory knows it.
 */
export function requisitionStats(
  cohorts: readonly CandidateCohort[],
  requisitionStarts: ReadonlyMap<string, Date>,
  openedAt: (requisitionId: string) => Date | undefined = () => undefined,
): RequisitionStats[] {
  const by = cohortsBy(cohorts, (c) => c.requisitionId);
  const out: RequisitionStats[] = [];
  for (const [requisitionId, list] of by) {
    const screened: Record<string, number> = { total: 0 };
    const scored: Record<string, number> = { total: 0 };
    let approved = 0;
    let refused = 0;
    let sourced = 0;
    let firstSubmission: Date | null = requisitionStarts.get(requisitionId) ?? null;
    let firstQualified: Date | null = null;
    for (const c of list) {
      if (c.sourced) sourced += c.candidates;
      if (c.screened) tally(screened, c.screeningDecision, c.candidates);
      if (c.scored) tally(scored, c.scoreDecision, c.candidates);
      if (c.offerDecision === 'approved') approved += c.candidates;
      if (c.offerDecision === 'refused') refused += c.candidates;
      if (c.firstSourcedAt && (!firstSubmission || c.firstSourcedAt < firstSubmission)) firstSubmission = c.firstSourcedAt;
      if (c.firstQualifiedAt && (!firstQualified || c.firstQualifiedAt < firstQualified)) firstQualified = c.firstQualifiedAt;
    }
    const start = openedAt(requisitionId) ?? firstSubmission;
    out.push({
      requisitionId,
      agencies: new Set(list.flatMap((c) => (c.agencyId ? [c.agencyId] : []))).size,
      sourced,
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
