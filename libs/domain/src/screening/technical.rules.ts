import type { CandidateProfile, ProductionSystem } from '../profile/candidate-profile';
import type { ScreeningRubric } from './rubric';
import { hasText, quote } from './text';

/** What a rule decides before the screening stamps it with its id and rubric version. */
export interface Verdict {
  met: boolean;
  evidence: string[];
}

export function architectureAtScale(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.technical.architectureAtScale;
  const qualifying = profile.architectureDecisions.filter(
    (d) => d.area === rule.area && d.heldUpAtScale && hasText(d.decision) && (d.constraints ?? []).some(hasText),
  );
  const met = qualifying.length >= rule.minDecisions;
  const evidence = qualifying.map((d) => `${quote(d.decision)} held up at scale; constraints: ${(d.constraints ?? []).filter(hasText).map((c) => quote(c, 40)).join(', ')}`);
  if (!met) {
    evidence.push(
      `${qualifying.length} ${rule.area} decision(s) that held up at scale with stated constraints; ${rule.minDecisions} needed`,
    );
  }
  return { met, evidence };
}

export function infraTradeoffs(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.technical.infraTradeoffs;
  const reasoned = profile.tradeOffOpinions.filter((o) => rule.topics.includes(o.topic) && hasText(o.stance) && hasText(o.reasoning));
  const topics = [...new Set(reasoned.map((o) => o.topic))];
  const met = topics.length >= rule.minDistinctTopics;
  const evidence = reasoned.map((o) => `${o.topic}: ${quote(o.stance, 60)}`);
  if (!met) {
    evidence.push(`${topics.length} distinct reasoned topic(s) among ${rule.topics.join(', ')}; ${rule.minDistinctTopics} needed`);
  }
  return { met, evidence };
}

function statedEvidence(system: ProductionSystem, kinds: ScreeningRubric['technical']['shippedProduction']['evidence']): string[] {
  return kinds.filter((kind) => hasText(system.evidence[kind]));
}

export function shippedProduction(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.technical.shippedProduction;
  const inArea = profile.productionSystems.filter((s) => s.area === rule.area);
  const shipped = inArea.filter((s) => statedEvidence(s, rule.evidence).length >= rule.minEvidencePerSystem);
  const met = shipped.length >= rule.minSystems;
  const evidence = inArea.map(
    (s) => `${quote(s.name, 60)}: evidence on ${statedEvidence(s, rule.evidence).join(', ') || 'nothing'} (${rule.minEvidencePerSystem} of ${rule.evidence.length} needed)`,
  );
  if (!met) evidence.push(`${shipped.length} ${rule.area} production system(s) with enough operational evidence; ${rule.minSystems} needed`);
  return { met, evidence };
}

export function codeReview(profile: CandidateProfile, rubric: ScreeningRubric): Verdict {
  const rule = rubric.technical.codeReview;
  const review = profile.codeReview;
  if (!review) return { met: false, evidence: ['no code review practice stated'] };
  if (review.area !== rule.area) {
    return { met: false, evidence: [`code review practice is about ${review.area} work; ${rule.area} review is needed`] };
  }
  const beyondCorrectness = review.aspects.filter((a) => rule.aspects.includes(a));
  const met = beyondCorrectness.length >= rule.minAspects && hasText(review.example);
  return {
    met,
    evidence: [
      `reviews for ${beyondCorrectness.join(', ') || 'correctness only'} (${rule.minAspects} of ${rule.aspects.join(', ')} needed)`,
      `example: ${quote(review.example)}`,
    ],
  };
}
