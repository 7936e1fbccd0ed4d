import fc from 'fast-check';
import type { CandidateProfile } from '../profile/candidate-profile';
import { researchOnlyCandidate, strongAiTechLead } from '../profile/candidate-profile.fixtures';
import { DomainError } from '../shared/domain-error';
import { AI_TECH_LEAD_RUBRIC_2026_03 } from '../screening/ai-tech-lead.rubric';
import { screenCandidate } from '../screening/screen-candidate';
import type { ScreeningResult } from '../screening/screening-result';
import { scoreScreening } from './score-screening';

const AI = AI_TECH_LEAD_RUBRIC_2026_03;

describe('scoring / strong AI Tech Lead', () => {
  it('scores 100: 60 technical + 40 leadership, no penalty', () => {
    const score = scoreScreening(screenCandidate(strongAiTechLead(), AI), AI);
    expect(score).toMatchObject({ score: 100, raw: 100, rubricId: 'ai-tech-lead-screening', rubricVersion: '2026-03' });
    expect(score.breakdown.technical).toMatchObject({ points: 60, max: 60 });
    expect(score.breakdown.leadership).toMatchObject({ points: 40, max: 40 });
    expect(score.breakdown.redFlags.penalty).toBe(0);
  });

  it('one red flag (solo framing, 15) and the lost team-framing signal (10) cost 25 points', () => {
    const score = scoreScreening(screenCandidate({ ...strongAiTechLead(), achievements: ['I built it', 'my design', 'I ran it'] }, AI), AI);
    expect(score.score).toBe(75);
    expect(score.breakdown.redFlags.lines.find((l) => l.ruleId === 'flag.solo-framing')).toEqual({
      ruleId: 'flag.solo-framing',
      met: true,
      points: 15,
      weight: 15,
    });
  });
});

describe('scoring / clamped to 0..100', () => {
  it('research-only candidate: raw below zero is clamped to 0 and the raw value is kept', () => {
    const score = scoreScreening(screenCandidate(researchOnlyCandidate(), AI), AI);
    // no signals met; research 20 + solo 15 + vague 15 penalties
    expect(score.raw).toBe(-50);
    expect(score.score).toBe(0);
  });
});

describe('scoring / a screening from another rubric version', () => {
  it('is an error, not a silently re-weighted score', () => {
    const screening = screenCandidate(strongAiTechLead(), AI);
    expect(() => scoreScreening(screening, { ...AI, version: '2026-09' })).toThrow(DomainError);
  });
});

/** Random profiles built from the strong one by dropping or degrading facts. */
const profileArb: fc.Arbitrary<CandidateProfile> = fc
  .record({
    keepSystems: fc.boolean(),
    decisions: fc.integer({ min: 0, max: 2 }),
    opinions: fc.integer({ min: 0, max: 2 }),
    keepReview: fc.boolean(),
    unblocking: fc.boolean(),
    translation: fc.boolean(),
    achievements: fc.array(fc.constantFrom('I shipped it', 'we shipped it', 'my model', 'our team won', 'it worked'), { maxLength: 6 }),
    publications: fc.integer({ min: 0, max: 3 }),
    rating: fc.integer({ min: 1, max: 5 }),
    dropRationale: fc.boolean(),
  })
  .map((o) => {
    const p = strongAiTechLead();
    if (!o.keepSystems) p.productionSystems = [];
    p.architectureDecisions = p.architectureDecisions.slice(0, o.decisions).map((d) => {
      if (!o.dropRationale) return d;
      const { rationale: _r, ...rest } = d;
      return rest;
    });
    p.tradeOffOpinions = p.tradeOffOpinions.slice(0, o.opinions);
    if (!o.keepReview) delete p.codeReview;
    if (!o.unblocking) p.unblockingExamples = [];
    if (!o.translation) p.stakeholderTranslations = [];
    p.achievements = o.achievements;
    p.publications = Array.from({ length: o.publications }, (_, i) => ({ title: `Paper ${i}` }));
    p.communicationRating = o.rating;
    return p;
  });

function withRule(screening: ScreeningResult, index: number, met: boolean): ScreeningResult {
  return { ...screening, rules: screening.rules.map((r, i) => (i === index ? { ...r, met } : r)) };
}

describe('scoring / invariants (property-based)', () => {
  it('screening and scoring are deterministic for a rubric version', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const first = screenCandidate(profile, AI);
        expect(screenCandidate(structuredClone(profile), AI)).toEqual(first);
        expect(scoreScreening(first, AI)).toEqual(scoreScreening(structuredClone(first), AI));
      }),
    );
  });

  it('adding a red flag never raises a score', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 8, max: 11 }), (profile, flagIndex) => {
        const screening = screenCandidate(profile, AI);
        expect(screening.rules[flagIndex]?.group).toBe('red-flag');
        const flagged = withRule(screening, flagIndex, true);
        expect(scoreScreening(flagged, AI).score).toBeLessThanOrEqual(scoreScreening(screening, AI).score);
      }),
    );
  });

  it('removing a met signal never raises a score', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 0, max: 7 }), (profile, signalIndex) => {
        const screening = screenCandidate(profile, AI);
        expect(screening.rules[signalIndex]?.group).not.toBe('red-flag');
        const weaker = withRule(screening, signalIndex, false);
        expect(scoreScreening(weaker, AI).score).toBeLessThanOrEqual(scoreScreening(screening, AI).score);
      }),
    );
  });

  it('the score is always within 0..100 and equals the clamped breakdown', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const s = scoreScreening(screenCandidate(profile, AI), AI);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        expect(s.raw).toBe(s.breakdown.technical.points + s.breakdown.leadership.points - s.breakdown.redFlags.penalty);
      }),
    );
  });

  it('adding a publication to a profile never raises its score', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const more = { ...profile, publications: [...profile.publications, { title: 'One more paper' }] };
        expect(scoreScreening(screenCandidate(more, AI), AI).score).toBeLessThanOrEqual(scoreScreening(screenCandidate(profile, AI), AI).score);
      }),
    );
  });
});
