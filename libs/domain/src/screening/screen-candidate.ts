import type { CandidateProfile } from '../profile/candidate-profile';
import { DomainError, DomainErrorCode } from '../shared/domain-error';
import * as stated from './evidence-quality.rules';
import { buildInterviewKit } from './interview-kit';
import type { ScreeningRubric } from './rubric';
import type { RuleGroup, ScreeningRuleId } from './rule-ids';
import { courseCorrection, teamFraming, translation, unblocking } from './leadership.rules';
import { hardToFollow, researchWithoutProduction, soloFraming, vagueDecisions } from './red-flag.rules';
import { architectureAtScale, codeReview, infraTradeoffs, shippedProduction, type Verdict } from './technical.rules';
import type { RuleOutcome, ScreeningDecision, ScreeningResult, ScreeningSummary } from './screening-result';

type Decide<V> = (profile: CandidateProfile, rubric: ScreeningRubric) => V;
type Rule = {
  id: ScreeningRuleId;
  group: RuleGroup;
  presence: Decide<Verdict>;
  stated: (profile: CandidateProfile, rubric: ScreeningRubric, reading: stated.ProfileReading) => stated.StatedVerdict;
};

/** The rule catalogue, in the order results are reported: the 2026-03 (presence) and 2026-12 (evidence quality) reading of each id. */
const RULES: readonly Rule[] = [
  { id: 'tech.architecture-at-scale', group: 'technical', presence: architectureAtScale, stated: stated.architectureAtScale },
  { id: 'tech.infra-tradeoffs', group: 'technical', presence: infraTradeoffs, stated: stated.infraTradeoffs },
  { id: 'tech.shipped-production', group: 'technical', presence: shippedProduction, stated: stated.shippedProduction },
  { id: 'tech.code-review', group: 'technical', presence: codeReview, stated: stated.codeReview },
  { id: 'lead.unblocking', group: 'leadership', presence: unblocking, stated: stated.unblocking },
  { id: 'lead.translation', group: 'leadership', presence: translation, stated: stated.translation },
  { id: 'lead.team-framing', group: 'leadership', presence: teamFraming, stated: stated.teamFraming },
  { id: 'lead.course-correction', group: 'leadership', presence: courseCorrection, stated: stated.courseCorrection },
  { id: 'flag.research-without-production', group: 'red-flag', presence: researchWithoutProduction, stated: stated.researchWithoutProduction },
  { id: 'flag.solo-framing', group: 'red-flag', presence: soloFraming, stated: stated.soloFraming },
  { id: 'flag.vague-decisions', group: 'red-flag', presence: vagueDecisions, stated: stated.vagueDecisions },
  { id: 'flag.hard-to-follow', group: 'red-flag', presence: hardToFollow, stated: stated.hardToFollow },
];

/** 2026-03 rules only knew met / not met: for them, a signal not met is reported as not yet known, a flag not raised as ruled out. */
function fromPresence(rule: Rule, verdict: Verdict): Pick<RuleOutcome, 'met' | 'state' | 'thin' | 'evidence'> {
  const state = verdict.met ? 'shown' : rule.group === 'red-flag' ? 'contradicted' : 'not-yet-known';
  return { met: verdict.met, state, thin: false, evidence: verdict.evidence };
}

/**
 * Screens a candidate against a rubric (hiring-rules.md section 3). Pure: the
 * same profile and rubric version always give the same result, and every rule
 * outcome carries the evidence and the rubric id+version that produced it.
 * Rubrics with an `evidenceQuality` section (2026-12 on) read the substance of
 * statements; older ones replay their presence-only rules unchanged.
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
  // One reading of the profile for all twelve rules: a statement several rules read is judged once.
  const reading = rubric.evidenceQuality ? new stated.ProfileReading(profile, rubric) : undefined;
  const rules: RuleOutcome[] = RULES.map((rule) => {
    const verdict = reading
      ? (({ state, thin, evidence }) => ({ met: state === 'shown', state, thin, evidence }))(rule.stated(profile, rubric, reading))
      : fromPresence(rule, rule.presence(profile, rubric));
    return { ruleId: rule.id, group: rule.group, ...verdict, rubricId: rubric.id, rubricVersion: rubric.version };
  });
  return screeningOf(rules, rubric);
}

/** The decision and interview kit that follow from a set of rule outcomes, whatever produced them (profile or interview). */
export function screeningOf(rules: RuleOutcome[], rubric: ScreeningRubric): ScreeningResult {
  return {
    role: rubric.role,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    rules,
    ...decideScreening(rules, rubric),
    interviewKit: buildInterviewKit(rules, rubric),
  };
}

function summarise(rules: readonly RuleOutcome[]): ScreeningSummary {
  const count = (group: RuleGroup) => rules.filter((r) => r.group === group && r.met).length;
  const total = (group: RuleGroup) => rules.filter((r) => r.group === group).length;
  const signals = rules.filter((r) => r.group !== 'red-flag');
  return {
    technicalMet: count('technical'),
    technicalTotal: total('technical'),
    leadershipMet: count('leadership'),
    leadershipTotal: total('leadership'),
    redFlagsRaised: rules.filter((r) => r.group === 'red-flag' && r.met).map((r) => r.ruleId),
    contradicted: signals.filter((r) => r.state === 'contradicted').map((r) => r.ruleId),
    notYetKnown: signals.filter((r) => r.state === 'not-yet-known').map((r) => r.ruleId),
  };
}

/** Decides from rule outcomes alone, so a stored screening can be re-decided and explained. */
export function decideScreening(rules: readonly RuleOutcome[], rubric: ScreeningRubric): Pick<ScreeningResult, 'decision' | 'summary' | 'reasons'> {
  const summary = summarise(rules);
  return rubric.evidenceQuality ? decideOnEvidence(rules, summary, rubric) : decideOnPresence(summary, rubric);
}

function decideOnPresence(summary: ScreeningSummary, rubric: ScreeningRubric): Pick<ScreeningResult, 'decision' | 'summary' | 'reasons'> {
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

/**
 * 2026-12: reject only on red flags and on evidence against; advance on
 * enough shown signals, no flag and nothing contradicted; when only silence
 * stands between the candidate and advancing, `needs-interview`; anything
 * else (a flag or a contradiction short of rejecting) is a human review.
 */
function decideOnEvidence(rules: readonly RuleOutcome[], summary: ScreeningSummary, rubric: ScreeningRubric): Pick<ScreeningResult, 'decision' | 'summary' | 'reasons'> {
  const { advance, reject } = rubric.decision;
  const at = `rubric ${rubric.id}@${rubric.version}`;
  const flags = summary.redFlagsRaised;
  const inGroup = (group: RuleGroup, state: RuleOutcome['state']) => rules.filter((r) => r.group === group && r.state === state).length;
  const contradictedTechnical = rules.filter((r) => r.group === 'technical' && r.state === 'contradicted').map((r) => r.ruleId);

  const rejections: string[] = [];
  const blocking = flags.filter((id) => (reject.blockingFlags as readonly string[]).includes(id));
  if (blocking.length > 0) rejections.push(`${blocking.join(', ')} rejects on its own (${at})`);
  if (flags.length >= reject.maxRedFlags) rejections.push(`${flags.length} red flags (${flags.join(', ')}); ${reject.maxRedFlags} or more rejects (${at})`);
  const minContradicted = reject.minContradictedTechnical ?? Number.POSITIVE_INFINITY;
  if (contradictedTechnical.length >= minContradicted) {
    rejections.push(`the profile speaks against ${contradictedTechnical.join(', ')}; ${minContradicted} contradicted technical signals reject (${at})`);
  }
  if (rejections.length > 0) return { decision: 'reject', summary, reasons: rejections };

  const shownT = summary.technicalMet;
  const shownL = summary.leadershipMet;
  // Anything stated against the candidate, short of rejecting, is for a human to weigh: never advanced automatically.
  const clean = flags.length <= advance.maxRedFlags && summary.contradicted.length === 0;
  if (clean && shownT >= advance.minTechnical && shownL >= advance.minLeadership) {
    return {
      decision: 'advance',
      summary,
      reasons: [`${shownT}/${summary.technicalTotal} technical and ${shownL}/${summary.leadershipTotal} leadership signals shown, ${flags.length} red flag(s) (${at})`],
    };
  }
  const reachableT = shownT + inGroup('technical', 'not-yet-known');
  const reachableL = shownL + inGroup('leadership', 'not-yet-known');
  const shortfalls = [
    shownT < advance.minTechnical && `${shownT} of ${summary.technicalTotal} technical signals shown; ${advance.minTechnical} needed to advance (${at})`,
    shownL < advance.minLeadership && `${shownL} of ${summary.leadershipTotal} leadership signals shown; ${advance.minLeadership} needed to advance (${at})`,
  ].filter((x): x is string => typeof x === 'string');
  if (clean && reachableT >= advance.minTechnical && reachableL >= advance.minLeadership) {
    return {
      decision: 'needs-interview',
      summary,
      reasons: [...shortfalls, `nothing speaks against the candidate; the rest is not yet known, the interview kit asks for it (${at})`],
    };
  }
  const against = [
    flags.length > advance.maxRedFlags && `red flag(s) ${flags.join(', ')}; at most ${advance.maxRedFlags} to advance (${at})`,
    summary.contradicted.length > 0 && `the profile speaks against ${summary.contradicted.join(', ')} (${at})`,
  ].filter((x): x is string => typeof x === 'string');
  return { decision: 'review', summary, reasons: [...shortfalls, ...against] };
}
