import { DomainError } from '../shared/domain-error';
import { ruleWeights } from '../scoring/score-screening';
import type { ScreeningRubric } from './rubric';
import { AI_TECH_LEAD_RUBRIC_2026_03, SCREENING_RUBRICS, selectRubric, TECH_LEAD_RUBRIC_2026_03 } from './rubrics';

describe('rubrics / published versions are sane', () => {
  it.each(SCREENING_RUBRICS.map((r) => [`${r.id}@${r.version}`, r] as const))('%s: signal weights add to 100, none negative', (_name, rubric) => {
    const weights = ruleWeights(rubric);
    const signals = Object.entries(weights).filter(([id]) => !id.startsWith('flag.'));
    expect(signals.reduce((a, [, w]) => a + w, 0)).toBe(100);
    expect(Object.values(weights).every((w) => w >= 0)).toBe(true);
  });

  it('the two roles share leadership signals and red flags, and differ in technical ones', () => {
    expect(TECH_LEAD_RUBRIC_2026_03.leadership).toEqual(AI_TECH_LEAD_RUBRIC_2026_03.leadership);
    expect(TECH_LEAD_RUBRIC_2026_03.redFlags).toEqual(AI_TECH_LEAD_RUBRIC_2026_03.redFlags);
    expect(TECH_LEAD_RUBRIC_2026_03.technical.infraTradeoffs.topics).toEqual(['distributed-systems', 'reliability-engineering', 'api-design', 'performance']);
  });
});

describe('rubrics / version in force', () => {
  const v2: ScreeningRubric = { ...AI_TECH_LEAD_RUBRIC_2026_03, version: '2026-09', effectiveFrom: '2026-09-01' };
  const all = [...SCREENING_RUBRICS, v2];

  it('the day before v2 takes effect uses 2026-03; on the day, 2026-09', () => {
    expect(selectRubric(all, 'ai-tech-lead', '2026-08-31').version).toBe('2026-03');
    expect(selectRubric(all, 'ai-tech-lead', '2026-09-01').version).toBe('2026-09');
  });

  it('picks by role', () => {
    expect(selectRubric(all, 'tech-lead', '2026-09-01').id).toBe('tech-lead-screening');
  });

  it('a day before any rubric is an error', () => {
    expect(() => selectRubric(all, 'ai-tech-lead', '2026-02-28')).toThrow(DomainError);
  });
});
