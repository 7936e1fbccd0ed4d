import type { CandidateRef, Score, ScoreLine, ScreeningDecision, ScreeningResult } from '@hiring/domain';

/** A candidate-screened event as scoring reads it: ids plus the screening as the domain types it. */
export interface ScreeningInput extends CandidateRef {
  screening: ScreeningResult;
  screenedAt: Date;
}

export interface ScoreRecord extends CandidateRef {
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
