import { EVIDENCE_QUALITY_2026_12, SCORE_BANDS_2026_12 } from './evidence-quality';
import type { ScreeningRubric } from './rubric';

/**
 * General (software) Technical Lead screening. The guide says the technical
 * signals are the software equivalents (distributed systems, reliability
 * engineering, API design, performance) and the leadership signals and red
 * flags are the same, so only the technical section differs from the AI
 * Tech Lead rubric.
 */
export const TECH_LEAD_RUBRIC_2026_03: ScreeningRubric = {
  id: 'tech-lead-screening',
  version: '2026-03',
  effectiveFrom: '2026-03-01',
  role: 'tech-lead',
  technical: {
    architectureAtScale: { weight: 15, area: 'software', minDecisions: 1 },
    infraTradeoffs: {
      weight: 15,
      topics: ['distributed-systems', 'reliability-engineering', 'api-design', 'performance'],
      minDistinctTopics: 2,
    },
    shippedProduction: {
      weight: 15,
      area: 'software',
      evidence: ['latency', 'reliability', 'monitoring', 'incidentResponse'],
      minEvidencePerSystem: 3,
      minSystems: 1,
    },
    codeReview: {
      weight: 15,
      area: 'software',
      aspects: ['scalability', 'maintainability', 'architecture-fit', 'performance', 'reliability'],
      minAspects: 2,
    },
  },
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
 * 2026-12: same weights and signals, read for substance (evidence-quality.ts):
 * silence is "not yet known" and leads to an interview, not a rejection; only
 * red flags and facts stated against the candidate reject. Version in force
 * from 2026-11-30, the day it was published (docs/domain.md).
 */
export const TECH_LEAD_RUBRIC_2026_12: ScreeningRubric = {
  ...TECH_LEAD_RUBRIC_2026_03,
  version: '2026-12',
  effectiveFrom: '2026-11-30',
  redFlags: {
    ...TECH_LEAD_RUBRIC_2026_03.redFlags,
    // The guide: "every achievement in the first person singular".
    soloFraming: { ...TECH_LEAD_RUBRIC_2026_03.redFlags.soloFraming, minSoloShare: 1 },
  },
  decision: {
    advance: { minTechnical: 3, minLeadership: 3, maxRedFlags: 0 },
    reject: { minTechnical: 0, minContradictedTechnical: 2, maxRedFlags: 2, blockingFlags: ['flag.hard-to-follow'] },
  },
  evidenceQuality: EVIDENCE_QUALITY_2026_12,
  scoreBands: SCORE_BANDS_2026_12,
};
