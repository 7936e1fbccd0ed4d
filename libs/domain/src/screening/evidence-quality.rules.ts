import { tradeOffArea, type CandidateProfile, type ProductionEvidenceKind, type ProductionSystem } from '../profile/candidate-profile';
import { DomainError, DomainErrorCode } from '../shared/domain-error';
import { countFraming } from './framing';
import type { EvidenceQuality, ScreeningRubric } from './rubric';
import type { SignalState } from './screening-result';
import { judgeSubstance, type Substance } from './substance';
import { hasText, quote, ratio } from './text';

/**
 * The rules of rubric 2026-12: the same twelve rule ids as 2026-03, but each
 * reads the substance of what is stated (substance.ts) and answers in three
 * states. Silence is `not-yet-known`, never a failure: only facts stated
 * against the candidate make a signal `contradicted`.
 */
export interface StatedVerdict {
  state: SignalState;
  thin: boolean;
  evidence: string[];
}

function quality(rubric: ScreeningRubric): EvidenceQuality {
  if (!rubric.evidenceQuality) {
    throw new DomainError(DomainErrorCode.INVALID_RULES, `rubric ${rubric.id}@${rubric.version} has no evidenceQuality section`, {
      rubricId: rubric.id,
      rubricVersion: rubric.version,
    });
  }
  return rubric.evidenceQuality;
}

const verdict = (state: SignalState, evidence: string[], thin = false): StatedVerdict => ({ state, thin: state === 'shown' && thin, evidence });

/**
 * One screening's reading of one profile. Several rules read the same
 * statements (a decision's rationale and constraints: architecture at scale
 * and vague decisions; a system's production evidence: shipped production and
 * research without production; the achievements: team and solo framing), so
 * each statement is judged once and the shared readings are built once.
 * judgeSubstance is a pure function of the text, the rubric's word lists and
 * the kind, so a verdict read twice is the verdict judged twice. Lives only
 * as long as the screening: nothing of the profile's text is kept after it.
 */
export class ProfileReading {
  readonly eq: EvidenceQuality;
  private readonly judged = { statement: new Map<string, Substance>(), label: new Map<string, Substance>() };
  private production?: ProductionReading[];
  private framing?: FramingReading;

  constructor(
    readonly profile: CandidateProfile,
    readonly rubric: ScreeningRubric,
  ) {
    this.eq = quality(rubric);
  }

  judge(text: string | undefined, kind: 'statement' | 'label' = 'statement'): Substance {
    if (text === undefined) return judgeSubstance(text, this.eq.substance, kind);
    const seen = this.judged[kind];
    let judged = seen.get(text);
    if (!judged) {
      judged = judgeSubstance(text, this.eq.substance, kind);
      seen.set(text, judged);
    }
    return judged;
  }

  /** The profile's systems in the rubric's production area, read once. */
  productionInArea(): ProductionReading[] {
    this.production ??= this.profile.productionSystems
      .filter((s) => s.area === this.rubric.technical.shippedProduction.area)
      .map((s) => readProduction(s, this));
    return this.production;
  }

  framingOfAchievements(): FramingReading {
    this.framing ??= readFraming(this.profile, this);
    return this.framing;
  }
}

/** The reading a rule uses when called on its own (tests, one rule at a time). */
const fresh = (profile: CandidateProfile, rubric: ScreeningRubric) => new ProfileReading(profile, rubric);

/** The one definition of production evidence, shared by tech.shipped-production and flag.research-without-production. */
export interface ProductionReading {
  system: ProductionSystem;
  /** Concerns stated with substance. */
  counted: ProductionEvidenceKind[];
  /** Concerns the candidate denies ("no monitoring yet"). */
  denied: ProductionEvidenceKind[];
  inProduction: boolean;
  notes: string[];
}

function readProduction(system: ProductionSystem, reading: ProfileReading): ProductionReading {
  const eq = reading.eq;
  const counted: ProductionEvidenceKind[] = [];
  const denied: ProductionEvidenceKind[] = [];
  const notes: string[] = [];
  for (const kind of eq.production.concerns) {
    const judged = reading.judge(system.evidence[kind]);
    if (judged.counts) counted.push(kind);
    if (judged.denies) denied.push(kind);
    notes.push(`${kind}: ${judged.counts ? 'counts' : 'does not count'}, ${judged.why}`);
  }
  return { system, counted, denied, inProduction: counted.length >= eq.production.minConcerns, notes };
}

export function architectureAtScale(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const rule = rubric.technical.architectureAtScale;
  const evidence: string[] = [];
  let qualifying = 0;
  let constraintsOfQualifying = 0;
  for (const d of profile.architectureDecisions.filter((x) => x.area === rule.area)) {
    const decision = reading.judge(d.decision);
    const rationale = reading.judge(d.rationale);
    const constraints = (d.constraints ?? []).filter((c) => reading.judge(c, 'label').counts);
    const missing = [
      !decision.counts && `decision: ${decision.why}`,
      !d.heldUpAtScale && 'it did not hold up at scale',
      !rationale.counts && `rationale: ${rationale.why}`,
      constraints.length === 0 && 'no constraint with substance',
    ].filter((x): x is string => typeof x === 'string');
    if (missing.length === 0) {
      qualifying += 1;
      constraintsOfQualifying += constraints.length;
      evidence.push(`${quote(d.decision, 60)} counts: held up at scale, rationale and constraints ${constraints.map((c) => quote(c, 40)).join(', ')}`);
    } else {
      evidence.push(`${quote(d.decision, 60)} does not count: ${missing.join('; ')}`);
    }
  }
  if (qualifying >= rule.minDecisions) return verdict('shown', evidence, qualifying === 1 && constraintsOfQualifying < 2);
  evidence.push(`${qualifying} ${rule.area} decision(s) that held up at scale with rationale and constraints; ${rule.minDecisions} needed`);
  return verdict('not-yet-known', evidence);
}

export function infraTradeoffs(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const rule = rubric.technical.infraTradeoffs;
  const area = rubric.technical.architectureAtScale.area;
  const evidence: string[] = [];
  const reasonedTopics = new Set<string>();
  let unreasoned = 0;
  for (const o of profile.tradeOffOpinions) {
    const opinionArea = tradeOffArea(o);
    if (opinionArea !== area) {
      evidence.push(`${quote(o.topic, 40)} (${opinionArea}) recorded, not counted: ${area} trade-offs are needed for this role`);
      continue;
    }
    const stance = reading.judge(o.stance);
    const reasoning = reading.judge(o.reasoning);
    if (stance.counts && reasoning.counts) {
      reasonedTopics.add(o.topic.trim().toLowerCase());
      evidence.push(`${quote(o.topic, 40)} (${opinionArea}) counts: stance ${quote(o.stance, 50)} with reasoning`);
    } else {
      if (stance.counts) unreasoned += 1;
      evidence.push(`${quote(o.topic, 40)} (${opinionArea}) does not count: ${[!stance.counts && `stance ${stance.why}`, !reasoning.counts && `reasoning ${reasoning.why}`].filter(Boolean).join('; ')}`);
    }
  }
  if (reasonedTopics.size >= rule.minDistinctTopics) return verdict('shown', evidence);
  evidence.push(`${reasonedTopics.size} distinct ${area} topic(s) with a reasoned stance; ${rule.minDistinctTopics} needed`);
  // Opinions held without any reasoning are what the guide warns about; only silence stays unknown.
  return verdict(unreasoned > 0 && reasonedTopics.size === 0 ? 'contradicted' : 'not-yet-known', evidence);
}

export function shippedProduction(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const eq = reading.eq;
  const rule = rubric.technical.shippedProduction;
  const readings = reading.productionInArea();
  const evidence = readings.map((r) => `${quote(r.system.name, 50)}: ${r.inProduction ? 'in production' : 'not shown in production'} (${r.notes.join('; ')})`);
  const shipped = readings.filter((r) => r.inProduction);
  const definition = `production = at least ${eq.production.minConcerns} of ${eq.production.concerns.join(', ')} stated with substance`;
  if (shipped.length >= rule.minSystems) {
    const covered = new Set(shipped.flatMap((r) => r.counted));
    const missing = eq.production.concerns.filter((k) => !covered.has(k));
    if (missing.length > 0) evidence.push(`thin: nothing yet on ${missing.join(', ')}`);
    return verdict('shown', evidence, missing.length > 0);
  }
  evidence.push(`${shipped.length} ${rule.area} system(s) in production; ${rule.minSystems} needed (${definition})`);
  const denied = readings.some((r) => r.denied.length > 0);
  return verdict(denied ? 'contradicted' : 'not-yet-known', evidence);
}

export function codeReview(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const rule = rubric.technical.codeReview;
  const review = profile.codeReview;
  if (!review) return verdict('not-yet-known', ['no code review practice stated']);
  if (review.area !== rule.area) return verdict('not-yet-known', [`code review practice is about ${review.area} work; ${rule.area} review is what counts`]);
  const beyond = review.aspects.filter((a) => rule.aspects.includes(a));
  const example = reading.judge(review.example);
  const evidence = [
    `reviews for ${beyond.join(', ') || 'correctness only'}: ${beyond.length} of ${rule.aspects.join(', ')}; ${rule.minAspects} needed`,
    `example ${example.counts ? 'counts' : 'does not count'}: ${example.why}`,
  ];
  if (beyond.length >= rule.minAspects && example.counts) return verdict('shown', evidence);
  // "Not only correctness": a review practice stated as correctness only is evidence against.
  return verdict(beyond.length === 0 && review.aspects.length > 0 ? 'contradicted' : 'not-yet-known', evidence);
}

export function unblocking(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const rule = rubric.leadership.unblocking;
  const evidence: string[] = [];
  let concrete = 0;
  for (const e of profile.unblockingExamples) {
    const blocker = reading.judge(e.blocker);
    const resolution = reading.judge(e.resolution);
    if (blocker.counts && resolution.counts) {
      concrete += 1;
      evidence.push(`counts: situation ${quote(e.blocker, 50)} -> action ${quote(e.resolution, 50)}`);
    } else {
      evidence.push(`does not count: ${[!blocker.counts && `situation ${blocker.why}`, !resolution.counts && `action ${resolution.why}`].filter(Boolean).join('; ')}`);
    }
  }
  if (concrete >= rule.minExamples) return verdict('shown', evidence);
  evidence.push(`${concrete} concrete unblocking example(s) (a specific blocker and the action that resolved it); ${rule.minExamples} needed`);
  return verdict('not-yet-known', evidence);
}

export function translation(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const eq = reading.eq;
  const rule = rubric.leadership.translation;
  const evidence: string[] = [];
  let concrete = 0;
  for (const t of profile.stakeholderTranslations) {
    const audience = hasText(t.audience) && !eq.substance.placeholders.includes(t.audience.trim().toLowerCase());
    const situation = reading.judge(t.situation);
    const outcome = reading.judge(t.outcome);
    if (audience && situation.counts && outcome.counts) {
      concrete += 1;
      evidence.push(`counts: with ${quote(t.audience, 40)}, ${quote(t.situation, 50)} -> ${quote(t.outcome, 50)}`);
    } else {
      evidence.push(
        `does not count: ${[!audience && 'no audience named', !situation.counts && `situation ${situation.why}`, !outcome.counts && `outcome ${outcome.why}`].filter(Boolean).join('; ')}`,
      );
    }
  }
  if (concrete >= rule.minExamples) return verdict('shown', evidence);
  evidence.push(`${concrete} concrete stakeholder translation(s) (audience, situation, outcome); ${rule.minExamples} needed`);
  return verdict('not-yet-known', evidence);
}

/** How each achievement with substance is framed: team (team words at least as many as I/me/my), solo (only I/me/my), or neutral. */
export interface FramingReading {
  achievements: number;
  team: number;
  solo: number;
  notes: string[];
}

function readFraming(profile: CandidateProfile, reading: ProfileReading): FramingReading {
  const framing: FramingReading = { achievements: 0, team: 0, solo: 0, notes: [] };
  for (const statement of profile.achievements) {
    const judged = reading.judge(statement);
    if (!judged.counts) {
      framing.notes.push(`not judged: ${judged.why}`);
      continue;
    }
    framing.achievements += 1;
    const words = countFraming([statement]);
    const told = words.team > 0 && words.team >= words.solo ? 'team' : words.solo > 0 && words.team === 0 ? 'solo' : 'mixed or neutral';
    if (told === 'team') framing.team += 1;
    if (told === 'solo') framing.solo += 1;
    framing.notes.push(`${quote(statement, 50)}: ${told} (we/our/us/team ${words.team}, I/me/my ${words.solo})`);
  }
  return framing;
}

export function teamFraming(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const eq = reading.eq;
  const f = reading.framingOfAchievements();
  const evidence = [
    ...f.notes,
    `${f.team} of ${f.achievements} achievement(s) told as team work (${ratio(f.team, f.achievements)}); ${ratio(eq.teamFraming.minTeamShare, 1)} of at least ${eq.teamFraming.minAchievements} needed`,
  ];
  if (f.achievements < eq.teamFraming.minAchievements) return verdict('not-yet-known', evidence);
  if (f.team / f.achievements >= eq.teamFraming.minTeamShare) return verdict('shown', evidence, f.achievements === eq.teamFraming.minAchievements);
  return verdict(f.solo / f.achievements >= rubric.redFlags.soloFraming.minSoloShare ? 'contradicted' : 'not-yet-known', evidence);
}

export function courseCorrection(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const rule = rubric.leadership.courseCorrection;
  const evidence: string[] = [];
  let corrected = 0;
  for (const d of profile.architectureDecisions.filter((x) => x.laterReversed)) {
    const lesson = reading.judge(d.lessonLearned);
    if (lesson.counts) corrected += 1;
    evidence.push(`reversed ${quote(d.decision, 50)}: lesson ${lesson.counts ? 'counts' : 'does not count'}, ${lesson.why}`);
  }
  if (corrected >= rule.minExamples) return verdict('shown', evidence);
  evidence.push(`${corrected} decision(s) recognised as wrong and course-corrected with a lesson; ${rule.minExamples} needed`);
  return verdict('not-yet-known', evidence);
}

export function researchWithoutProduction(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const eq = reading.eq;
  const readings = reading.productionInArea();
  const inProduction = readings.filter((r) => r.inProduction);
  const publications = profile.publications.length;
  const record = `${publications} publication(s); a strong academic record is ${eq.research.minPublications} or more`;
  if (inProduction.length > 0) {
    return verdict('contradicted', [record, `production judgment shown on ${inProduction.map((r) => quote(r.system.name, 40)).join(', ')} (same definition as tech.shipped-production)`]);
  }
  if (publications < eq.research.minPublications) return verdict('contradicted', [record, 'no production evidence yet, but no strong academic record either']);
  return verdict('shown', [record, `no ${rubric.technical.shippedProduction.area} system shown in production (same definition as tech.shipped-production)`]);
}

export function soloFraming(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const eq = reading.eq;
  const rule = rubric.redFlags.soloFraming;
  const f = reading.framingOfAchievements();
  const evidence = [
    ...f.notes,
    `${f.solo} of ${f.achievements} achievement(s) told in the first person singular only (${ratio(f.solo, f.achievements)}); flag at ${ratio(rule.minSoloShare, 1)} of at least ${eq.teamFraming.minAchievements}`,
  ];
  if (f.achievements < eq.teamFraming.minAchievements) return verdict('not-yet-known', evidence);
  return verdict(f.solo / f.achievements >= rule.minSoloShare ? 'shown' : 'contradicted', evidence);
}

export function vagueDecisions(profile: CandidateProfile, rubric: ScreeningRubric, reading = fresh(profile, rubric)): StatedVerdict {
  const rule = rubric.redFlags.vagueDecisions;
  const claimed = profile.architectureDecisions.filter((d) => hasText(d.decision));
  const evidence: string[] = [];
  let vague = 0;
  for (const d of claimed) {
    const rationale = reading.judge(d.rationale);
    const constraints = (d.constraints ?? []).filter((c) => reading.judge(c, 'label').counts);
    if (rationale.counts && constraints.length > 0) {
      evidence.push(`${quote(d.decision, 50)} reasoned: rationale and ${constraints.length} constraint(s) with substance`);
    } else {
      vague += 1;
      evidence.push(`${quote(d.decision, 50)} vague: ${[!rationale.counts && `rationale ${rationale.why}`, constraints.length === 0 && 'no constraint with substance'].filter(Boolean).join('; ')}`);
    }
  }
  evidence.push(`${vague} of ${claimed.length} claimed decision(s) without rationale and constraints (${ratio(vague, claimed.length)}); flag at ${ratio(rule.minVagueShare, 1)}`);
  if (claimed.length === 0) return verdict('not-yet-known', evidence);
  return verdict(vague / claimed.length >= rule.minVagueShare ? 'shown' : 'contradicted', evidence);
}

export function hardToFollow(profile: CandidateProfile, rubric: ScreeningRubric): StatedVerdict {
  const rule = rubric.redFlags.hardToFollow;
  const raised = profile.communicationRating < rule.minCommunicationRating;
  return verdict(raised ? 'shown' : 'contradicted', [
    `interviewer communication rating ${profile.communicationRating}/5; below ${rule.minCommunicationRating} is a red flag`,
  ]);
}
