import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { ScreeningRubric } from '../screening/rubric';
import type { LeadershipRuleId, RedFlagRuleId, ScreeningRuleId, TechnicalRuleId } from '../screening/rule-ids';
import type { ScreeningResult } from '../screening/screening-result';

export interface ScoreLine {
  ruleId: ScreeningRuleId;
  met: boolean;
  /** Points earned (signals) or deducted (red flags, as a positive number). */
  points: number;
  /** Points available (signals) or the penalty if raised (red flags). */
  weight: number;
}

export interface ScoreGroup {
  points: number;
  max: number;
  lines: ScoreLine[];
}

export interface Score {
  /** 0..100 after clamping (and, from 2026-12, placed in the decision's band). */
  score: number;
  /** Before clamping: technical + leadership - penalties. Kept so a clamp is visible. */
  raw: number;
  breakdown: {
    technical: ScoreGroup;
    leadership: ScoreGroup;
    redFlags: { penalty: number; lines: ScoreLine[] };
  };
  rubricId: string;
  rubricVersion: string;
}

/** Weight (or penalty) of each rule in the rubric: the only place scoring reads numbers from. */
export function ruleWeights(rubric: ScreeningRubric): Record<ScreeningRuleId, number> {
  const t = rubric.technical;
  const l = rubric.leadership;
  const f = rubric.redFlags;
  const technical: Record<TechnicalRuleId, number> = {
    'tech.architecture-at-scale': t.architectureAtScale.weight,
    'tech.infra-tradeoffs': t.infraTradeoffs.weight,
    'tech.shipped-production': t.shippedProduction.weight,
    'tech.code-review': t.codeReview.weight,
  };
  const leadership: Record<LeadershipRuleId, number> = {
    'lead.unblocking': l.unblocking.weight,
    'lead.translation': l.translation.weight,
    'lead.team-framing': l.teamFraming.weight,
    'lead.course-correction': l.courseCorrection.weight,
  };
  const redFlags: Record<RedFlagRuleId, number> = {
    'flag.research-without-production': f.researchWithoutProduction.penalty,
    'flag.solo-framing': f.soloFraming.penalty,
    'flag.vague-decisions': f.vagueDecisions.penalty,
    'flag.hard-to-follow': f.hardToFollow.penalty,
  };
  return { ...technical, ...leadership, ...redFlags };
}

/**
 * Scores a screening with the rubric that produced it: the sum of met signal
 * weights minus the penalties of raised red flags, clamped to 0..100.
 * Deterministic for a rubric version; no ranking magic beyond the breakdown.
 */
export function scoreScreening(screening: ScreeningResult, rubric: ScreeningRubric): Score {
  if (screening.rubricId !== rubric.id || screening.rubricVersion !== rubric.version) {
    // Weights of one version applied to verdicts of another would be unexplainable.
    throw new DomainError(
      DomainErrorCode.RUBRIC_MISMATCH,
      `screening was made with ${screening.rubricId}@${screening.rubricVersion}, not ${rubric.id}@${rubric.version}`,
      { screening: `${screening.rubricId}@${screening.rubricVersion}`, rubric: `${rubric.id}@${rubric.version}` },
    );
  }
  const weights = ruleWeights(rubric);
  const group = (name: 'technical' | 'leadership'): ScoreGroup => {
    const lines = screening.rules
      .filter((rule) => rule.group === name)
      .map((rule) => ({ ruleId: rule.ruleId, met: rule.met, weight: weights[rule.ruleId], points: rule.met ? weights[rule.ruleId] : 0 }));
    return { points: sum(lines.map((l) => l.points)), max: sum(lines.map((l) => l.weight)), lines };
  };
  const technical = group('technical');
  const leadership = group('leadership');
  const flagLines = screening.rules
    .filter((rule) => rule.group === 'red-flag')
    .map((rule) => ({ ruleId: rule.ruleId, met: rule.met, weight: weights[rule.ruleId], points: rule.met ? weights[rule.ruleId] : 0 }));
  const penalty = sum(flagLines.map((l) => l.points));
  const raw = technical.points + leadership.points - penalty;
  return {
    score: placeScore(raw, screening, rubric),
    raw,
    breakdown: { technical, leadership, redFlags: { penalty, lines: flagLines } },
    rubricId: rubric.id,
    rubricVersion: rubric.version,
  };
}

/**
 * 2026-12 places the clamped raw score inside the band of the decision, so the
 * order of scores never contradicts the order of decisions (a rejected
 * candidate never outscores one in review), and caps it when a blocking flag
 * is raised. 2026-03 rubrics have no bands: their scores replay unchanged.
 */
function placeScore(raw: number, screening: ScreeningResult, rubric: ScreeningRubric): number {
  const clamped = Math.min(100, Math.max(0, raw));
  const bands = rubric.scoreBands;
  if (!bands) return clamped;
  const band = screening.decision === 'needs-interview' ? bands.needsInterview : bands[screening.decision];
  const placed = band.min + Math.round((clamped / 100) * (band.max - band.min));
  const blocked = screening.summary.redFlagsRaised.some((id) => (rubric.decision.reject.blockingFlags as readonly string[]).includes(id));
  return blocked ? Math.min(placed, bands.blockingFlagCap) : placed;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
