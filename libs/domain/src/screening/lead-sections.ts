import { EVIDENCE_QUALITY_2026_12, SCORE_BANDS_2026_12 } from './evidence-quality';
import type { ScreeningRubric } from './rubric';

// What the two roles' rubrics share. The guide (hiring-rules.md section 3)
// gives the general Technical Lead "the software equivalents" of the AI Tech
// Lead's technical signals and the same leadership signals, red flags and
// decision rule, so a rubric file holds only its role's technical section and
// takes the rest from here: a change to a shared section reaches both roles.

/** The March-2026 guide's sections both roles share; leadership weighs 40 of 100. */
export const LEAD_SECTIONS_2026_03: Pick<ScreeningRubric, 'leadership' | 'redFlags' | 'decision'> = {
  leadership: {
    unblocking: { weight: 10, minExamples: 1 },
    translation: { weight: 10, minExamples: 1 },
    teamFraming: { weight: 10, minTeamShare: 0.4 },
    courseCorrection: { weight: 10, minExamples: 1 },
  },
  redFlags: {
    researchWithoutProduction: { penalty: 20, minPublications: 1, productionEvidence: ['monitoring', 'incidentResponse'] },
    soloFraming: { penalty: 15, minSoloShare: 0.8, minFramingWords: 3 },
    vagueDecisions: { penalty: 15, minVagueShare: 0.5 },
    hardToFollow: { penalty: 25, minCommunicationRating: 3 },
  },
  decision: {
    advance: { minTechnical: 3, minLeadership: 3, maxRedFlags: 0 },
    reject: { minTechnical: 2, maxRedFlags: 2, blockingFlags: ['flag.hard-to-follow'] },
  },
};

/**
 * 2026-12, for both roles: same weights and signals, read for substance
 * (evidence-quality.ts): silence is "not yet known" and leads to an
 * interview, not a rejection; only red flags and facts stated against the
 * candidate reject. In force from 2026-11-30, the day it was published
 * (docs/domain.md). Spread over a role's 2026-03 rubric.
 */
export const READ_FOR_SUBSTANCE_2026_12: Pick<
  ScreeningRubric,
  'version' | 'effectiveFrom' | 'redFlags' | 'decision' | 'evidenceQuality' | 'scoreBands'
> = {
  version: '2026-12',
  effectiveFrom: '2026-11-30',
  redFlags: {
    ...LEAD_SECTIONS_2026_03.redFlags,
    // The guide: "every achievement in the first person singular".
    soloFraming: { ...LEAD_SECTIONS_2026_03.redFlags.soloFraming, minSoloShare: 1 },
  },
  decision: {
    advance: { minTechnical: 3, minLeadership: 3, maxRedFlags: 0 },
    reject: { minTechnical: 0, minContradictedTechnical: 2, maxRedFlags: 2, blockingFlags: ['flag.hard-to-follow'] },
  },
  evidenceQuality: EVIDENCE_QUALITY_2026_12,
  scoreBands: SCORE_BANDS_2026_12,
};
