import { LEAD_SECTIONS_2026_03, READ_FOR_SUBSTANCE_2026_12 } from './lead-sections';
import type { ScreeningRubric } from './rubric';

/**
 * General (software) Technical Lead screening. The guide says the technical
 * signals are the software equivalents (distributed systems, reliability
 * engineering, API design, performance); the leadership signals, red flags
 * and decision rule are the AI Tech Lead's (lead-sections.ts).
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
  ...LEAD_SECTIONS_2026_03,
};

/** 2026-12: the same rubric read for substance (lead-sections.ts). */
export const TECH_LEAD_RUBRIC_2026_12: ScreeningRubric = { ...TECH_LEAD_RUBRIC_2026_03, ...READ_FOR_SUBSTANCE_2026_12 };
