import { buildEvent, EVENT_TYPES, parseEvent, type CandidateSourcedEvent } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA, EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { AI_TECH_LEAD_RUBRIC_2026_03, AI_TECH_LEAD_RUBRIC_2026_12, screenCandidate, SCREENING_RULE_IDS } from '@hiring/domain';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';
import { changedRules, toCandidateInput, toCandidateScreenedEvent, toScreening } from './screening.mapper';

function sourced(overrides: Partial<CandidateSourcedEvent> = {}): CandidateSourcedEvent {
  // Through the contract's own parser, as the consumer sees it: payload class instances. The profile as it
  // is once opened (the mapper step in front of this one opens sealedProfile with the candidate's key).
  const { sealedProfile: _sealed, ...data } = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced];
  const event = buildEvent(EVENT_TYPES.candidateSourced, { source: '/test', data: { ...data, profile: EXAMPLE_PROFILE, ...overrides } });
  return parseEvent(JSON.stringify(event), { expectedTypes: [EVENT_TYPES.candidateSourced] }).data as CandidateSourcedEvent;
}

function thrown(fn: () => unknown): ScreeningException {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScreeningException) return error;
    throw error;
  }
  throw new Error('expected a ScreeningException');
}

describe('screening mappers: candidate-sourced -> domain profile -> candidate-screened', () => {
  it('maps the sourced payload to the domain input: ids, role, location and the profile as plain data', () => {
    const data = sourced();
    const input = toCandidateInput(data);
    expect(input).toMatchObject({
      candidateId: data.candidateId,
      submissionId: data.submissionId,
      agencyId: data.agencyId,
      requisitionId: data.requisitionId,
      role: 'ai-tech-lead',
      locationTier: 'uk-london',
    });
    expect(input.sourcedAt.toISOString()).toBe(new Date(data.sourcedAt).toISOString());
    expect(input.profile).toEqual(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
    expect(Object.getPrototypeOf(input.profile)).toBe(Object.prototype);
  });

  it('refuses an event whose role disagrees with the profile it carries', () => {
    const error = thrown(() => toCandidateInput(sourced({ role: 'tech-lead' })));
    expect(error.code).toBe(ScreeningExceptionCode.INCONSISTENT_EVENT);
    expect(error.errors.map((e) => e.path)).toEqual(['data.role']);
  });

  it('refuses a profile the domain schema rejects, naming the field', () => {
    const data = sourced();
    (data.profile as unknown as Record<string, unknown>).communicationRating = 9;
    const error = thrown(() => toCandidateInput(data));
    expect(error.code).toBe(ScreeningExceptionCode.INVALID_PROFILE);
    expect(error.errors.some((e) => e.path.includes('communicationRating'))).toBe(true);
  });

  it.each([AI_TECH_LEAD_RUBRIC_2026_03, AI_TECH_LEAD_RUBRIC_2026_12])(
    'builds a contract-valid candidate-screened event with every rule, its state, the counts, the kit ids and the rubric version (%s)',
    (rubric) => {
      const input = toCandidateInput(sourced());
      const result = screenCandidate(input.profile, rubric);
      const screenedAt = new Date('2026-03-05T10:00:00Z');
      const data = toCandidateScreenedEvent(toScreening(input, result, screenedAt));

      expect(() => buildEvent(EVENT_TYPES.candidateScreened, { source: '/test', data })).not.toThrow();
      expect(data.rubric).toEqual({ id: 'ai-tech-lead-screening', version: rubric.version });
      expect(data.decision).toBe(result.decision);
      expect(data.screenedAt).toBe('2026-03-05T10:00:00.000Z');
      expect(data.rules.map((r) => r.ruleId)).toEqual([...SCREENING_RULE_IDS]);
      for (const rule of data.rules) expect(rule.kind).toBe(rule.group === 'red-flag' ? 'red-flag' : 'signal');
      expect(data.rules.map((r) => [r.met, r.state, r.thin])).toEqual(result.rules.map((r) => [r.met, r.state, r.thin]));
      expect(data.counts).toEqual({
        technicalShown: result.summary.technicalMet,
        technicalTotal: result.summary.technicalTotal,
        leadershipShown: result.summary.leadershipMet,
        leadershipTotal: result.summary.leadershipTotal,
        redFlagsRaised: result.summary.redFlagsRaised.length,
        contradicted: result.summary.contradicted.length,
        notYetKnown: result.summary.notYetKnown.length,
      });
      expect(data.interviewKit).toEqual(result.interviewKit.ruleIds);
      // No identity can be in it: the sourced event has none, and the mapper copies named fields only.
      expect(Object.keys(data).sort()).toEqual(
        ['agencyId', 'candidateId', 'counts', 'decision', 'interviewKit', 'locationTier', 'requisitionId', 'revision', 'role', 'rubric', 'rules', 'screenedAt', 'submissionId'].sort(),
      );
      expect(data.revision).toBe(0);
    },
  );

  // The mappers build on the ref with Object.assign (lane 13b): the payload's and the screening's keys keep the order
  // a `{ ...ref, more }` literal gave them, so the event's JSON is byte for byte what it was.
  it('keeps the order of the keys: the ref first, then the mapped fields as written', () => {
    const input = toCandidateInput(sourced());
    const ref = ['candidateId', 'submissionId', 'agencyId', 'requisitionId', 'role', 'locationTier'];
    expect(Object.keys(input)).toEqual([...ref, 'profile', 'sourcedAt']);
    const screening = toScreening(input, screenCandidate(input.profile, AI_TECH_LEAD_RUBRIC_2026_12), new Date());
    expect(Object.keys(screening)).toEqual([...ref, 'rubricId', 'rubricVersion', 'decision', 'rules', 'reasons', 'interviewKit', 'screenedAt', 'revision']);
    expect(Object.keys(toCandidateScreenedEvent(screening))).toEqual([...ref, 'decision', 'rubric', 'rules', 'counts', 'interviewKit', 'screenedAt', 'revision']);
  });

  it('carries no free text: no statement of the profile, no evidence quote, no probe question reaches the event', () => {
    const input = toCandidateInput(sourced());
    const result = screenCandidate(input.profile, AI_TECH_LEAD_RUBRIC_2026_12);
    const json = JSON.stringify(toCandidateScreenedEvent(toScreening(input, result, new Date())));
    expect(json).not.toContain('evidence');
    for (const rule of result.rules) for (const line of rule.evidence) expect(json).not.toContain(line);
    for (const probe of result.interviewKit.probes) expect(json).not.toContain(probe.ask);
    for (const achievement of input.profile.achievements) expect(json).not.toContain(achievement);
  });
});

describe('re-screen comparison', () => {
  const rule = (ruleId: string, met: boolean) => ({ ruleId, met }) as never;

  it('lists the rules whose verdict changed, including rules on one side only', () => {
    expect(changedRules([rule('a', true), rule('b', false)], [rule('a', true), rule('b', true), rule('c', false)])).toEqual(['b', 'c']);
  });

  it('finds nothing when every verdict is the same', () => {
    expect(changedRules([rule('a', true)], [rule('a', true)])).toEqual([]);
  });
});
