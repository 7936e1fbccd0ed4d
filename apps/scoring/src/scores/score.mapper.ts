// Explicit mappers at the scoring service's boundaries:
// candidate-screened payload -> domain ScreeningResult; domain Score -> stored
// record -> candidate-scored payload (ids, numbers, rule ids: no identity, no
// free text, no evidence) and HTTP response.
import type { CandidateScoredEvent, CandidateScreenedEvent } from '@hiring/contracts';
import {
  candidateRefOf,
  decideScreening,
  SCREENING_RULE_IDS,
  type CandidateRef,
  type RuleOutcome,
  type Score,
  type ScreeningDecision,
  type ScreeningRubric,
  type ScreeningRuleId,
} from '@hiring/domain';
import { ScoringException, ScoringExceptionCode } from '../shared/scoring.exception';
import type { ScoreEntity } from './score.entity';
import type { ScoreRecord, ScreeningInput } from './score.model';

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(SCREENING_RULE_IDS);

/**
 * candidate-screened -> the domain's ScreeningResult, checked against the rubric
 * it names. The event carries no evidence: scoring needs verdicts, not quotes.
 */
export function toScreeningInput(data: CandidateScreenedEvent, rubric: ScreeningRubric): ScreeningInput {
  const errors = data.rules
    .map((r, i) => (KNOWN_RULE_IDS.has(r.ruleId) ? undefined : { path: `data.rules[${i}].ruleId`, message: `unknown rule id "${r.ruleId}"` }))
    .filter((e): e is { path: string; message: string } => e !== undefined);
  if (rubric.role !== data.role) errors.push({ path: 'data.role', message: `rubric ${rubric.id}@${rubric.version} is for ${rubric.role}` });
  if (errors.length > 0) throw new ScoringException(ScoringExceptionCode.SCREENING_MISMATCH, 'screening does not fit its rubric', errors);
  const rules: RuleOutcome[] = data.rules.map((r) => ({
    ruleId: r.ruleId as ScreeningRuleId,
    group: r.group,
    met: r.state === 'shown',
    state: r.state,
    thin: r.thin,
    evidence: [],
    rubricId: data.rubric.id,
    rubricVersion: data.rubric.version,
  }));
  const { summary, reasons } = decideScreening(rules, rubric);
  return {
    ...candidateRefOf(data),
    // The decision is screening's; scoring explains it with points and does not re-decide.
    screening: {
      role: data.role,
      decision: data.decision,
      rubricId: data.rubric.id,
      rubricVersion: data.rubric.version,
      rules,
      summary,
      reasons,
      // Scoring needs the verdicts, not the questions: the kit's ids are enough.
      interviewKit: { ruleIds: data.interviewKit as ScreeningRuleId[], probes: [] },
    },
    screenedAt: new Date(data.screenedAt),
  };
}

export function toScoreRecord(input: ScreeningInput, score: Score, scoredAt: Date): ScoreRecord {
  return {
    ...candidateRefOf(input),
    score: score.score,
    raw: score.raw,
    breakdown: score.breakdown,
    penalties: score.breakdown.redFlags.lines.filter((l) => l.met).map((l) => ({ ruleId: l.ruleId, points: l.points })),
    decision: input.screening.decision,
    rubricId: score.rubricId,
    rubricVersion: score.rubricVersion,
    screenedAt: input.screenedAt,
    scoredAt,
  };
}

export function toScoreFromEntity(entity: ScoreEntity): ScoreRecord {
  return {
    ...candidateRefOf(entity),
    score: entity.score,
    raw: entity.rawScore,
    breakdown: entity.breakdown as Score['breakdown'],
    penalties: entity.penalties as ScoreRecord['penalties'],
    decision: entity.decision as ScreeningDecision,
    rubricId: entity.rubricId,
    rubricVersion: entity.rubricVersion,
    screenedAt: entity.screenedAt,
    scoredAt: entity.scoredAt,
  };
}

/** Built field by field from the record, so nothing but ids, numbers and rule ids can reach the compacted topic. */
export function toCandidateScoredEvent(record: ScoreRecord): CandidateScoredEvent {
  const group = (name: 'technical' | 'leadership') => {
    const g = record.breakdown[name];
    return { group: name, points: g.points, max: g.max, rules: g.lines.map((l) => ({ ruleId: l.ruleId, points: l.points })) };
  };
  return {
    ...candidateRefOf(record),
    score: record.score,
    breakdown: [group('technical'), group('leadership')],
    penalties: record.penalties.map((p) => ({ ruleId: p.ruleId, points: p.points })),
    decision: record.decision,
    rubric: { id: record.rubricId, version: record.rubricVersion },
    scoredAt: record.scoredAt.toISOString(),
  };
}

export interface ScoreView extends CandidateRef {
  score: number;
  /** Before clamping to 0..100. */
  raw: number;
  decision: ScreeningDecision;
  rubric: { id: string; version: string };
  breakdown: Score['breakdown'];
  penalties: ScoreRecord['penalties'];
  screenedAt: string;
  scoredAt: string;
}

export function toScoreView(record: ScoreRecord): ScoreView {
  return {
    ...candidateRefOf(record),
    score: record.score,
    raw: record.raw,
    decision: record.decision,
    rubric: { id: record.rubricId, version: record.rubricVersion },
    breakdown: record.breakdown,
    penalties: record.penalties,
    screenedAt: record.screenedAt.toISOString(),
    scoredAt: record.scoredAt.toISOString(),
  };
}
