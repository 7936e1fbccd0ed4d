import { SCREENING_RULE_IDS } from '../screening/rule-ids';
import { PUBLIC_RULE_EXPLANATIONS, publicRejectionReasons } from './public-rule-explanations';

describe('what a rejected candidate’s agency may read', () => {
  it('explains every screening rule in one line', () => {
    for (const id of SCREENING_RULE_IDS) {
      expect(PUBLIC_RULE_EXPLANATIONS[id]).toMatch(/^[^\n]{10,160}$/);
    }
  });

  it('names the signals not shown and the red flags raised, in rubric order', () => {
    const reasons = publicRejectionReasons([
      { ruleId: 'flag.solo-framing', group: 'red-flag', met: true },
      { ruleId: 'flag.hard-to-follow', group: 'red-flag', met: false },
      { ruleId: 'lead.unblocking', group: 'leadership', met: true },
      { ruleId: 'tech.code-review', group: 'technical', met: false },
    ]);
    expect(reasons.map((r) => r.ruleId)).toEqual(['tech.code-review', 'flag.solo-framing']);
    expect(reasons[0]?.explanation).toBe(PUBLIC_RULE_EXPLANATIONS['tech.code-review']);
  });

  it('still names a rule this code does not know, neutrally', () => {
    expect(publicRejectionReasons([{ ruleId: 'tech.new-rule', group: 'technical', met: false }])).toEqual([
      { ruleId: 'tech.new-rule', explanation: 'A screening rule of the requisition’s rubric was not met.' },
    ]);
  });
});
