import type { CandidateProfile } from '../profile/candidate-profile';
import type { ScreeningRubric } from './rubric';
import { countFraming } from './framing';
import type { Verdict } from './technical.rules';
import { hasText, quote, ratio } from './text';

export function unblocking(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.leadership.unblocking;
  const concrete = profile.unblockingExamples.filter((e) => hasText(e.blocker) && hasText(e.resolution));
  const evidence = concrete.map((e) => `blocker ${quote(e.blocker, 60)} -> resolution ${quote(e.resolution, 60)}`);
  const met = concrete.length >= rule.minExamples;
  if (!met) evidence.push(`${concrete.length} unblocking example(s) with blocker and resolution; ${rule.minExamples} needed`);
  return { met, evidence };
}

export function translation(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.leadership.translation;
  const concrete = profile.stakeholderTranslations.filter((t) => hasText(t.audience) && hasText(t.situation) && hasText(t.outcome));
  const evidence = concrete.map((t) => `with ${quote(t.audience, 40)}: ${quote(t.situation, 60)} -> ${quote(t.outcome, 60)}`);
  const met = concrete.length >= rule.minExamples;
  if (!met) evidence.push(`${concrete.length} stakeholder translation example(s); ${rule.minExamples} needed`);
  return { met, evidence };
}

export function teamFraming(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.leadership.teamFraming;
  const { solo, team } = countFraming(profile.achievements);
  const total = solo + team;
  const met = total > 0 && team / total >= rule.minTeamShare;
  return {
    met,
    evidence: [
      `achievements use team words (we/our/us/team) ${team} time(s) and I/me/my ${solo} time(s): team share ${ratio(team, total)}, ${ratio(rule.minTeamShare, 1)} needed`,
    ],
  };
}

export function courseCorrection(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.leadership.courseCorrection;
  const corrected = profile.architectureDecisions.filter((d) => d.laterReversed && hasText(d.lessonLearned));
  const evidence = corrected.map((d) => `reversed ${quote(d.decision, 60)}; lesson: ${quote(d.lessonLearned ?? '', 60)}`);
  const met = corrected.length >= rule.minExamples;
  if (!met) evidence.push(`${corrected.length} decision(s) recognised as wrong and course-corrected with a lesson; ${rule.minExamples} needed`);
  return { met, evidence };
}
