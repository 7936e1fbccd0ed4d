// What an agency may read about why its candidate was rejected: the rule id
// and one public line per rule. The screening evidence (quotes from the
// profile, reviewer notes) stays internal; these lines say what the rule
// looks for, never what was found.
import { SCREENING_RULE_IDS, type ScreeningRuleId } from '../screening/rule-ids';

export const PUBLIC_RULE_EXPLANATIONS: Readonly<Record<ScreeningRuleId, string>> = {
  'tech.architecture-at-scale': 'Architectural decisions in the role’s systems that held up at scale, with the constraints that shaped them.',
  'tech.infra-tradeoffs': 'Reasoned opinions on infrastructure trade-offs for the role’s domain.',
  'tech.shipped-production': 'Systems shipped to production with evidence on latency, reliability, monitoring or incidents.',
  'tech.code-review': 'Meaningful code review of the role’s kind of work, beyond correctness.',
  'lead.unblocking': 'Concrete examples of unblocking engineers: the blocker and how it was resolved.',
  'lead.translation': 'Translating between technical and non-technical stakeholders.',
  'lead.team-framing': 'Achievements described as what the team did, not only the individual.',
  'lead.course-correction': 'A decision that turned out wrong, recognised and corrected.',
  'flag.research-without-production': 'Red flag: research depth without production judgment.',
  'flag.solo-framing': 'Red flag: every achievement framed as solo work.',
  'flag.vague-decisions': 'Red flag: architectural decisions claimed without their reasoning.',
  'flag.hard-to-follow': 'Red flag: communication that takes effort to follow.',
};

export interface PublicRejectionReason {
  ruleId: string;
  explanation: string;
}

export interface ScreeningRuleVerdict {
  ruleId: string;
  group: 'technical' | 'leadership' | 'red-flag';
  met: boolean;
}

/**
 * The rules that counted against a rejected candidate: signals not shown and
 * red flags raised, in rubric order. A rule id unknown here (a newer rubric
 * than this code) is still named, with a neutral line.
 */
export function publicRejectionReasons(rules: readonly ScreeningRuleVerdict[]): PublicRejectionReason[] {
  const against = rules.filter((r) => (r.group === 'red-flag' ? r.met : !r.met));
  const rank = (id: string) => {
    const i = (SCREENING_RULE_IDS as readonly string[]).indexOf(id);
    return i === -1 ? SCREENING_RULE_IDS.length : i;
  };
  return [...against]
    .sort((a, b) => rank(a.ruleId) - rank(b.ruleId))
    .map((r) => ({ ruleId: r.ruleId, explanation: PUBLIC_RULE_EXPLANATIONS[r.ruleId as ScreeningRuleId] ?? 'A screening rule of the requisition’s rubric was not met.' }));
}
