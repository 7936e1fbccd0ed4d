import { SOFT_SKILLS, type CandidateProfile } from '../profile/candidate-profile';
import { PROMOTION_RULES_2026_03, type PromotionRules } from './promotion-rules';

export interface PromotionInput {
  /** The engineer explicitly asked for the leadership track. */
  explicitInterest: boolean;
  /** Clear communication, stakeholder management, influence without authority, all shown. */
  softSkillsDemonstrated: boolean;
}

export type PromotionAdvice =
  | { recommendation: 'trial'; trialMonths: [number, number]; reasons: string[]; rulesVersion: string }
  | { recommendation: 'hire-externally'; reasons: string[]; rulesVersion: string };

/**
 * "Should we promote our best ML engineer?" A trial only when both conditions
 * hold; otherwise hire externally and keep the engineer building, because a
 * strong IC lost to meetings is a real cost and moving back is rarely smooth.
 */
export function advisePromotion(input: PromotionInput, rules: PromotionRules = PROMOTION_RULES_2026_03): PromotionAdvice {
  const at = `promotion rules ${rules.version}`;
  if (input.explicitInterest && input.softSkillsDemonstrated) {
    const [from, to] = rules.trialMonths;
    return {
      recommendation: 'trial',
      trialMonths: [from, to],
      reasons: [
        `the engineer explicitly asked for the leadership track and has shown the soft skills: run a structured ${from}-${to} month trial (${at})`,
      ],
      rulesVersion: rules.version,
    };
  }
  const missing: string[] = [];
  if (!input.explicitInterest) missing.push('the engineer has not explicitly asked for the leadership track');
  if (!input.softSkillsDemonstrated) {
    missing.push('the soft skills (clear communication, stakeholder management, influence without authority) are not demonstrated');
  }
  return {
    recommendation: 'hire-externally',
    reasons: [
      ...missing.map((m) => `${m} (${at})`),
      'hire the lead externally and keep the engineer building: a Staff ML engineer at ~70% building is worth more than the same person at ~60% meetings, and moving back to IC is rarely smooth',
    ],
    rulesVersion: rules.version,
  };
}

/**
 * Reads the promotion facts from a candidate profile: interest is the explicit
 * ask; soft skills count as demonstrated only when every one the guide names
 * has an example (one strong skill does not make a lead).
 */
export function promotionInputFromProfile(profile: CandidateProfile): PromotionInput {
  const shown = new Set(profile.softSkillEvidence.filter((e) => e.example.trim().length > 0).map((e) => e.skill));
  return { explicitInterest: profile.leadershipInterest, softSkillsDemonstrated: SOFT_SKILLS.every((skill) => shown.has(skill)) };
}
