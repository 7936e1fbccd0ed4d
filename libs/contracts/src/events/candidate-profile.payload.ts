// The candidate profile as it travels in events: the facts screening reads
// (hiring-rules.md sections 3 and 4), and no identity. It mirrors the domain
// library's `CandidateProfile` (libs/domain/src/profile) field for field and
// bound for bound, so a profile that passes here also passes the domain's own
// check; it is declared here, not imported, because contracts must not depend
// on the domain's runtime code. Keep the two in step in one change.
import {
  Flag,
  IntegerBetween,
  LongText,
  LongTextList,
  Nested,
  NestedList,
  OneOf,
  Optional,
  ShortText,
  ShortTextList,
  UniqueChoices,
} from './field-rules';
import { MoneyPayload } from './common.payload';
import {
  LOCATION_TIERS,
  REVIEW_ASPECTS,
  SOFT_SKILLS,
  SYSTEM_AREAS,
  TARGET_ROLES,
  TRADE_OFF_AREAS,
  TRADE_OFF_TOPICS,
  type LocationTier,
  type ReviewAspect,
  type SoftSkill,
  type SystemArea,
  type TargetRole,
  type TradeOffArea,
} from './vocabulary';
import { ValidateIf } from 'class-validator';

/** Operational evidence, free text per concern; a concern the candidate said nothing about is left out. */
export class ProductionEvidencePayload {
  @Optional() @LongText() latency?: string;
  @Optional() @LongText() reliability?: string;
  @Optional() @LongText() monitoring?: string;
  @Optional() @LongText() incidentResponse?: string;
}

export class ProductionSystemPayload {
  @ShortText() name!: string;
  @OneOf(SYSTEM_AREAS) area!: SystemArea;
  @Optional() @LongText() description?: string;
  @Nested(() => ProductionEvidencePayload) evidence!: ProductionEvidencePayload;
}

export class ArchitectureDecisionPayload {
  @OneOf(SYSTEM_AREAS) area!: SystemArea;
  @LongText() decision!: string;
  /** Absent = the candidate could not say why (the "vague on decisions" red flag reads this). */
  @Optional() @LongText() rationale?: string;
  @Optional() @ShortTextList(10) constraints?: string[];
  @Flag() heldUpAtScale!: boolean;
  @Flag() laterReversed!: boolean;
  @Optional() @LongText() lessonLearned?: string;
}

const KNOWN_TOPICS: readonly string[] = TRADE_OFF_TOPICS;

export class TradeOffOpinionPayload {
  /** A known topic name (TRADE_OFF_TOPICS) or free text, e.g. "batch vs streaming". */
  @ShortText() topic!: string;
  /** Optional for a known topic name, required for any other topic (the JSON Schema's if/else says the same). */
  @ValidateIf((o: Partial<TradeOffOpinionPayload>, value: unknown) => value !== undefined || (typeof o.topic === 'string' && !KNOWN_TOPICS.includes(o.topic)))
  @OneOf(TRADE_OFF_AREAS)
  area?: TradeOffArea;
  @ShortText() stance!: string;
  @LongText() reasoning!: string;
}

export class CodeReviewPracticePayload {
  @OneOf(SYSTEM_AREAS) area!: SystemArea;
  @UniqueChoices(REVIEW_ASPECTS, 8) aspects!: ReviewAspect[];
  @LongText() example!: string;
}

export class UnblockingExamplePayload {
  @LongText() blocker!: string;
  @LongText() resolution!: string;
}

export class StakeholderTranslationPayload {
  @ShortText() audience!: string;
  @LongText() situation!: string;
  @LongText() outcome!: string;
}

export class PublicationPayload {
  @ShortText() title!: string;
  @Optional() @ShortText() venue?: string;
  @Optional() @IntegerBetween(1950, 2100) year?: number;
}

export class SoftSkillEvidencePayload {
  @OneOf(SOFT_SKILLS) skill!: SoftSkill;
  @LongText() example!: string;
}

export class CandidateProfilePayload {
  @OneOf(TARGET_ROLES) targetRole!: TargetRole;
  @OneOf(LOCATION_TIERS) locationTier!: LocationTier;
  @IntegerBetween(0, 60) yearsOfExperience!: number;
  @NestedList(() => ProductionSystemPayload, 20) productionSystems!: ProductionSystemPayload[];
  @NestedList(() => ArchitectureDecisionPayload, 20) architectureDecisions!: ArchitectureDecisionPayload[];
  @NestedList(() => TradeOffOpinionPayload, 20) tradeOffOpinions!: TradeOffOpinionPayload[];
  @Optional() @Nested(() => CodeReviewPracticePayload) codeReview?: CodeReviewPracticePayload;
  @NestedList(() => UnblockingExamplePayload, 20) unblockingExamples!: UnblockingExamplePayload[];
  @NestedList(() => StakeholderTranslationPayload, 20) stakeholderTranslations!: StakeholderTranslationPayload[];
  /** As told: solo vs team framing is read from these, so they are never rewritten. */
  @LongTextList(30) achievements!: string[];
  @NestedList(() => PublicationPayload, 50) publications!: PublicationPayload[];
  /** Interviewer's rating of how easy the candidate is to follow: 1 (takes effort) to 5 (effortless). */
  @IntegerBetween(1, 5) communicationRating!: number;
  @Flag() internalCandidate!: boolean;
  /** The candidate explicitly asked for the leadership track (promotion advice, section 4). */
  @Flag() leadershipInterest!: boolean;
  @NestedList(() => SoftSkillEvidencePayload, 20) softSkillEvidence!: SoftSkillEvidencePayload[];
  @Optional() @Nested(() => MoneyPayload) currentBase?: MoneyPayload;
  @Optional() @Nested(() => MoneyPayload) expectedBase?: MoneyPayload;
}
