import type { CandidateProfile } from '../profile/candidate-profile';
import { researchOnlyCandidate, strongAiTechLead, strongTechLead } from '../profile/candidate-profile.fixtures';
import { DomainError } from '../shared/domain-error';
import { AI_TECH_LEAD_RUBRIC_2026_03 } from './ai-tech-lead.rubric';
import type { ScreeningRuleId } from './rule-ids';
import { SCREENING_RULE_IDS } from './rule-ids';
import { screenCandidate } from './screen-candidate';
import type { RuleOutcome } from './screening-result';
import { TECH_LEAD_RUBRIC_2026_03 } from './tech-lead.rubric';

const AI = AI_TECH_LEAD_RUBRIC_2026_03;

function outcome(profile: CandidateProfile, id: ScreeningRuleId, rubric = AI): RuleOutcome {
  const found = screenCandidate(profile, rubric).rules.find((r) => r.ruleId === id);
  if (!found) throw new Error(`rule ${id} missing`);
  return found;
}

function item<T>(list: readonly T[], index: number): T {
  const found = list[index];
  if (found === undefined) throw new Error(`no item ${index}`);
  return found;
}

function metOf(profile: CandidateProfile, rubric = AI): Record<string, boolean> {
  return Object.fromEntries(screenCandidate(profile, rubric).rules.map((r) => [r.ruleId, r.met]));
}

describe('screening / strong AI Tech Lead', () => {
  const result = screenCandidate(strongAiTechLead(), AI);

  it('meets every signal, raises no flag and advances', () => {
    expect(metOf(strongAiTechLead())).toEqual({
      'tech.architecture-at-scale': true,
      'tech.infra-tradeoffs': true,
      'tech.shipped-production': true,
      'tech.code-review': true,
      'lead.unblocking': true,
      'lead.translation': true,
      'lead.team-framing': true,
      'lead.course-correction': true,
      'flag.research-without-production': false,
      'flag.solo-framing': false,
      'flag.vague-decisions': false,
      'flag.hard-to-follow': false,
    });
    expect(result.decision).toBe('advance');
    expect(result.summary).toEqual({ technicalMet: 4, technicalTotal: 4, leadershipMet: 4, leadershipTotal: 4, redFlagsRaised: [], contradicted: [], notYetKnown: [] });
  });

  it('reports every rule in catalogue order, each stamped with the rubric id and version', () => {
    expect(result.rules.map((r) => r.ruleId)).toEqual(SCREENING_RULE_IDS);
    for (const rule of result.rules) {
      expect(rule).toMatchObject({ rubricId: 'ai-tech-lead-screening', rubricVersion: '2026-03' });
      expect(rule.evidence.length).toBeGreaterThan(0);
    }
    expect(result.reasons[0]).toContain('ai-tech-lead-screening@2026-03');
  });

  it('quotes the items that decided a rule', () => {
    expect(outcome(strongAiTechLead(), 'tech.architecture-at-scale').evidence[0]).toBe(
      '"Moved feature computation to a streaming feature store" held up at scale; constraints: "25 ms latency budget", "team of five"',
    );
    expect(outcome(strongAiTechLead(), 'lead.unblocking').evidence[0]).toContain('"GPU quota stalled three training runs"');
  });
});

describe('screening / technical signals', () => {
  it('tech.architecture-at-scale: a decision that held up but states no constraint does not count', () => {
    const p = strongAiTechLead();
    p.architectureDecisions = p.architectureDecisions.map((d) => ({ ...d, constraints: [] }));
    expect(outcome(p, 'tech.architecture-at-scale').met).toBe(false);
  });

  it('tech.architecture-at-scale: a software decision does not count for the AI Tech Lead', () => {
    const p = strongAiTechLead();
    p.architectureDecisions = p.architectureDecisions.map((d) => ({ ...d, area: 'software' as const }));
    expect(outcome(p, 'tech.architecture-at-scale').met).toBe(false);
  });

  it('tech.infra-tradeoffs: one reasoned topic is one short of the two needed', () => {
    const p = strongAiTechLead();
    p.tradeOffOpinions = p.tradeOffOpinions.slice(0, 1);
    const o = outcome(p, 'tech.infra-tradeoffs');
    expect(o.met).toBe(false);
    expect(o.evidence.at(-1)).toBe('1 distinct reasoned topic(s) among managed-vs-custom-training, evaluation, fine-tuning-vs-rag, inference-serving; 2 needed');
  });

  it('tech.infra-tradeoffs: two opinions on the same topic count once', () => {
    const p = strongAiTechLead();
    p.tradeOffOpinions = [item(p.tradeOffOpinions, 0), { ...item(p.tradeOffOpinions, 0), stance: 'Fine-tune for tone' }];
    expect(outcome(p, 'tech.infra-tradeoffs').met).toBe(false);
  });

  it('tech.infra-tradeoffs: a stance with blank reasoning does not count', () => {
    const p = strongAiTechLead();
    p.tradeOffOpinions = p.tradeOffOpinions.map((o, i) => (i === 1 ? { ...o, reasoning: '   ' } : o));
    expect(outcome(p, 'tech.infra-tradeoffs').met).toBe(false);
  });

  it('tech.shipped-production: exactly 3 of 4 evidence kinds is enough, 2 is an experiment', () => {
    const p = strongAiTechLead();
    const system = item(p.productionSystems, 0);
    p.productionSystems = [{ ...system, evidence: { latency: 'x', reliability: 'y', monitoring: 'z' } }];
    expect(outcome(p, 'tech.shipped-production').met).toBe(true);
    p.productionSystems = [{ ...system, evidence: { latency: 'x', reliability: 'y' } }];
    const o = outcome(p, 'tech.shipped-production');
    expect(o.met).toBe(false);
    expect(o.evidence[0]).toBe('"Fraud scoring service": evidence on latency, reliability (3 of 4 needed)');
  });

  it('tech.code-review: correctness plus one aspect is not meaningful review; two aspects are', () => {
    const p = strongAiTechLead();
    p.codeReview = { area: 'ml', aspects: ['correctness', 'scalability'], example: 'x' };
    expect(outcome(p, 'tech.code-review').met).toBe(false);
    p.codeReview = { area: 'ml', aspects: ['correctness', 'scalability', 'maintainability'], example: 'x' };
    expect(outcome(p, 'tech.code-review').met).toBe(true);
  });

  it('tech.code-review: no practice stated is not met', () => {
    const p = strongAiTechLead();
    delete p.codeReview;
    expect(outcome(p, 'tech.code-review')).toMatchObject({ met: false, evidence: ['no code review practice stated'] });
  });
});

describe('screening / leadership signals', () => {
  it('lead.unblocking: no example is not met', () => {
    expect(outcome({ ...strongAiTechLead(), unblockingExamples: [] }, 'lead.unblocking').met).toBe(false);
  });

  it('lead.translation: no example is not met', () => {
    expect(outcome({ ...strongAiTechLead(), stakeholderTranslations: [] }, 'lead.translation').met).toBe(false);
  });

  it('lead.team-framing: 2 team words of 5 (40%) is exactly the threshold and met; 1 of 4 is not', () => {
    expect(outcome({ ...strongAiTechLead(), achievements: ['we did it', 'I and my', 'me and our'] }, 'lead.team-framing').met).toBe(true);
    expect(outcome({ ...strongAiTechLead(), achievements: ['I did it, my way, for me', 'our launch'] }, 'lead.team-framing').met).toBe(false);
  });

  it('lead.team-framing: no achievements is not met', () => {
    expect(outcome({ ...strongAiTechLead(), achievements: [] }, 'lead.team-framing').met).toBe(false);
  });

  it('lead.course-correction: a reversed decision without a lesson does not count', () => {
    const p = strongAiTechLead();
    p.architectureDecisions = p.architectureDecisions.map((d) => {
      const { lessonLearned: _lesson, ...rest } = d;
      return rest;
    });
    expect(outcome(p, 'lead.course-correction').met).toBe(false);
  });
});

describe('screening / red flags', () => {
  it('flag.research-without-production: publications and no system with monitoring + incident response', () => {
    const o = outcome(researchOnlyCandidate(), 'flag.research-without-production');
    expect(o.met).toBe(true);
    expect(o.evidence).toEqual(['2 publication(s)', 'no ml production system states monitoring + incidentResponse']);
  });

  it('flag.research-without-production: publications with a monitored, incident-handled system is fine', () => {
    const p = { ...strongAiTechLead(), publications: [{ title: 'Streaming features at scale' }] };
    expect(outcome(p, 'flag.research-without-production').met).toBe(false);
  });

  it('flag.research-without-production: no publications, no flag even without production', () => {
    const p = { ...researchOnlyCandidate(), publications: [] };
    expect(outcome(p, 'flag.research-without-production').met).toBe(false);
  });

  it('flag.solo-framing: 4 of 5 framing words in first person (80%) raises it; 3 of 5 does not', () => {
    expect(outcome({ ...strongAiTechLead(), achievements: ['I built my model; I and me', 'our'] }, 'flag.solo-framing').met).toBe(true);
    expect(outcome({ ...strongAiTechLead(), achievements: ['I built my model and me', 'we and our'] }, 'flag.solo-framing').met).toBe(false);
  });

  it('flag.solo-framing: two first-person words are too few to prove anything', () => {
    expect(outcome({ ...strongAiTechLead(), achievements: ['I shipped my thing'] }, 'flag.solo-framing').met).toBe(false);
  });

  it('flag.solo-framing: the research-only candidate talks only about "I"', () => {
    const o = outcome(researchOnlyCandidate(), 'flag.solo-framing');
    expect(o.met).toBe(true);
    expect(o.evidence[0]).toMatch(/^I\/me\/my 4 time\(s\) vs we\/our\/us\/team 0 time\(s\)/);
  });

  it('flag.vague-decisions: half the decisions without rationale (50%) raises it', () => {
    const p = strongAiTechLead();
    const { rationale: _r, ...noRationale } = item(p.architectureDecisions, 1);
    p.architectureDecisions = [item(p.architectureDecisions, 0), noRationale];
    const o = outcome(p, 'flag.vague-decisions');
    expect(o.met).toBe(true);
    expect(o.evidence).toEqual([
      '"Chose a single multi-task model for all markets" has no rationale',
      '1 of 2 decision(s) vague (50%); flag at 50%',
    ]);
  });

  it('flag.vague-decisions: one vague decision in three (33%) does not', () => {
    const p = strongAiTechLead();
    p.architectureDecisions = [...p.architectureDecisions, { area: 'ml', decision: 'Adopted Ray', heldUpAtScale: true, laterReversed: false }];
    expect(outcome(p, 'flag.vague-decisions').met).toBe(false);
  });

  it('flag.hard-to-follow: rating 2 raises it, rating 3 (the threshold) does not', () => {
    expect(outcome({ ...strongAiTechLead(), communicationRating: 2 }, 'flag.hard-to-follow').met).toBe(true);
    expect(outcome({ ...strongAiTechLead(), communicationRating: 3 }, 'flag.hard-to-follow').met).toBe(false);
  });
});

describe('screening / decisions', () => {
  it('research-only candidate is rejected for too few technical signals and two red flags', () => {
    const result = screenCandidate(researchOnlyCandidate(), AI);
    expect(result.decision).toBe('reject');
    expect(result.summary.redFlagsRaised).toEqual(['flag.research-without-production', 'flag.solo-framing', 'flag.vague-decisions']);
    expect(result.reasons).toEqual([
      '3 red flags (flag.research-without-production, flag.solo-framing, flag.vague-decisions); 2 or more rejects (rubric ai-tech-lead-screening@2026-03)',
      '0 of 4 technical signals met; fewer than 2 rejects (rubric ai-tech-lead-screening@2026-03)',
    ]);
  });

  it('hard-to-follow communication rejects an otherwise strong candidate on its own', () => {
    const result = screenCandidate({ ...strongAiTechLead(), communicationRating: 1 }, AI);
    expect(result.decision).toBe('reject');
    expect(result.reasons).toEqual(['flag.hard-to-follow rejects on its own (rubric ai-tech-lead-screening@2026-03)']);
  });

  it('one red flag that is not blocking sends a strong candidate to review', () => {
    const result = screenCandidate({ ...strongAiTechLead(), achievements: ['I built it', 'my design', 'I ran it'] }, AI);
    expect(result.decision).toBe('review');
    expect(result.reasons).toContain(
      'red flag(s) flag.solo-framing; at most 0 to advance (rubric ai-tech-lead-screening@2026-03)',
    );
  });

  it('exactly 3 technical and 3 leadership signals advance', () => {
    const p = { ...strongAiTechLead(), unblockingExamples: [] };
    delete p.codeReview;
    const result = screenCandidate(p, AI);
    expect(result.summary).toMatchObject({ technicalMet: 3, leadershipMet: 3 });
    expect(result.decision).toBe('advance');
  });

  it('2 technical signals are review, not reject (the reject line is below 2)', () => {
    const p = { ...strongAiTechLead(), tradeOffOpinions: [] };
    delete p.codeReview;
    const result = screenCandidate(p, AI);
    expect(result.summary.technicalMet).toBe(2);
    expect(result.decision).toBe('review');
  });

  it('screening with the rubric of the other role is an error', () => {
    expect(() => screenCandidate(strongAiTechLead(), TECH_LEAD_RUBRIC_2026_03)).toThrow(DomainError);
    expect(() => screenCandidate(strongAiTechLead(), TECH_LEAD_RUBRIC_2026_03)).toThrow(
      'candidate targets ai-tech-lead but rubric tech-lead-screening@2026-03 is for tech-lead',
    );
  });
});

describe('screening / general Technical Lead uses software equivalents', () => {
  it('a strong software lead advances on the tech-lead rubric', () => {
    const result = screenCandidate(strongTechLead(), TECH_LEAD_RUBRIC_2026_03);
    expect(result.decision).toBe('advance');
    expect(result.rubricId).toBe('tech-lead-screening');
    expect(result.summary.technicalMet).toBe(4);
  });

  it('ML-only evidence does not count for a software lead', () => {
    const ai = strongAiTechLead();
    const result = screenCandidate({ ...ai, targetRole: 'tech-lead' }, TECH_LEAD_RUBRIC_2026_03);
    expect(result.summary.technicalMet).toBe(0);
    expect(result.decision).toBe('reject');
  });

  it('trade-offs on distributed systems and API design count; ML topics do not', () => {
    const p = strongTechLead();
    expect(outcome(p, 'tech.infra-tradeoffs', TECH_LEAD_RUBRIC_2026_03).met).toBe(true);
    p.tradeOffOpinions = strongAiTechLead().tradeOffOpinions;
    expect(outcome(p, 'tech.infra-tradeoffs', TECH_LEAD_RUBRIC_2026_03).met).toBe(false);
  });
});
