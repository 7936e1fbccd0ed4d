// recruiting.candidate-screened.v1: the verdict of every rubric rule with the
// evidence that decided it and the rubric version, so a recruiter can check a
// screening by hand and any screening can be replayed.
import { RubricRefPayload } from './common.payload';
import { Flag, Identifier, LongTextList, Nested, NestedList, OneOf, Timestamp } from './field-rules';
import {
  LOCATION_TIERS,
  RULE_GROUPS,
  RULE_KINDS,
  SCREENING_DECISIONS,
  TARGET_ROLES,
  type LocationTier,
  type RuleGroup,
  type RuleKind,
  type ScreeningDecision,
  type TargetRole,
} from './vocabulary';

/** Rubrics are small; 100 leaves room to grow without letting a payload balloon. */
export const MAX_RULES = 100;

export class RuleOutcomePayload {
  @Identifier() ruleId!: string;
  @OneOf(RULE_KINDS) kind!: RuleKind;
  @OneOf(RULE_GROUPS) group!: RuleGroup;
  /** For a signal: the candidate shows it. For a red flag: the flag is raised. */
  @Flag() met!: boolean;
  /** The profile statements that decided the verdict, quoted; empty when nothing in the profile spoke to it. */
  @LongTextList(20) evidence!: string[];
}

export class CandidateScreenedEvent {
  @Identifier() candidateId!: string;
  @Identifier() submissionId!: string;
  @Identifier() agencyId!: string;
  @Identifier() requisitionId!: string;
  @OneOf(TARGET_ROLES) role!: TargetRole;
  @OneOf(LOCATION_TIERS) locationTier!: LocationTier;
  @OneOf(SCREENING_DECISIONS) decision!: ScreeningDecision;
  @Nested(() => RubricRefPayload) rubric!: RubricRefPayload;
  @NestedList(() => RuleOutcomePayload, MAX_RULES) rules!: RuleOutcomePayload[];
  @Timestamp() screenedAt!: string;
}
