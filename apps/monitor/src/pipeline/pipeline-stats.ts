// The numbers recruiting ops watch, as plain functions (no clock, no I/O)
// over what the read model gathers (candidate-stage.repository.ts): stage
// counts, conversion between stages, time in stage, and per agency the
// hiring-rules §6 service level (time from a requisition's first submission
// to the agency's first qualified candidate) and the offers refused at the
// final stage. The database hands over groups of candidates (cohorts), never
// one row per candidate, so the work here grows with agencies × requisitions,
// not with the pipeline.
import type { OfferDecision, ScreeningDecision } from '@hiring/contracts';
import { isQualified } from './stage-progress';

/**
 * Candidates of one agency and requisition that reached the same stages with
 * the same latest decisions, counted together (ids, times and decisions
 * only, nothing personal).
 */
export interface CandidateCohort {
  agencyId: string | null;
  requisitionId: string | null;
  sourced: boolean;
  screened: boolean;
  screeningDecision: ScreeningDecision | null;
  scored: boolean;
  scoreDecision: ScreeningDecision | null;
  offerDecided: boolean;
  offerDecision: OfferDecision | null;
  /** How many candidates. */
  candidates: number;
  /** Offers of these candidates refused at least once, summed (distinct offer ids per candidate). */
  offersRefused: number;
  /** The earliest of these candidates' times (null when none has one). */
  firstSourcedAt: Date | null;
  firstQualifiedAt: Date | null;
  /** The earliest time any of them was seen at any stage (see firstSeenSql in the repository). */
  firstSeenAt: Date | null;
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
 * Over the agencies' requisitions it runs here; over candidates (time in
 * stage, the timeline) the repository asks Postgres' percentile_cont, the
 * same formula in the same float8 arithmetic, so per-candidate values never
 * leave the database (pipeline-snapshot.int-spec.ts checks they agree).
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

/** Time in each step over the candidates with both times, gathered by the database (one value per candidate never leaves it). */
export interface StepDurations {
  sourcedToScreened: Durations;
  screenedToScored: Durations;
  scoredToOfferDecided: Durations;
}

/** The cohorts grouped by a key (agency, requisition), in first-seen order; cohorts without one are left out. */
export function cohortsBy(cohorts: readonly CandidateCohort[], key: (c: CandidateCohort) => string | null): Map<string, CandidateCohort[]> {
  const by = new Map<string, CandidateCohort[]>();
  for (const c of cohorts) {
    const k = key(c);
    if (!k) continue;
    const list = by.get(k);
    if (list) list.push(c);
    else by.set(k, [c]);
  }
  return by;
}

function sum(cohorts: readonly CandidateCohort[], pred: (c: CandidateCohort) => boolean): number {
  let n = 0;
  for (const c of cohorts) if (pred(c)) n += c.candidates;
  return n;
}

function decisionCounts(cohorts: readonly CandidateCohort[], pick: (c: CandidateCohort) => ScreeningDecision | null, reached: (c: CandidateCohort) => boolean): DecisionCounts {
  const out: DecisionCounts = { total: 0, advance: 0, review: 0, 'needs-interview': 0, reject: 0 };
  for (const c of cohorts) {
    if (!reached(c)) continue;
    out.total += c.candidates;
    const d: string | null = pick(c);
    // A decision a newer rubric introduced is counted under its own name, not dropped.
    if (d) (out as unknown as Record<string, number>)[d] = ((out as unknown as Record<string, number>)[d] ?? 0) + c.candidates;
  }
  return out;
}

export function stageCounts(cohorts: readonly CandidateCohort[]): StageCounts {
  let approved = 0;
  let refused = 0;
  let decided = 0;
  let refusals = 0;
  for (const c of cohorts) {
    refusals += c.offersRefused;
    if (!c.offerDecided) continue;
    decided += c.candidates;
    if (c.offerDecision === 'approved') approved += c.candidates;
    if (c.offerDecision === 'refused') refused += c.candidates;
  }
  return {
    sourced: sum(cohorts, (c) => c.sourced),
    screened: decisionCounts(cohorts, (c) => c.screeningDecision, (c) => c.screened),
    scored: decisionCounts(cohorts, (c) => c.scoreDecision, (c) => c.scored),
    offers: { decided, approved, refused, refusals },
  };
}

/** Cohort conversions: of the candidates that reached one stage, how many reached the next. */
export function stageConversions(cohorts: readonly CandidateCohort[]): Conversion[] {
  const count = (pred: (c: CandidateCohort) => boolean) => sum(cohorts, pred);
  // Qualified means screened in (advance or review), as for the time to first qualified: needs-interview is not yet.
  const qualified = (c: CandidateCohort) => c.screeningDecision !== null && isQualified(c.screeningDecision);
  return [
    conversion('sourced', 'screened', count((c) => c.sourced), count((c) => c.sourced && c.screened)),
    conversion('screened', 'qualified', count((c) => c.screened), count((c) => c.screened && qualified(c))),
    conversion('screened', 'scored', count((c) => c.screened), count((c) => c.screened && c.scored)),
    conversion('scored', 'offer decided', count((c) => c.scored), count((c) => c.scored && c.offerDecided)),
    conversion('offer decided', 'offer approved', count((c) => c.offerDecided), count((c) => c.offerDecision === 'approved')),
  ];
}

export function timesInStage(steps: StepDurations): TimeInStage[] {
  return [
    { from: 'sourced', to: 'screened', ...steps.sourcedToScreened },
    { from: 'screened', to: 'scored', ...steps.screenedToScored },
    { from: 'scored', to: 'offer decided', ...steps.scoredToOfferDecided },
  ];
}

/**
 * Per agency. `requisitionStarts` holds the first submission on each
 * requisition by ANY agency (the read model's proxy for "the requisition
 * opened": events do not carry the requisition's own creation time), so
 * agencies on one requisition are measured from the same start line.
 * A requisition missing from it falls back to the earliest submission in `cohorts`.
 */
export function agencyStats(cohorts: readonly CandidateCohort[], requisitionStarts: ReadonlyMap<string, Date>, options: StatsOptions): AgencyStats[] {
  const byAgency = cohortsBy(cohorts, (c) => c.agencyId);
  const fallbackStarts = new Map<string, Date>();
  for (const c of cohorts) {
    if (!c.requisitionId || !c.firstSourcedAt) continue;
    const s = fallbackStarts.get(c.requisitionId);
    if (!s || c.firstSourcedAt < s) fallbackStarts.set(c.requisitionId, c.firstSourcedAt);
  }

  const out: AgencyStats[] = [];
  for (const [agencyId, list] of byAgency) {
    const firstQualified = new Map<string, Date | null>();
    for (const c of list) {
      if (!c.requisitionId) continue;
      const current = firstQualified.get(c.requisitionId) ?? null;
      const q = c.firstQualifiedAt;
      firstQualified.set(c.requisitionId, q && (!current || q < current) ? q : current);
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
      sourced: sum(list, (c) => c.sourced),
      qualified: sum(list, (c) => c.screeningDecision !== null && isQualified(c.screeningDecision)),
      requisitions: leads.length,
      requisitionsQualified: times.length,
      requisitionsWithinTarget: times.filter((t) => t <= options.firstQualifiedTargetMs).length,
      timeToFirstQualified: durations(times),
      offersRefused: list.reduce((total, c) => total + c.offersRefused, 0),
      requisitionLeads: leads.slice(0, REQUISITIONS_PER_AGENCY),
    });
  }
  return out.sort((a, b) => b.sourced - a.sourced || a.agencyId.localeCompare(b.agencyId));
}

export function pipelineStats(cohorts: readonly CandidateCohort[], steps: StepDurations, requisitionStarts: ReadonlyMap<string, Date>, options: StatsOptions): PipelineStats {
  return {
    stages: stageCounts(cohorts),
    conversion: stageConversions(cohorts),
    timeInStage: timesInStage(steps),
    agencies: agencyStats(cohorts, requisitionStarts, options),
  };
}
