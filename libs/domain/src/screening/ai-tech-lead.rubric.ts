import { LEAD_SECTIONS_2026_03, READ_FOR_SUBSTANCE_2026_12 } from './lead-sections';
import type { ScreeningRubric } from './rubric';

/**
 * AI Tech Lead screening, from the March-2026 hiring guide (hiring-rules.md
 * section 3). Technical signals are about ML systems; weights add up to 100
 * (technical 60, leadership 40) so a score reads as a percentage before
 * red-flag penalties.
 */
export const AI_TECH_LEAD_RUBRIC_2026_03: ScreeningRubric = {
  id: 'ai-tech-lead-screening',
  version: '2026-03',
  effectiveFrom: '2026-03-01',
  role: 'ai-tech-lead',
  technical: {
    architectureAtScale: { weight: 15, area: 'ml', minDecisions: 1 },
    infraTradeoffs: {
      weight: 15,
      topics: ['managed-vs-custom-training', 'evaluation', 'fine-tuning-vs-rag', 'inference-serving'],
      minDistinctTopics: 2,
    },
    shippedProduction: {
      weight: 15,
      area: 'ml',
      evidence: ['latency', 'reliability', 'monitoring', 'incidentResponse'],
      minEvidencePerSystem: 3,
      minSystems: 1,
    },
    codeReview: {
      weight: 15,
      area: 'ml',
      aspects: ['scalability', 'maintainability', 'architecture-fit', 'evaluation-methodology', 'data-quality'],
      minAspects: 2,
    },
  },
  ...LEAD_SECTIONS_2026_03,
};

/** 2026-12: the same rubric read for substance (lead-sections.ts). */
export const AI_TECH_LEAD_RUBRIC_2026_12: ScreeningRubric = { ...AI_TECH_LEAD_RUBRIC_2026_03, ...READ_FOR_SUBSTANCE_2026_12 };
