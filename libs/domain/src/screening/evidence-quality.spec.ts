import fc from 'fast-check';
import type { CandidateProfile } from '../profile/candidate-profile';
import { strongAiTechLead, strongTechLead } from '../profile/candidate-profile.fixtures';
import { scoreScreening } from '../scoring/score-screening';
import { AI_TECH_LEAD_RUBRIC_2026_12, TECH_LEAD_RUBRIC_2026_03, TECH_LEAD_RUBRIC_2026_12 } from './rubrics';
import { EVIDENCE_QUALITY_2026_12 } from './evidence-quality';
import { decideScreening, screenCandidate } from './screen-candidate';
import { RULE_GROUP_OF, SCREENING_RULE_IDS, type ScreeningRuleId } from './rule-ids';
import { SIGNAL_STATES, type RuleOutcome, type ScreeningResult } from './screening-result';
import { judgeSubstance } from './substance';
import { buildInterviewKit } from './interview-kit';

const AI = AI_TECH_LEAD_RUBRIC_2026_12;
const S = EVIDENCE_QUALITY_2026_12.substance;

function rule(profile: CandidateProfile, id: ScreeningRuleId, rubric = AI): RuleOutcome {
  const found = screenCandidate(profile, rubric).rules.find((r) => r.ruleId === id);
  if (!found) throw new Error(`rule ${id} missing`);
  return found;
}

describe('substance of a statement (2026-12)', () => {
  it.each(['no monitoring yet', 'n/a', 'N/A', 'not stated', 'TBD', 'none', 'Not yet, planned for Q3'])('"%s" does not count', (text) => {
    expect(judgeSubstance(text, S).counts).toBe(false);
  });

  it('a short constraint is a label: two content words are enough ("team of five", "fixed hardware budget")', () => {
    expect(judgeSubstance('team of five', S, 'label').counts).toBe(true);
    expect(judgeSubstance('fixed hardware budget', S, 'label').counts).toBe(true);
    expect(judgeSubstance('various', S, 'label').counts).toBe(false);
  });

  it('says why: a negation opener is named and marks a denial, a placeholder is silence', () => {
    expect(judgeSubstance('no monitoring yet', S)).toMatchObject({ counts: false, denies: true, why: expect.stringContaining('negation "no"') });
    expect(judgeSubstance('TBD', S)).toMatchObject({ counts: false, denies: false, why: expect.stringContaining('placeholder') });
  });

  it('"fixed it" and buzzword filler have too few content words; a specific statement counts', () => {
    expect(judgeSubstance('fixed it', S)).toMatchObject({ counts: false, why: expect.stringContaining('1 content word(s) (fixed)') });
    expect(judgeSubstance('Delivered robust scalable solutions with best practices', S).counts).toBe(false);
    expect(judgeSubstance('p99 under 25 ms at 40k rps', S)).toMatchObject({ counts: true });
  });
});

describe('rules of 2026-12 read the evidence', () => {
  it('a strong candidate still advances with every signal shown', () => {
    const result = screenCandidate(strongAiTechLead(), AI);
    expect(result.decision).toBe('advance');
    expect(result.rules.filter((r) => r.group !== 'red-flag').every((r) => r.state === 'shown')).toBe(true);
  });

  it('"no monitoring yet" is not stated monitoring: it speaks against production', () => {
    const profile: CandidateProfile = { ...strongAiTechLead(), productionSystems: [{ name: 'Churn', area: 'ml', evidence: { monitoring: 'no monitoring yet', latency: 'n/a' } }] };
    const outcome = rule(profile, 'tech.shipped-production');
    expect(outcome.state).toBe('contradicted');
    expect(outcome.evidence.join(' ')).toContain('opens with the negation "no"');
    expect(outcome.evidence.join(' ')).toContain('placeholder');
  });

  it('a resolution of "fixed it" is not a concrete unblocking example', () => {
    const profile = { ...strongAiTechLead(), unblockingExamples: [{ blocker: 'GPU quota stalled three training runs', resolution: 'fixed it' }] };
    const outcome = rule(profile, 'lead.unblocking');
    expect(outcome.state).toBe('not-yet-known');
    expect(outcome.evidence[0]).toContain('action "fixed it" has 1 content word(s) (fixed)');
  });

  it('team framing is judged over all achievements, not one sentence with "we"', () => {
    const one = { ...strongAiTechLead(), achievements: ['We shipped the streaming feature store to all markets'] };
    expect(rule(one, 'lead.team-framing').state).toBe('not-yet-known');
    const mostlySolo = {
      ...strongAiTechLead(),
      achievements: ['We shipped the streaming feature store', 'I built the drift detector alone', 'I rewrote the training loop in Rust', 'I tuned the ranking model'],
    };
    expect(rule(mostlySolo, 'lead.team-framing').state).not.toBe('shown');
  });

  it('decisions need rationale AND constraints', () => {
    const noConstraints = { ...strongAiTechLead(), architectureDecisions: strongAiTechLead().architectureDecisions.map(({ constraints: _c, ...d }) => d) };
    expect(rule(noConstraints, 'tech.architecture-at-scale').state).toBe('not-yet-known');
    expect(rule(noConstraints, 'flag.vague-decisions').state).toBe('shown');
  });

  it('the two production rules agree: monitored systems with incident response are production for both', () => {
    const profile: CandidateProfile = {
      ...strongAiTechLead(),
      productionSystems: [{ name: 'Ranker', area: 'ml', evidence: { monitoring: 'drift dashboards with paging alerts', incidentResponse: 'ran the rollback playbook twice this year' } }],
      publications: [{ title: 'A' }, { title: 'B' }, { title: 'C' }],
    };
    expect(rule(profile, 'tech.shipped-production').state).toBe('shown');
    expect(rule(profile, 'flag.research-without-production').state).toBe('contradicted');
    // Under 2026-03 the same facts disagreed with each other (the bug this version fixes).
  });

  it('one publication does not raise the research flag; two without production do', () => {
    const thin: CandidateProfile = { ...strongAiTechLead(), productionSystems: [], publications: [{ title: 'A' }] };
    expect(rule(thin, 'flag.research-without-production').met).toBe(false);
    expect(rule({ ...thin, publications: [{ title: 'A' }, { title: 'B' }] }, 'flag.research-without-production').met).toBe(true);
  });

  it('a free trade-off topic counts for its area, not for the other role', () => {
    const profile: CandidateProfile = {
      ...strongTechLead(),
      tradeOffOpinions: [
        { topic: 'monolith vs services', area: 'software', stance: 'Modular monolith until team boundaries force a split', reasoning: 'Early splits doubled on-call load with no release benefit' },
        { topic: 'batch vs streaming', area: 'software', stance: 'Streaming only on the settlement path', reasoning: 'Settlement has a same-day deadline, analytics can wait a night' },
      ],
    };
    expect(rule(profile, 'tech.infra-tradeoffs', TECH_LEAD_RUBRIC_2026_12).state).toBe('shown');
    const asAi = { ...profile, targetRole: 'ai-tech-lead' as const };
    const outcome = rule(asAi, 'tech.infra-tradeoffs');
    expect(outcome.state).toBe('not-yet-known');
    expect(outcome.evidence[0]).toContain('recorded, not counted');
  });

  it('every rule says what it looked at (non-empty evidence)', () => {
    for (const r of screenCandidate(strongTechLead(), TECH_LEAD_RUBRIC_2026_12).rules) expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('silence alone never rejects: an empty profile with a good rating needs an interview', () => {
    const empty: CandidateProfile = { ...strongAiTechLead(), productionSystems: [], architectureDecisions: [], tradeOffOpinions: [], codeReview: undefined, unblockingExamples: [], stakeholderTranslations: [], achievements: [] };
    const result = screenCandidate(empty, AI);
    expect(result.decision).toBe('needs-interview');
    expect(result.interviewKit.ruleIds).toEqual(expect.arrayContaining(['tech.shipped-production', 'lead.unblocking']));
  });

  it('2026-03 replays unchanged: the same thin profile is still rejected there', () => {
    const empty: CandidateProfile = { ...strongTechLead(), productionSystems: [], architectureDecisions: [], tradeOffOpinions: [], codeReview: undefined };
    expect(screenCandidate(empty, TECH_LEAD_RUBRIC_2026_03).decision).toBe('reject');
  });
});

describe('interview kit', () => {
  it('alternates depth and leadership probes so one interview covers both, and probes thin production for the missing concerns', () => {
    const profile: CandidateProfile = {
      ...strongAiTechLead(),
      productionSystems: [{ name: 'Ranker', area: 'ml', evidence: { latency: 'p99 under 40 ms at peak traffic', monitoring: 'drift dashboards with paging alerts' } }],
      tradeOffOpinions: [],
      unblockingExamples: [],
      stakeholderTranslations: [],
    };
    const kit = screenCandidate(profile, AI).interviewKit;
    const groups = kit.probes.map((p) => p.group);
    expect(groups.slice(0, 4)).toEqual(['technical', 'leadership', 'technical', 'leadership']);
    const production = kit.probes.find((p) => p.ruleId === 'tech.shipped-production');
    expect(production).toMatchObject({ reason: 'thin', ask: expect.stringContaining('reliability, incidentResponse') });
    expect(kit.ruleIds).toEqual(kit.probes.map((p) => p.ruleId));
  });

  it('a fully shown candidate with no flags has only the thin probes', () => {
    const kit = screenCandidate(strongAiTechLead(), AI).interviewKit;
    expect(kit.probes.every((p) => p.reason === 'thin')).toBe(true);
  });
});

describe('scores are consistent with decisions (property tests)', () => {
  const rubrics = [AI_TECH_LEAD_RUBRIC_2026_12, TECH_LEAD_RUBRIC_2026_12];
  const outcomes = fc.tuple(...SCREENING_RULE_IDS.map(() => fc.constantFrom(...SIGNAL_STATES)), fc.boolean()).map((drawn) => {
    const thin = drawn[SCREENING_RULE_IDS.length] as boolean;
    return SCREENING_RULE_IDS.map(
      (ruleId, i): RuleOutcome => {
        const state = drawn[i] as RuleOutcome['state'];
        return { ruleId, group: RULE_GROUP_OF[ruleId], state, met: state === 'shown', thin: thin && state === 'shown', evidence: [], rubricId: '', rubricVersion: '' };
      },
    );
  });
  const screened = (rules: RuleOutcome[], rubricIndex: number): ScreeningResult => {
    const rubric = rubrics[rubricIndex] as (typeof rubrics)[number];
    const stamped = rules.map((r) => ({ ...r, rubricId: rubric.id, rubricVersion: rubric.version }));
    return { role: rubric.role, rubricId: rubric.id, rubricVersion: rubric.version, rules: stamped, ...decideScreening(stamped, rubric), interviewKit: buildInterviewKit(stamped, rubric) };
  };
  const rank = { reject: 0, review: 1, 'needs-interview': 1, advance: 2 } as const;

  it('a candidate with a lower decision never scores higher than one with a higher decision', () => {
    fc.assert(
      fc.property(outcomes, outcomes, fc.integer({ min: 0, max: 1 }), (a, b, r) => {
        const sa = screened(a, r);
        const sb = screened(b, r);
        const rubric = rubrics[r] as (typeof rubrics)[number];
        if (rank[sa.decision] < rank[sb.decision]) {
          expect(scoreScreening(sa, rubric).score).toBeLessThan(scoreScreening(sb, rubric).score);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a raised blocking flag caps the score and rejects', () => {
    fc.assert(
      fc.property(outcomes, fc.integer({ min: 0, max: 1 }), (rules, r) => {
        const rubric = rubrics[r] as (typeof rubrics)[number];
        const blocked = rules.map((o) => (o.ruleId === 'flag.hard-to-follow' ? { ...o, state: 'shown' as const, met: true } : o));
        const s = screened(blocked, r);
        expect(s.decision).toBe('reject');
        expect(scoreScreening(s, rubric).score).toBeLessThanOrEqual(rubric.scoreBands?.blockingFlagCap ?? -1);
      }),
      { numRuns: 500 },
    );
  });

  it('the same holds on whole profiles: a rejected calibration-like profile never outscores a reviewed one', () => {
    const hardToFollow = screenCandidate({ ...strongAiTechLead(), communicationRating: 2 }, AI);
    const solo = screenCandidate({ ...strongAiTechLead(), achievements: ['I built the model myself', 'I rewrote the pipeline alone'] }, AI);
    expect([hardToFollow.decision, solo.decision]).toEqual(['reject', 'review']);
    expect(scoreScreening(hardToFollow, AI).score).toBeLessThan(scoreScreening(solo, AI).score);
  });
});
