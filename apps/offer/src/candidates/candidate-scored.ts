import type { CandidateRef, ScoringDecision } from '@hiring/domain';

export type { ScoringDecision };


/**
 * What this service reads from a `recruiting.candidate-scored.v1` payload. A
 * structural subset of the contract's `CandidateScoredEvent`, so the Kafka
 * handler can pass the validated payload straight in.
 */
export interface CandidateScored extends CandidateRef {
  score: number;
  decision: ScoringDecision;
  rubric: { id: string; version: string };
  /** RFC 3339 timestamp. */
  scoredAt: string;
}
