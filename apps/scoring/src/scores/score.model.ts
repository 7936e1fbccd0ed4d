import type { LocationTier, Score, ScoreLine, ScreeningDecision, ScreeningResult, TargetRole } from '@hiring/domain';

export interface ScoredCandidateRef {
  candidateId: string;
  submissionId: string;
  agencyId: string;
  requisitionId: string;
  role: TargetRole;
  locationTier: LocationTier;
}

/** A candidate-screened event as scoring reads it: ids plus the screening as the domain types it. */
export interface ScreeningInput extends ScoredCandidateRef {
  screening: ScreeningResult;
  screenedAt: Date;
}

export interface ScoreRecord extends ScoredCandidateRef {
  score: number;
  raw: number;
  breakdown: Score['breakdown'];
  /** Raised red flags and what each deducted. */
  penalties: Array<Pick<ScoreLine, 'ruleId' | 'points'>>;
  decision: ScreeningDecision;
  rubricId: string;
  rubricVersion: string;
  screenedAt: Date;
  scoredAt: Date;
}
