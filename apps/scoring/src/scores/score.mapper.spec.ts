import { buildEvent, EVENT_TYPES, type CandidateScreenedEvent } from '@hiring/contracts';
import { EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { AI_TECH_LEAD_RUBRIC_2026_03, scoreScreening, screenCandidate, TECH_LEAD_RUBRIC_2026_03, validateCandidateProfile } from '@hiring/domain';
import { ScoringException, ScoringExceptionCode } from '../shared/scoring.exception';
import { toCandidateScoredEvent, toScoreRecord, toScreeningInput } from './score.mapper';

/** A candidate-screened payload as screening emits it: every rule of a real screening as ids and states, counts and kit ids. */
function screenedFromDomain(): CandidateScreenedEvent {
  const checked = validateCandidateProfile(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
  if (!checked.ok) throw new Error('example profile should be valid');
  const result = screenCandidate(checked.value, AI_TECH_LEAD_RUBRIC_2026_03);
  return {
    candidateId: 'cand-unit-1',
    submissionId: 'sub-unit-1',
    agencyId: 'agency-unit',
    requisitionId: 'req-unit',
    role: 'ai-tech-lead',
    locationTier: 'uk-london',
    decision: result.decision,
    rubric: { id: result.rubricId, version: result.rubricVersion },
    rules: result.rules.map((r) => ({
      ruleId: r.ruleId,
      kind: r.group === 'red-flag' ? 'red-flag' : 'signal',
      group: r.group,
      met: r.met,
      state: r.state,
      thin: r.thin,
    })),
    counts: {
      technicalShown: result.summary.technicalMet,
      technicalTotal: result.summary.technicalTotal,
      leadershipShown: result.summary.leadershipMet,
      leadershipTotal: result.summary.leadershipTotal,
      redFlagsRaised: result.summary.redFlagsRaised.length,
      contradicted: result.summary.contradicted.length,
      notYetKnown: result.summary.notYetKnown.length,
    },
    interviewKit: result.interviewKit.ruleIds,
    screenedAt: '2026-03-05T10:00:00.000Z',
  };
}

function keysDeep(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysDeep(v, out);
    }
  }
  return out;
}

function thrown(fn: () => unknown): ScoringException {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScoringException) return error;
    throw error;
  }
  throw new Error('expected a ScoringException');
}

describe('scoring mappers: candidate-screened -> domain score -> candidate-scored', () => {
  const screened = screenedFromDomain();
  const input = toScreeningInput(screened, AI_TECH_LEAD_RUBRIC_2026_03);
  const expected = scoreScreening(input.screening, AI_TECH_LEAD_RUBRIC_2026_03);
  const record = toScoreRecord(input, expected, new Date('2026-03-05T10:00:01Z'));
  const scored = toCandidateScoredEvent(record);

  it('scores with the domain: same score, groups and penalties as scoreScreening', () => {
    expect(scored.score).toBe(expected.score);
    expect(scored.breakdown).toEqual([
      { group: 'technical', points: expected.breakdown.technical.points, max: expected.breakdown.technical.max, rules: expected.breakdown.technical.lines.map((l) => ({ ruleId: l.ruleId, points: l.points })) },
      { group: 'leadership', points: expected.breakdown.leadership.points, max: expected.breakdown.leadership.max, rules: expected.breakdown.leadership.lines.map((l) => ({ ruleId: l.ruleId, points: l.points })) },
    ]);
    expect(scored.penalties).toEqual(expected.breakdown.redFlags.lines.filter((l) => l.met).map((l) => ({ ruleId: l.ruleId, points: l.points })));
    expect(scored.rubric).toEqual({ id: 'ai-tech-lead-screening', version: '2026-03' });
    expect(scored.decision).toBe(screened.decision);
  });

  it('is a valid candidate-scored event', () => {
    expect(() => buildEvent(EVENT_TYPES.candidateScored, { source: '/test', data: scored })).not.toThrow();
  });

  it('carries no PII keys and no free-text evidence', () => {
    const keys = keysDeep(scored).map((k) => k.toLowerCase());
    for (const forbidden of ['name', 'email', 'phone', 'evidence', 'profile', 'reasons']) expect(keys).not.toContain(forbidden);
    const json = JSON.stringify(scored);
    for (const achievement of EXAMPLE_PROFILE.achievements) expect(json).not.toContain(achievement);
  });

  it('refuses a screening with a rule id the domain does not know', () => {
    const bad = { ...screened, rules: [...screened.rules, { ...screened.rules[0], ruleId: 'tech.vibes' }] };
    const error = thrown(() => toScreeningInput(bad, AI_TECH_LEAD_RUBRIC_2026_03));
    expect(error.code).toBe(ScoringExceptionCode.SCREENING_MISMATCH);
    expect(error.errors[0].path).toBe(`data.rules[${screened.rules.length}].ruleId`);
  });

  it('refuses a screening scored against the rubric of another role', () => {
    const error = thrown(() => toScreeningInput(screened, TECH_LEAD_RUBRIC_2026_03));
    expect(error.code).toBe(ScoringExceptionCode.SCREENING_MISMATCH);
  });
});
