import { strongAiTechLead } from '../profile/candidate-profile.fixtures';
import { advisePromotion, promotionInputFromProfile } from './advise-promotion';
import { PROMOTION_RULES_2026_03 } from './promotion-rules';

describe('promotion / asked for leadership and showed the soft skills', () => {
  it('recommends a structured 3-6 month trial', () => {
    expect(advisePromotion({ explicitInterest: true, softSkillsDemonstrated: true }, PROMOTION_RULES_2026_03)).toEqual({
      recommendation: 'trial',
      trialMonths: [3, 6],
      reasons: [
        'the engineer explicitly asked for the leadership track and has shown the soft skills: run a structured 3-6 month trial (promotion rules 2026-03)',
      ],
      rulesVersion: '2026-03',
    });
  });
});

describe('promotion / otherwise hire externally', () => {
  it.each([
    [false, true, 'the engineer has not explicitly asked for the leadership track (promotion rules 2026-03)'],
    [true, false, 'the soft skills (clear communication, stakeholder management, influence without authority) are not demonstrated (promotion rules 2026-03)'],
  ])('interest %s, soft skills %s', (explicitInterest, softSkillsDemonstrated, reason) => {
    const advice = advisePromotion({ explicitInterest, softSkillsDemonstrated });
    expect(advice.recommendation).toBe('hire-externally');
    expect(advice).not.toHaveProperty('trialMonths');
    expect(advice.reasons[0]).toBe(reason);
  });

  it('neither: both reasons, then keep the engineer building', () => {
    const advice = advisePromotion({ explicitInterest: false, softSkillsDemonstrated: false });
    expect(advice.reasons).toHaveLength(3);
    expect(advice.reasons[2]).toContain('keep the engineer building');
  });
});

describe('promotion / facts read from a candidate profile', () => {
  it('all three soft skills with examples count as demonstrated', () => {
    expect(promotionInputFromProfile(strongAiTechLead())).toEqual({ explicitInterest: true, softSkillsDemonstrated: true });
  });

  it('two of three soft skills do not', () => {
    const p = strongAiTechLead();
    p.softSkillEvidence = p.softSkillEvidence.slice(0, 2);
    expect(promotionInputFromProfile(p).softSkillsDemonstrated).toBe(false);
  });
});
