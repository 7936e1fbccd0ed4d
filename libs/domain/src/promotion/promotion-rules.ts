import type { Versioned } from '../shared/versioned';

/** Internal promotion advice (hiring-rules.md section 4), as versioned data. */
export interface PromotionRules extends Versioned {
  /** Length of the structured leadership trial, in months, [shortest, longest]. */
  trialMonths: [number, number];
}

export const PROMOTION_RULES_2026_03: PromotionRules = {
  version: '2026-03',
  effectiveFrom: '2026-03-01',
  trialMonths: [3, 6],
};
