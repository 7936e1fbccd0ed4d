import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { TargetRole } from '../shared/roles';
import { selectVersionInForce } from '../shared/versioned';
import type { ScreeningRubric } from './rubric';
import { AI_TECH_LEAD_RUBRIC_2026_03, AI_TECH_LEAD_RUBRIC_2026_12 } from './ai-tech-lead.rubric';
import { TECH_LEAD_RUBRIC_2026_03, TECH_LEAD_RUBRIC_2026_12 } from './tech-lead.rubric';

export { AI_TECH_LEAD_RUBRIC_2026_03, AI_TECH_LEAD_RUBRIC_2026_12, TECH_LEAD_RUBRIC_2026_03, TECH_LEAD_RUBRIC_2026_12 };

/** Every published rubric version; a new version is appended, never edited in place. */
export const SCREENING_RUBRICS: readonly ScreeningRubric[] = [
  AI_TECH_LEAD_RUBRIC_2026_03,
  TECH_LEAD_RUBRIC_2026_03,
  AI_TECH_LEAD_RUBRIC_2026_12,
  TECH_LEAD_RUBRIC_2026_12,
];

/** The rubric for `role` in force on `day` (YYYY-MM-DD). */
export function selectRubric(rubrics: readonly ScreeningRubric[], role: TargetRole, day: string): ScreeningRubric {
  const forRole = rubrics.filter((rubric) => rubric.role === role);
  if (forRole.length === 0) {
    throw new DomainError(DomainErrorCode.NO_RULES_IN_FORCE, `no screening rubric exists for role ${role}`, { role });
  }
  return selectVersionInForce(forRole, day, `screening rubric for ${role}`);
}
