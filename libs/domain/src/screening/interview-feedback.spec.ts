import { applyInterviewFeedback, feedbackProblems, screenWithFeedback, type InterviewFeedback, type RuleFeedback } from './interview-feedback';
import { CALIBRATION_SET } from './calibration-profiles';
import { LEADERSHIP_RULE_IDS, TECHNICAL_RULE_IDS } from './rule-ids';
import { AI_TECH_LEAD_RUBRIC_2026_03, AI_TECH_LEAD_RUBRIC_2026_12 } from './rubrics';
import { screenCandidate } from './screen-candidate';

const rubric = AI_TECH_LEAD_RUBRIC_2026_12;

function thinCandidate() {
  const thin = CALIBRATION_SET.find((c) => c.id === 'ai-thin-agency');
  if (!thin) throw new Error('calibration case ai-thin-agency is gone');
  const screening = screenCandidate(thin.profile, rubric);
  expect(screening.decision).toBe('needs-interview');
  return screening;
}

function feedback(answers: RuleFeedback[], communicationRating = 4): InterviewFeedback {
  return { interviewerId: 'int-7', interviewedAt: '2026-12-02T10:00:00Z', communicationRating, answers };
}

const all = (ids: readonly string[], outcome: RuleFeedback['outcome']): RuleFeedback[] => ids.map((ruleId) => ({ ruleId, outcome }));

describe('interview feedback re-decides a needs-interview screening (hiring-rules.md section 3)', () => {
  it('every probed signal confirmed, effortless to follow: advance, nothing left in the kit', () => {
    const result = applyInterviewFeedback(thinCandidate(), feedback([...all(TECHNICAL_RULE_IDS, 'confirmed'), ...all(LEADERSHIP_RULE_IDS, 'confirmed')]), rubric);
    expect(result.decision).toBe('advance');
    expect(result.rules.filter((r) => r.group !== 'red-flag').every((r) => r.state === 'shown' && !r.thin)).toBe(true);
    expect(result.interviewKit.probes.filter((p) => p.group !== 'red-flag')).toEqual([]);
    expect(result.rules.find((r) => r.ruleId === 'tech.code-review')?.evidence.at(-1)).toBe('interview 2026-12-02T10:00:00Z (interviewer int-7): confirmed');
  });

  it('two technical signals not confirmed: the interview speaks against production-ML depth, reject', () => {
    const result = applyInterviewFeedback(
      thinCandidate(),
      feedback([
        { ruleId: 'tech.shipped-production', outcome: 'not-confirmed' },
        { ruleId: 'tech.architecture-at-scale', outcome: 'not-confirmed' },
      ]),
      rubric,
    );
    expect(result.decision).toBe('reject');
    expect(result.reasons.join(' ')).toContain('tech.architecture-at-scale, tech.shipped-production');
  });

  it('a communication rating below the rubric minimum raises flag.hard-to-follow, which rejects on its own', () => {
    const result = applyInterviewFeedback(thinCandidate(), feedback([...all(TECHNICAL_RULE_IDS, 'confirmed'), ...all(LEADERSHIP_RULE_IDS, 'confirmed')], 2), rubric);
    expect(result.rules.find((r) => r.ruleId === 'flag.hard-to-follow')).toMatchObject({ state: 'shown', met: true });
    expect(result.decision).toBe('reject');
  });

  it('everything confirmed but one leadership signal not confirmed: a human weighs it (review), never advanced', () => {
    const rules = [...all(TECHNICAL_RULE_IDS, 'confirmed'), ...all(LEADERSHIP_RULE_IDS, 'confirmed')];
    rules[rules.length - 1] = { ruleId: 'lead.course-correction', outcome: 'not-confirmed' };
    const result = applyInterviewFeedback(thinCandidate(), feedback(rules), rubric);
    expect(result.decision).toBe('review');
    expect(result.summary.contradicted).toEqual(['lead.course-correction']);
  });

  it('a confirmed red flag is raised: solo framing confirmed keeps a strong interview from advancing', () => {
    const rules = [...all(TECHNICAL_RULE_IDS, 'confirmed'), ...all(LEADERSHIP_RULE_IDS, 'confirmed'), { ruleId: 'flag.solo-framing', outcome: 'confirmed' as const }];
    const result = applyInterviewFeedback(thinCandidate(), feedback(rules), rubric);
    expect(result.summary.redFlagsRaised).toContain('flag.solo-framing');
    expect(result.decision).not.toBe('advance');
  });

  it('partial feedback leaves the rest as the profile showed it: still needs an interview for what is not yet known', () => {
    const result = applyInterviewFeedback(thinCandidate(), feedback([{ ruleId: 'lead.unblocking', outcome: 'confirmed' }]), rubric);
    expect(result.decision).toBe('needs-interview');
    expect(result.interviewKit.ruleIds).not.toContain('lead.unblocking');
  });

  it('works on a 2026-03 screening too (same ids, presence rules decide)', () => {
    const thin = CALIBRATION_SET.find((c) => c.id === 'ai-thin-agency');
    const old = screenCandidate(thin!.profile, AI_TECH_LEAD_RUBRIC_2026_03);
    const result = applyInterviewFeedback(old, feedback([...all(TECHNICAL_RULE_IDS, 'confirmed'), ...all(LEADERSHIP_RULE_IDS, 'confirmed')]), AI_TECH_LEAD_RUBRIC_2026_03);
    expect(result.decision).toBe('advance');
    expect(() => applyInterviewFeedback(old, feedback([]), rubric)).toThrow(/made with ai-tech-lead-screening@2026-03/);
  });
});

describe('feedback that cannot be applied is refused with the rule id and why', () => {
  it('names rule ids outside the rubric, answered twice, or the rated flag', () => {
    const screening = thinCandidate();
    const problems = feedbackProblems(
      feedback([
        { ruleId: 'tech.kubernetes', outcome: 'confirmed' },
        { ruleId: 'lead.unblocking', outcome: 'confirmed' },
        { ruleId: 'lead.unblocking', outcome: 'not-confirmed' },
        { ruleId: 'flag.hard-to-follow', outcome: 'confirmed' },
      ]),
      screening.rules,
    );
    expect(problems).toEqual([
      { ruleId: 'tech.kubernetes', message: "is not a rule of the candidate's rubric" },
      { ruleId: 'lead.unblocking', message: 'is answered more than once' },
      { ruleId: 'flag.hard-to-follow', message: 'is judged from communicationRating, not answered per rule' },
    ]);
    expect(() => applyInterviewFeedback(screening, feedback([{ ruleId: 'tech.kubernetes', outcome: 'confirmed' }]), rubric)).toThrow(/tech.kubernetes is not a rule/);
  });
});

describe('a re-screening keeps what the interviews established', () => {
  it('profile + feedback in recorded order: the later interview wins on the rule both answered', () => {
    const thin = CALIBRATION_SET.find((c) => c.id === 'ai-thin-agency')!;
    const first = feedback([...all(TECHNICAL_RULE_IDS, 'confirmed'), ...all(LEADERSHIP_RULE_IDS, 'confirmed')]);
    const second = { ...feedback([{ ruleId: 'lead.translation', outcome: 'not-confirmed' }]), interviewedAt: '2026-12-03T10:00:00Z' };
    expect(screenWithFeedback(thin.profile, rubric, []).decision).toBe('needs-interview');
    expect(screenWithFeedback(thin.profile, rubric, [first]).decision).toBe('advance');
    const both = screenWithFeedback(thin.profile, rubric, [first, second]);
    expect(both.decision).toBe('review');
    expect(both.rules.find((r) => r.ruleId === 'lead.translation')?.state).toBe('contradicted');
  });
});
