import type { CandidateProfile } from '../profile/candidate-profile';
import type { ScreeningRubric } from './rubric';
import { countFraming } from './framing';
import type { Verdict } from './technical.rules';
import { hasText, quote, ratio } from './text';

/** Publications, but no shipped system in the role's area that talks about monitoring and failure handling. */
export function researchWithoutProduction(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.redFlags.researchWithoutProduction;
  const area = rubric.technical.shippedProduction.area;
  const withJudgment = profile.productionSystems.filter(
    (s) => s.area === area && rule.productionEvidence.every((kind) => hasText(s.evidence[kind])),
  );
  const publications = profile.publications.length;
  const met = publications >= rule.minPublications && withJudgment.length === 0;
  const evidence = [`${publications} publication(s)`];
  evidence.push(
    withJudgment.length > 0
      ? `production judgment shown on ${withJudgment.map((s) => quote(s.name, 40)).join(', ')} (${rule.productionEvidence.join(' + ')})`
      : `no ${area} production system states ${rule.productionEvidence.join(' + ')}`,
  );
  return { met, evidence };
}

export function soloFraming(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.redFlags.soloFraming;
  const { solo, team } = countFraming(profile.achievements);
  const total = solo + team;
  const met = total >= rule.minFramingWords && solo / total >= rule.minSoloShare;
  return {
    met,
    evidence: [
      `I/me/my ${solo} time(s) vs we/our/us/team ${team} time(s) in ${profile.achievements.length} achievement(s): solo share ${ratio(solo, total)}; flag at ${ratio(rule.minSoloShare, 1)} with at least ${rule.minFramingWords} framing words`,
    ],
  };
}

export function vagueDecisions(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.redFlags.vagueDecisions;
  const decisions = profile.architectureDecisions;
  const vague = decisions.filter((d) => !hasText(d.rationale) || !(d.constraints ?? []).some(hasText));
  const met = decisions.length > 0 && vague.length / decisions.length >= rule.minVagueShare;
  const evidence = vague.map((d) => {
    const missing = [!hasText(d.rationale) && 'rationale', !(d.constraints ?? []).some(hasText) && 'constraints'].filter(Boolean);
    return `${quote(d.decision, 60)} has no ${missing.join(' and no ')}`;
  });
  evidence.push(`${vague.length} of ${decisions.length} decision(s) vague (${ratio(vague.length, decisions.length)}); flag at ${ratio(rule.minVagueShare, 1)}`);
  return { met, evidence };
}

export function hardToFollow(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.redFlags.hardToFollow;
  const met = profile.communicationRating < rule.minCommunicationRating;
  return {
    met,
    evidence: [`interviewer communication rating ${profile.communicationRating}/5; below ${rule.minCommunicationRating} is a red flag`],
  };
}
