import type { TargetRole } from '../shared/roles';
import type { ScreeningRubric } from './rubric';
import { screenCandidate } from './screen-candidate';
import { SCREENING_DECISIONS, type ScreeningDecision } from './screening-result';
import type { CalibrationCase } from './calibration-profiles';

export interface CalibrationMiss {
  id: string;
  expected: ScreeningDecision;
  actual: ScreeningDecision;
  reason: string;
  /** What the rubric said instead. */
  actualReasons: string[];
}

export interface CalibrationReport {
  rubrics: string[];
  total: number;
  agreed: number;
  /** agreed / total, 0..1. */
  agreement: number;
  /** confusion[expected][actual] = count. */
  confusion: Record<ScreeningDecision, Record<ScreeningDecision, number>>;
  misses: CalibrationMiss[];
}

/** Screens every labelled case with the rubric `rubricFor` picks for its role and counts agreement. */
export function calibrate(cases: readonly CalibrationCase[], rubricFor: (role: TargetRole) => ScreeningRubric): CalibrationReport {
  const row = () => Object.fromEntries(SCREENING_DECISIONS.map((d) => [d, 0])) as Record<ScreeningDecision, number>;
  const confusion = Object.fromEntries(SCREENING_DECISIONS.map((d) => [d, row()])) as CalibrationReport['confusion'];
  const misses: CalibrationMiss[] = [];
  const used = new Set<string>();
  for (const c of cases) {
    const rubric = rubricFor(c.profile.targetRole);
    used.add(`${rubric.id}@${rubric.version}`);
    const result = screenCandidate(c.profile, rubric);
    confusion[c.expected][result.decision] += 1;
    if (result.decision !== c.expected) {
      misses.push({ id: c.id, expected: c.expected, actual: result.decision, reason: c.reason, actualReasons: result.reasons });
    }
  }
  const agreed = cases.length - misses.length;
  return { rubrics: [...used].sort(), total: cases.length, agreed, agreement: cases.length === 0 ? 0 : agreed / cases.length, confusion, misses };
}

/** The confusion table as text: rows are the guide's decision, columns the rubric's. */
export function formatConfusion(report: CalibrationReport): string {
  const width = Math.max(...SCREENING_DECISIONS.map((d) => d.length)) + 2;
  const cell = (v: string | number) => String(v).padStart(width);
  const lines = [
    `calibration with ${report.rubrics.join(', ')}: ${report.agreed}/${report.total} agree (${Math.round(report.agreement * 1000) / 10}%)`,
    `${'expected \\ actual'.padEnd(18)}${SCREENING_DECISIONS.map(cell).join('')}`,
    ...SCREENING_DECISIONS.map((e) => `${e.padEnd(18)}${SCREENING_DECISIONS.map((a) => cell(report.confusion[e][a])).join('')}`),
    ...report.misses.map((m) => `MISS ${m.id}: expected ${m.expected}, got ${m.actual} (${m.reason}) -- ${m.actualReasons.join('; ')}`),
  ];
  return lines.join('\n');
}
