import type { Money } from '../shared/money';
import type { LocationTier, TargetRole } from '../shared/roles';

/**
 * What a staffing agency states about a candidate: every fact the screening
 * rules (hiring-rules.md section 3) and the promotion advice (section 4) read.
 * The JSON Schema in candidate-profile.schema.json is the wire form of this
 * type; candidate-profile.spec.ts fails if the two drift apart.
 *
 * Free text comes from outside and is untrusted: the schema bounds every
 * string and every list.
 */

/** Whether a system, decision or review is about ML or plain software; rubrics pick the one their role needs. */
export const SYSTEM_AREAS = ['ml', 'software'] as const;
export type SystemArea = (typeof SYSTEM_AREAS)[number];

/**
 * Trade-off topics the 2026-03 rubrics knew by name. Since 2026-12 a topic is
 * free text ("monolith vs services"); these names still classify themselves,
 * any other topic carries its own `area`.
 */
export const TRADE_OFF_TOPICS = [
  // ML infrastructure (AI Tech Lead)
  'managed-vs-custom-training',
  'evaluation',
  'fine-tuning-vs-rag',
  'inference-serving',
  // software equivalents (Technical Lead)
  'distributed-systems',
  'reliability-engineering',
  'api-design',
  'performance',
] as const;
export type TradeOffTopic = (typeof TRADE_OFF_TOPICS)[number];

/** What a trade-off is about: ML systems, plain software, or neither (team process, vendor choice...). */
export const TRADE_OFF_AREAS = ['ml', 'software', 'other'] as const;
export type TradeOffArea = (typeof TRADE_OFF_AREAS)[number];

const KNOWN_TOPIC_AREA: Record<TradeOffTopic, TradeOffArea> = {
  'managed-vs-custom-training': 'ml',
  evaluation: 'ml',
  'fine-tuning-vs-rag': 'ml',
  'inference-serving': 'ml',
  'distributed-systems': 'software',
  'reliability-engineering': 'software',
  'api-design': 'software',
  performance: 'software',
};

/** The area of an opinion: its own when stated, else the known topic's (the schema requires `area` for any other topic). */
export function tradeOffArea(opinion: Pick<TradeOffOpinion, 'topic' | 'area'>): TradeOffArea {
  return opinion.area ?? KNOWN_TOPIC_AREA[opinion.topic as TradeOffTopic] ?? 'other';
}

export const REVIEW_ASPECTS = [
  'correctness',
  'scalability',
  'maintainability',
  'architecture-fit',
  'performance',
  'reliability',
  'evaluation-methodology',
  'data-quality',
] as const;
export type ReviewAspect = (typeof REVIEW_ASPECTS)[number];

export const SOFT_SKILLS = ['clear-communication', 'stakeholder-management', 'influence-without-authority'] as const;
export type SoftSkill = (typeof SOFT_SKILLS)[number];

export const PRODUCTION_EVIDENCE_KINDS = ['latency', 'reliability', 'monitoring', 'incidentResponse'] as const;
export type ProductionEvidenceKind = (typeof PRODUCTION_EVIDENCE_KINDS)[number];

/** Free-text evidence per operational concern; an absent or blank entry means "nothing stated". */
export type ProductionEvidence = Partial<Record<ProductionEvidenceKind, string>>;

export interface ProductionSystem {
  name: string;
  area: SystemArea;
  /** What it does and at what scale, in the agency's words. */
  description?: string;
  evidence: ProductionEvidence;
}

export interface ArchitectureDecision {
  area: SystemArea;
  decision: string;
  /** Why: the reasoning behind the decision. Absent = the candidate could not say. */
  rationale?: string;
  /** The constraints that shaped it (latency budget, team size, data volume...). */
  constraints?: string[];
  heldUpAtScale: boolean;
  laterReversed: boolean;
  /** What the candidate learned when the decision turned out wrong. */
  lessonLearned?: string;
}

export interface TradeOffOpinion {
  /** A known topic name or free text, e.g. "batch vs streaming". */
  topic: TradeOffTopic | (string & {});
  /** Required by the schema when `topic` is not a known name. */
  area?: TradeOffArea;
  stance: string;
  reasoning: string;
}

export interface CodeReviewPractice {
  area: SystemArea;
  /** What the candidate looks at when reviewing. */
  aspects: ReviewAspect[];
  example: string;
}

export interface UnblockingExample {
  blocker: string;
  resolution: string;
}

export interface StakeholderTranslation {
  /** Who the non-technical (or technical) counterpart was. */
  audience: string;
  situation: string;
  outcome: string;
}

export interface Publication {
  title: string;
  venue?: string;
  year?: number;
}

export interface SoftSkillEvidence {
  skill: SoftSkill;
  example: string;
}

export interface CandidateProfile {
  targetRole: TargetRole;
  locationTier: LocationTier;
  yearsOfExperience: number;
  productionSystems: ProductionSystem[];
  architectureDecisions: ArchitectureDecision[];
  tradeOffOpinions: TradeOffOpinion[];
  codeReview?: CodeReviewPractice;
  unblockingExamples: UnblockingExample[];
  stakeholderTranslations: StakeholderTranslation[];
  /** Achievement statements as told, free text: solo vs team framing is read from these. */
  achievements: string[];
  publications: Publication[];
  /** Interviewer's rating of how easy the candidate is to follow, 1 (hard) to 5 (effortless). */
  communicationRating: number;
  internalCandidate: boolean;
  /** The candidate explicitly asked for the leadership track. */
  leadershipInterest: boolean;
  softSkillEvidence: SoftSkillEvidence[];
  currentBase?: Money;
  expectedBase?: Money;
}
