import type { CandidateProfile } from '../profile/candidate-profile';
import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { ScreeningRubric } from './rubric';
import type { RuleGroup, ScreeningRuleId } from './rule-ids';
import { courseCorrection, teamFraming, translation, unblocking } from './leadership.rules';
import { hardToFollow, researchWithoutProduction, soloFraming, vagueDecisions } from './red-flag.rules';
import { architectureAtScale, codeReview, infraTradeoffs, shippedProduction, type Verdict } from './technical.rules';
import type { RuleOutcome, ScreeningDecision, ScreeningResult } from './screening-result';

type Rule = { id: ScreeningRuleId; group: RuleGroup; decide: (profile: CandidateProfile, rubric: ScreeningRubric) => Verdict };

/** The rule catalogue, in the order results are reported. */
const RULES: readonly Rule[] = [
  { id: 'tech.architecture-at-scale', group: 'technical', decide: architectureAtScale },
  { id: 'tech.infra-tradeoffs', group: 'technical', decide: infraTradeoffs },
  { id: 'tech.shipped-production', group: 'technical', decide: shippedProduction },
  { id: 'tech.code-review', group: 'technical', decide: codeReview },
  { id: 'lead.unblocking', group: 'leadership', decide: unblocking },
  { id: 'lead.translation', group: 'leadership', decide: translation },
  { id: 'lead.team-framing', group: 'leadership', decide: teamFraming },
  { id: 'lead.course-correction', group: 'leadership', decide: courseCorrection },
  { id: 'flag.research-without-production', group: 'red-flag', decide: researchWithoutProduction },
  { id: 'flag.solo-framing', group: 'red-flag', decide: soloFraming },
  { id: 'flag.vague-decisions', group: 'red-flag', decide: vagueDecisions },
  { id: 'flag.hard-to-follow', group: 'red-flag', decide: hardToFollow },
];

/**
 * Screens a candidate against a rubric (hiring-rules.md section 3). Pure: the
 * same profile and rubric version always give the same result, and every rule
 * outcome carries the evidence and the rubric id+version that produced it.
 */
export function screenCandidate(profile: CandidateProfile, rubric: ScreeningRubric): ScreeningResult {
  if (profile.targetRole !== rubric.role) {
    // Screening an AI Tech Lead with the software rubric (or back) would
    // silently apply the wrong signals; the caller picked the wrong rubric.
    throw new DomainError(
      DomainErrorCode.RUBRIC_MISMATCH,
      `candidate targets ${profile.targetRole} but rubric ${rubric.id}@${rubric.version} is for ${rubric.role}`,
      { targetRole: profile.targetRole, rubricId: rubric.id, rubricVersion: rubric.version },
    );
  }
  const rules: RuleOutcome[] = RULES.map((rule) => ({
    ruleId: rule.id,
    group: rule.group,
    ...rule.decide(profile, rubric),
    rubricId: rubric.id,
    rubricVersion: rubric.version,
  }));
  return { role: rubric.role, rubricId: rubric.id, rubricVersion: rubric.version, rules, ...decideScreening(rules, rubric) };
}

/** Decides from rule outcomes alone, so a stored screening can be re-decided and explained. */
export function decideScreening(rules: readonly RuleOutcome[], rubric: ScreeningRubric): Pick<ScreeningResult, 'decision' | 'summary' | 'reasons'> {
  const count = (group: RuleGroup) => rules.filter((r) => r.group === group && r.met).length;
  const total = (group: RuleGroup) => rules.filter((r) => r.group === group).length;
  const summary = {
    technicalMet: count('technical'),
    technicalTotal: total('technical'),
    leadershipMet: count('leadership'),
    leadershipTotal: total('leadership'),
    redFlagsRaised: rules.filter((r) => r.group === 'red-flag' && r.met).map((r) => r.ruleId),
  };
  const { advance, reject } = rubric.decision;
  const at = `rubric ${rubric.id}@${rubric.version}`;
  const flags = summary.redFlagsRaised;

  const rejections: string[] = [];
  const blocking = flags.filter((id) => (reject.blockingFlags as readonly string[]).includes(id));
  if (blocking.length > 0) rejections.push(`${blocking.join(', ')} rejects on its own (${at})`);
  if (flags.length >= reject.maxRedFlags) rejections.push(`${flags.length} red flags (${flags.join(', ')}); ${reject.maxRedFlags} or more rejects (${at})`);
  if (summary.technicalMet < reject.minTechnical) {
    rejections.push(`${summary.technicalMet} of ${summary.technicalTotal} technical signals met; fewer than ${reject.minTechnical} rejects (${at})`);
  }
  if (rejections.length > 0) return { decision: 'reject', summary, reasons: rejections };

  const shortfalls: string[] = [];
  if (summary.technicalMet < advance.minTechnical) {
    shortfalls.push(`${summary.technicalMet} of ${summary.technicalTotal} technical signals met; ${advance.minTechnical} needed to advance (${at})`);
  }
  if (summary.leadershipMet < advance.minLeadership) {
    shortfalls.push(`${summary.leadershipMet} of ${summary.leadershipTotal} leadership signals met; ${advance.minLeadership} needed to advance (${at})`);
  }
  if (flags.length > advance.maxRedFlags) {
    shortfalls.push(`red flag(s) ${flags.join(', ')}; at most ${advance.maxRedFlags} to advance (${at})`);
  }
  const decision: ScreeningDecision = shortfalls.length === 0 ? 'advance' : 'review';
  const reasons =
    decision === 'advance'
      ? [
          `${summary.technicalMet}/${summary.technicalTotal} technical and ${summary.leadershipMet}/${summary.leadershipTotal} leadership signals met, ${flags.length} red flag(s) (${at})`,
        ]
      : shortfalls;
  return { decision, summary, reasons };
}
