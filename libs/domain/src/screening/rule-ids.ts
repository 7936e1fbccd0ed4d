/**
 * Stable ids of the screening rules (hiring-rules.md section 3). They appear in
 * screening results, scores, events and dashboards: rename one and history
 * stops lining up, so add new ids rather than changing these.
 */
export const TECHNICAL_RULE_IDS = [
  'tech.architecture-at-scale',
  'tech.infra-tradeoffs',
  'tech.shipped-production',
  'tech.code-review',
] as const;
export const LEADERSHIP_RULE_IDS = ['lead.unblocking', 'lead.translation', 'lead.team-framing', 'lead.course-correction'] as const;
export const RED_FLAG_RULE_IDS = [
  'flag.research-without-production',
  'flag.solo-framing',
  'flag.vague-decisions',
  'flag.hard-to-follow',
] as const;

export type TechnicalRuleId = (typeof TECHNICAL_RULE_IDS)[number];
export type LeadershipRuleId = (typeof LEADERSHIP_RULE_IDS)[number];
export type RedFlagRuleId = (typeof RED_FLAG_RULE_IDS)[number];
export type ScreeningRuleId = TechnicalRuleId | LeadershipRuleId | RedFlagRuleId;

export type RuleGroup = 'technical' | 'leadership' | 'red-flag';

export const SCREENING_RULE_IDS: readonly ScreeningRuleId[] = [...TECHNICAL_RULE_IDS, ...LEADERSHIP_RULE_IDS, ...RED_FLAG_RULE_IDS];

/** The group of each rule id, e.g. to rebuild outcomes from an event that carries ids only. */
export const RULE_GROUP_OF: Readonly<Record<ScreeningRuleId, RuleGroup>> = Object.fromEntries([
  ...TECHNICAL_RULE_IDS.map((id) => [id, 'technical']),
  ...LEADERSHIP_RULE_IDS.map((id) => [id, 'leadership']),
  ...RED_FLAG_RULE_IDS.map((id) => [id, 'red-flag']),
]) as Record<ScreeningRuleId, RuleGroup>;
