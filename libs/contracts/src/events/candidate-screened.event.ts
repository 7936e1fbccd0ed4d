// recruiting.candidate-screened.v1: the verdict of every rubric rule as rule
// ids, states and counts, the rubric version and the interview kit's rule ids.
// No free text: the evidence quotes stay in screening's database (erasable,
// served by its ops API), so nothing a candidate said outlives an erasure in a
// topic.
import { CandidateRefPayload, RubricRefPayload } from './common.payload';
import { Flag, Identifier, IdentifierList, IntegerBetween, Nested, NestedList, OneOf, Optional, Timestamp } from './field-rules';
import {
  RULE_GROUPS,
  RULE_KINDS,
  SCREENING_DECISIONS,
  SIGNAL_STATES,
  type RuleGroup,
  type RuleKind,
  type ScreeningDecision,
  type SignalState,
} from './vocabulary';

/** Rubrics are small; 100 leaves room to grow without letting a payload balloon. */
export const MAX_RULES = 100;
/** Interviews per candidate: a handful; the bound only keeps the field sane. */
export const MAX_REVISION = 1000;

export class RuleOutcomePayload {
  @Identifier() ruleId!: string;
  @OneOf(RULE_KINDS) kind!: RuleKind;
  @OneOf(RULE_GROUPS) group!: RuleGroup;
  /** For a signal: the candidate shows it. For a red flag: the flag is raised. Always `state === 'shown'`. */
  @Flag() met!: boolean;
  /** shown / contradicted / not-yet-known (rubric 2026-03 knew only shown and not shown). */
  @OneOf(SIGNAL_STATES) state!: SignalState;
  /** Shown on thin evidence: the interview kit probes it anyway. */
  @Flag() thin!: boolean;
}

export class ScreeningCountsPayload {
  @IntegerBetween(0, MAX_RULES) technicalShown!: number;
  @IntegerBetween(0, MAX_RULES) technicalTotal!: number;
  @IntegerBetween(0, MAX_RULES) leadershipShown!: number;
  @IntegerBetween(0, MAX_RULES) leadershipTotal!: number;
  @IntegerBetween(0, MAX_RULES) redFlagsRaised!: number;
  /** Signals the profile speaks against. */
  @IntegerBetween(0, MAX_RULES) contradicted!: number;
  /** Signals nothing is known about yet. */
  @IntegerBetween(0, MAX_RULES) notYetKnown!: number;
}

export class CandidateScreenedEvent extends CandidateRefPayload {
  @OneOf(SCREENING_DECISIONS) decision!: ScreeningDecision;
  @Nested(() => RubricRefPayload) rubric!: RubricRefPayload;
  @NestedList(() => RuleOutcomePayload, MAX_RULES) rules!: RuleOutcomePayload[];
  @Nested(() => ScreeningCountsPayload) counts!: ScreeningCountsPayload;
  /** Rule ids the interview kit probes, in interview order; the questions themselves are served by screening's API. */
  @IdentifierList(MAX_RULES) interviewKit!: string[];
  @Timestamp() screenedAt!: string;
  /** 0: the profile alone; n: with the feedback of n interviews (recruiting.interview-feedback.v1). Absent in events from before feedback existed. */
  @Optional() @IntegerBetween(0, MAX_REVISION) revision?: number;
}
