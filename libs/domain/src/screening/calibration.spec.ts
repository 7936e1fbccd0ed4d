import { validateCandidateProfile } from '../profile/validate-candidate-profile';
import { AI_TECH_LEAD_RUBRIC_2026_03, SCREENING_RUBRICS, selectRubric, TECH_LEAD_RUBRIC_2026_03 } from './rubrics';
import { calibrate, formatConfusion } from './calibrate';
import { CALIBRATION_SET } from './calibration-profiles';

// The day the service would pick rubrics on for a new screening: the latest effective date.
const LATEST = SCREENING_RUBRICS.map((r) => r.effectiveFrom).sort().at(-1) as string;

describe('calibration set', () => {
  it('has at least 30 labelled profiles of both roles, unique ids, each valid against the profile schema', () => {
    expect(CALIBRATION_SET.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CALIBRATION_SET.map((c) => c.id)).size).toBe(CALIBRATION_SET.length);
    for (const role of ['ai-tech-lead', 'tech-lead'] as const) {
      expect(CALIBRATION_SET.filter((c) => c.profile.targetRole === role).length).toBeGreaterThanOrEqual(10);
    }
    for (const c of CALIBRATION_SET) {
      const checked = validateCandidateProfile(c.profile);
      expect({ id: c.id, ok: checked.ok, errors: checked.ok ? [] : checked.errors }).toEqual({ id: c.id, ok: true, errors: [] });
      expect(c.reason.length).toBeGreaterThan(10);
    }
  });

  it('covers every decision', () => {
    expect(new Set(CALIBRATION_SET.map((c) => c.expected))).toEqual(new Set(['advance', 'review', 'needs-interview', 'reject']));
  });

  it('the rubric in force agrees with every label (100 %)', () => {
    const report = calibrate(CALIBRATION_SET, (role) => selectRubric(SCREENING_RUBRICS, role, LATEST));
    expect(report.rubrics).toEqual(['ai-tech-lead-screening@2026-12', 'tech-lead-screening@2026-12']);
    if (report.misses.length > 0) throw new Error(formatConfusion(report));
    expect(report.agreement).toBe(1);
  });

  it('the 2026-03 rubrics, replayed, disagree with the guide on gamed and thin profiles (why 2026-12 exists)', () => {
    const old = calibrate(CALIBRATION_SET, (role) => (role === 'ai-tech-lead' ? AI_TECH_LEAD_RUBRIC_2026_03 : TECH_LEAD_RUBRIC_2026_03));
    const missed = old.misses.map((m) => m.id);
    expect(missed).toEqual(expect.arrayContaining(['ai-gamed-filler', 'ai-thin-agency', 'ai-one-publication']));
    expect(old.agreement).toBeLessThan(1);
  });
});
