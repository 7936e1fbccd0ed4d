import type { ProductionEvidenceKind, ReviewAspect, SystemArea, TradeOffTopic } from '../profile/candidate-profile';
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
      topics: TradeOffTopic[];
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
      /** Fewer technical signals than this rejects. */
      minTechnical: number;
      /** This many red flags or more rejects. */
      maxRedFlags: number;
      /** Any one of these flags rejects on its own. */
      blockingFlags: RedFlagRuleId[];
    };
  };
}
