// The numbers recruiting ops watch, computed from the read model's rows as
// plain functions (no clock, no I/O): stage counts, conversion between
// stages, time in stage, and per agency the hiring-rules §6 service level
// (time from a requisition's first submission to the agency's first
// qualified candidate) and the offers refused at the final stage.
import type { OfferDecision, ScreeningDecision, TargetRole } from '@hiring/contracts';

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

export interface DecisionCounts {
  total: number;
  advance: number;
  review: number;
  'needs-interview': number;
  reject: number;
}

export interface StageCounts {
  sourced: number;
  screened: DecisionCounts;
  scored: DecisionCounts;
  /** decided: candidates with an offer decision; approved/refused: by their latest decision; refusals: every refused decision. */
  offers: { decided: number; approved: number; refused: number; refusals: number };
}

export interface Conversion {
  from: string;
  to: string;
  /** Candidates that reached `from`. */
  of: number;
  /** Of those, how many reached `to`. */
  reached: number;
  /** reached / of; null when nobody reached `from`. */
  rate: number | null;
}

export interface Durations {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface TimeInStage extends Durations {
  from: string;
  to: string;
}

export interface RequisitionLead {
  requisitionId: string;
  /** First submission on the requisition by any agency: the start line every agency is measured from. */
  firstSubmissionAt: string;
  /** This agency's first qualified (screened-in) candidate on it; null while none. */
  firstQualifiedAt: string | null;
  /** firstQualifiedAt − firstSubmissionAt; null while none. */
  timeToFirstQualifiedMs: number | null;
  /** Still waiting: now − firstSubmissionAt; null once qualified. */
  waitingMs: number | null;
}

export interface AgencyStats {
  agencyId: string;
  sourced: number;
  qualified: number;
  requisitions: number;
  requisitionsQualified: number;
  /** Requisitions whose first qualified candidate came within the target (hiring-rules §6: the best agencies promise 3 days). */
  requisitionsWithinTarget: number;
  timeToFirstQualified: Durations;
  offersRefused: number;
  /** Most recent requisitions first, at most REQUISITIONS_PER_AGENCY. */
  requisitionLeads: RequisitionLead[];
}

export interface PipelineStats {
  stages: StageCounts;
  conversion: Conversion[];
  timeInStage: TimeInStage[];
  agencies: AgencyStats[];
}

export interface StatsOptions {
  now: Date;
  /** Time from a requisition's first submission to the first qualified candidate that counts as on target. */
  firstQualifiedTargetMs: number;
}

export const REQUISITIONS_PER_AGENCY = 50;

/**
 * Percentile by linear interpolation between closest ranks (the same as
 * Postgres percentile_cont and numpy's default): p in [0, 1]; null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError(`percentile must be within [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function durations(values: readonly number[]): Durations {
  return { count: values.length, medianMs: percentile(values, 0.5), p90Ms: percentile(values, 0.9) };
}

export function conversion(from: string, to: string, of: number, reached: number): Conversion {
  return { from, to, of, reached, rate: of === 0 ? null : reached / of };
}

/** end − start in ms; a small negative from clock skew between services counts as 0. */
export function elapsedMs(start: Date, end: Date): number {
  return Math.max(0, end.getTime() - start.getTime());
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
  const qualified = (r: CandidateStageRow) => r.screeningDecision !== null && r.screeningDecision !== 'reject';
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
