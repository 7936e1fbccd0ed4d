import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { ScreeningRubric } from './rubric';
import type { ScreeningRuleId } from './rule-ids';
import type { CandidateProfile } from '../profile/candidate-profile';
import { screenCandidate, screeningOf } from './screen-candidate';
import type { RuleOutcome, ScreeningResult } from './screening-result';

/**
 * Interviewer feedback as evidence (issue 8, part 5). The interview kit asks
 * what the profile left unknown; the interviewer answers per rule id:
 * `confirmed` (the interview established it: a signal is shown, a red flag is
 * raised) or `not-confirmed` (the interview spoke against it: a signal is
 * contradicted, a red flag ruled out). The communication rating is the
 * interviewer's, so it decides flag.hard-to-follow ("communication that takes
 * effort to follow"). Everything else is re-decided by the rubric's own rules.
 */
export const FEEDBACK_OUTCOMES = ['confirmed', 'not-confirmed'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** Judged from the communication rating, never from a per-rule answer (two sources could disagree). */
export const RATED_RULE_ID: ScreeningRuleId = 'flag.hard-to-follow';

export interface RuleFeedback {
  ruleId: string;
  outcome: FeedbackOutcome;
}

/** What the decision reads of one interview; the interviewer's notes are not evidence the rules read. */
export interface InterviewFeedback {
  interviewerId: string;
  /** RFC 3339 time of the interview. */
  interviewedAt: string;
  /** 1 (takes effort to follow) to 5 (effortless), like the profile's rating. */
  communicationRating: number;
  answers: RuleFeedback[];
}

export interface FeedbackProblem {
  ruleId: string;
  message: string;
}

/** Rule ids the feedback cannot be applied to: not in the screening's rubric, answered twice, or the rated flag. */
export function feedbackProblems(feedback: Pick<InterviewFeedback, 'answers'>, screened: readonly Pick<RuleOutcome, 'ruleId'>[]): FeedbackProblem[] {
  const known = new Set<string>(screened.map((r) => r.ruleId));
  const seen = new Set<string>();
  const problems: FeedbackProblem[] = [];
  for (const { ruleId } of feedback.answers) {
    if (!known.has(ruleId)) problems.push({ ruleId, message: "is not a rule of the candidate's rubric" });
    else if (ruleId === RATED_RULE_ID) problems.push({ ruleId, message: 'is judged from communicationRating, not answered per rule' });
    else if (seen.has(ruleId)) problems.push({ ruleId, message: 'is answered more than once' });
    seen.add(ruleId);
  }
  return problems;
}

function withAnswer(rule: RuleOutcome, outcome: FeedbackOutcome, feedback: InterviewFeedback): RuleOutcome {
  const state = outcome === 'confirmed' ? 'shown' : 'contradicted';
  const said = `interview ${feedback.interviewedAt} (interviewer ${feedback.interviewerId}): ${outcome}`;
  return { ...rule, state, met: state === 'shown', thin: false, evidence: [...rule.evidence, said] };
}

function withRating(rule: RuleOutcome, feedback: InterviewFeedback, rubric: ScreeningRubric): RuleOutcome {
  const min = rubric.redFlags.hardToFollow.minCommunicationRating;
  const raised = feedback.communicationRating < min;
  const said = `interview ${feedback.interviewedAt} (interviewer ${feedback.interviewerId}): communication rating ${feedback.communicationRating}/5; below ${min} is a red flag`;
  return { ...rule, state: raised ? 'shown' : 'contradicted', met: raised, thin: false, evidence: [...rule.evidence, said] };
}

/**
 * Re-decides a stored screening with one interview's feedback: the answered
 * rules take the interview's state, flag.hard-to-follow takes the
 * interviewer's rating, the rest keep what the profile showed. Pure: the
 * decision, reasons and the kit come from the same rubric version as before.
 */
export function applyInterviewFeedback(screening: Pick<ScreeningResult, 'rules' | 'rubricId' | 'rubricVersion'>, feedback: InterviewFeedback, rubric: ScreeningRubric): ScreeningResult {
  if (screening.rubricId !== rubric.id || screening.rubricVersion !== rubric.version) {
    throw new DomainError(DomainErrorCode.RUBRIC_MISMATCH, `screening was made with ${screening.rubricId}@${screening.rubricVersion}, not ${rubric.id}@${rubric.version}`, {
      screening: `${screening.rubricId}@${screening.rubricVersion}`,
      rubric: `${rubric.id}@${rubric.version}`,
    });
  }
  const problems = feedbackProblems(feedback, screening.rules);
  if (problems.length > 0) {
    throw new DomainError(DomainErrorCode.INVALID_INPUT, problems.map((p) => `${p.ruleId} ${p.message}`).join('; '), { problems });
  }
  const answers = new Map(feedback.answers.map((r) => [r.ruleId, r.outcome]));
  const rules = screening.rules.map((rule) => {
    if (rule.ruleId === RATED_RULE_ID) return withRating(rule, feedback, rubric);
    const outcome = answers.get(rule.ruleId);
    return outcome ? withAnswer(rule, outcome, feedback) : rule;
  });
  return screeningOf(rules, rubric);
}

/**
 * The profile screened, then every interview's feedback applied in the order
 * it was recorded: a re-screening (new profile, new rubric version) keeps what
 * the interviews established instead of falling back to the profile alone.
 */
export function screenWithFeedback(profile: CandidateProfile, rubric: ScreeningRubric, feedback: readonly InterviewFeedback[]): ScreeningResult {
  return feedback.reduce((screening, one) => applyInterviewFeedback(screening, one, rubric), screenCandidate(profile, rubric));
}
