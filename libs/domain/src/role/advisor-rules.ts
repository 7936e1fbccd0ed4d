import type { Versioned } from '../shared/versioned';

/** Thresholds of the role advisor (hiring-rules.md section 2), as versioned data. */
export interface AdvisorRules extends Versioned {
  /** Signal 1: an ML team this big with nobody owning ML architecture needs an AI Tech Lead. */
  mlTeamSizeThreshold: number;
  /** This many of the four signals means an AI Tech Lead is needed. */
  minSignalsForAiTechLead: number;
}

export const ADVISOR_RULES_2026_03: AdvisorRules = {
  version: '2026-03',
  effectiveFrom: '2026-03-01',
  mlTeamSizeThreshold: 3,
  minSignalsForAiTechLead: 2,
};
