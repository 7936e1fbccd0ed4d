import type { ProductionEvidenceKind, ReviewAspect, SystemArea } from '../profile/candidate-profile';
import type { TargetRole } from '../shared/roles';
import type { Versioned } from '../shared/versioned';
import type { RedFlagRuleId } from './rule-ids';

/**
 * A screening rubric: every threshold and weight the screening and scoring
 * rules use, as versioned data. The rule logic (screening/rules) holds no
 * number of its own; change a rubric, bump its version, and every decision
 * made with it says which version it was.
 */
export interface ScreeningRubric extends Versioned {
  /** Stable id of the rubric line, e.g. `ai-tech-lead-screening`. */
  id: string;
  role: TargetRole;
  technical: {
    architectureAtScale: {
      weight: number;
      area: SystemArea;
      /** Decisions that held up at scale and state at least one constraint. */
      minDecisions: number;
    };
    infraTradeoffs: {
      weight: number;
      /** The trade-off topics that count for this role. */
      topics: readonly string[];
      minDistinctTopics: number;
    };
    shippedProduction: {
      weight: number;
      area: SystemArea;
      evidence: ProductionEvidenceKind[];
      /** How many of `evidence` a system must state to count as shipped, not an experiment. */
      minEvidencePerSystem: number;
      minSystems: number;
    };
    codeReview: {
      weight: number;
      area: SystemArea;
      /** Aspects beyond correctness that make a review meaningful. */
      aspects: ReviewAspect[];
      minAspects: number;
    };
  };
  leadership: {
    unblocking: { weight: number; minExamples: number };
    translation: { weight: number; minExamples: number };
    teamFraming: {
      weight: number;
      /** Share of team words (we/our/us/team) among all framing words needed to count as team framing. */
      minTeamShare: number;
    };
    courseCorrection: { weight: number; minExamples: number };
  };
  redFlags: {
    researchWithoutProduction: {
      penalty: number;
      minPublications: number;
      /** Production judgment = some shipped system in the rubric's area states all of these. */
      productionEvidence: ProductionEvidenceKind[];
    };
    soloFraming: {
      penalty: number;
      /** Raised when first-person-singular words are at least this share of all framing words... */
      minSoloShare: number;
      /** ...and at least this many framing words were found (too few words prove nothing). */
      minFramingWords: number;
    };
    vagueDecisions: {
      penalty: number;
      /** Raised when at least this share of decisions lack a rationale or constraints. */
      minVagueShare: number;
    };
    hardToFollow: {
      penalty: number;
      /** Raised when the interviewer's communication rating is below this. */
      minCommunicationRating: number;
    };
  };
  decision: {
    advance: { minTechnical: number; minLeadership: number; maxRedFlags: number };
    reject: {
      /** Fewer technical signals than this rejects (2026-03 only: from 2026-12 silence never rejects). */
      minTechnical: number;
      /** From 2026-12: this many technical signals contradicted by the profile rejects. */
      minContradictedTechnical?: number;
      /** This many red flags or more rejects. */
      maxRedFlags: number;
      /** Any one of these flags rejects on its own. */
      blockingFlags: RedFlagRuleId[];
    };
  };
  /**
   * From 2026-12: how the substance of free text is judged, the shared
   * definition of production evidence, and score bands. Absent on 2026-03
   * rubrics, whose rules only check that text is present (kept replayable).
   */
  evidenceQuality?: EvidenceQuality;
  scoreBands?: ScoreBands;
}

/** The word lists and thresholds that decide whether a statement says something (2026-12). */
export interface EvidenceQuality {
  substance: {
    /** A statement opening with one of these words denies the concern ("no monitoring yet"). */
    negationOpeners: string[];
    /** Phrases that deny or defer anywhere in a statement ("not yet", "yet to"). */
    negationPhrases: string[];
    /** Whole statements that say nothing ("n/a", "TBD", "not stated"). */
    placeholders: string[];
    /** Words that carry no specific content: filler and generic verbs ("various", "best", "fixed"). */
    emptyWords: string[];
    /** A statement counts only with at least this many content words (not stop words, not empty words). */
    minContentWords: number;
    /** The same for short labels (a constraint such as "team of five"). */
    minLabelWords: number;
  };
  /** One definition for tech.shipped-production and flag.research-without-production. */
  production: {
    /** The concerns the guide names for "production, not experiments". */
    concerns: ProductionEvidenceKind[];
    /** A system is in production when this many concerns are stated with substance. */
    minConcerns: number;
  };
  teamFraming: {
    /** Team framing is judged only over at least this many achievements with substance. */
    minAchievements: number;
    /** Share of those achievements told as team work (team words at least as many as I/me/my). */
    minTeamShare: number;
  };
  research: {
    /** A "strong academic record": at least this many publications. */
    minPublications: number;
  };
}

/**
 * Score ranges per decision (2026-12): a score is placed inside its
 * decision's band, so a rejected candidate can never outscore one in review,
 * and a raised blocking flag caps it.
 */
export interface ScoreBands {
  reject: { min: number; max: number };
  review: { min: number; max: number };
  needsInterview: { min: number; max: number };
  advance: { min: number; max: number };
  /** The highest score a candidate with a raised blocking flag can get. */
  blockingFlagCap: number;
}
