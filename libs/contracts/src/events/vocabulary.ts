// The closed vocabularies of the events. They mirror hiring-rules.md (roles,
// location tiers, currencies, rule groups) and the domain library's lists;
// each one is also spelled out as an `enum` in schemas/common.schema.json,
// and the schema parity test fails if the two disagree.

export const TARGET_ROLES = ['ai-tech-lead', 'tech-lead'] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

export const LOCATION_TIERS = ['us-sf-ny', 'us-metro', 'us-remote', 'uk-london', 'il-tel-aviv'] as const;
export type LocationTier = (typeof LOCATION_TIERS)[number];

/** An amount is in the currency of its location; there is never a silent conversion. */
export const CURRENCIES = ['USD', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** `needs-interview` (rubric 2026-12): nothing speaks against the candidate, too little is known yet. */
export const SCREENING_DECISIONS = ['advance', 'review', 'needs-interview', 'reject'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** Per rule: shown (a red flag: raised), contradicted by the profile, or not yet known. */
export const SIGNAL_STATES = ['shown', 'contradicted', 'not-yet-known'] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

/** An interviewer's answer for one rule: confirmed (shown; a red flag raised) or not confirmed (contradicted; a red flag ruled out). */
export const FEEDBACK_OUTCOMES = ['confirmed', 'not-confirmed'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

export const RULE_KINDS = ['signal', 'red-flag'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_GROUPS = ['technical', 'leadership', 'red-flag'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** Groups that earn points; red flags only deduct (see `penalties`). */
export const SCORED_GROUPS = ['technical', 'leadership'] as const;
export type ScoredGroup = (typeof SCORED_GROUPS)[number];

export const OFFER_DECISIONS = ['approved', 'refused'] as const;
export type OfferDecision = (typeof OFFER_DECISIONS)[number];

export const SYSTEM_AREAS = ['ml', 'software'] as const;
export type SystemArea = (typeof SYSTEM_AREAS)[number];

export const TRADE_OFF_TOPICS = [
  'managed-vs-custom-training',
  'evaluation',
  'fine-tuning-vs-rag',
  'inference-serving',
  'distributed-systems',
  'reliability-engineering',
  'api-design',
  'performance',
] as const;
export type TradeOffTopic = (typeof TRADE_OFF_TOPICS)[number];

/** A trade-off topic is free text; a topic not in TRADE_OFF_TOPICS must carry its area. */
export const TRADE_OFF_AREAS = ['ml', 'software', 'other'] as const;
export type TradeOffArea = (typeof TRADE_OFF_AREAS)[number];

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
