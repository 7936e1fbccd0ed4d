// recruiting.candidate-scored.v1: the current explainable score of a
// candidate. The topic is compacted and read by dashboards from offset 0, so
// it carries ids, numbers and rule ids only: no name, email, phone or free
// text (a unit test walks the schema to keep it that way).
import { CandidateRefPayload, RubricRefPayload } from './common.payload';
import { Identifier, Nested, NestedList, NumberBetween, OneOf, Timestamp } from './field-rules';
import { MAX_RULES } from './candidate-screened.event';
import {
  SCORED_GROUPS,
  SCREENING_DECISIONS,
  type ScoredGroup,
  type ScreeningDecision,
} from './vocabulary';

/** Points are rubric weights; bounded so a bad rubric cannot publish nonsense. */
export const MAX_POINTS = 1000;

export class RulePointsPayload {
  @Identifier() ruleId!: string;
  /** Earned (signal) or deducted (red flag, as a positive number). */
  @NumberBetween(0, MAX_POINTS) points!: number;
}

export class ScoreGroupPayload {
  @OneOf(SCORED_GROUPS) group!: ScoredGroup;
  @NumberBetween(0, MAX_POINTS) points!: number;
  @NumberBetween(0, MAX_POINTS) max!: number;
  @NestedList(() => RulePointsPayload, MAX_RULES) rules!: RulePointsPayload[];
}

export class CandidateScoredEvent extends CandidateRefPayload {
  /** Technical + leadership points minus penalties, clamped to 0..100. */
  @NumberBetween(0, 100) score!: number;
  @NestedList(() => ScoreGroupPayload, 2) breakdown!: ScoreGroupPayload[];
  /** Raised red flags and the points each one deducted. */
  @NestedList(() => RulePointsPayload, MAX_RULES) penalties!: RulePointsPayload[];
  @OneOf(SCREENING_DECISIONS) decision!: ScreeningDecision;
  @Nested(() => RubricRefPayload) rubric!: RubricRefPayload;
  @Timestamp() scoredAt!: string;
}
