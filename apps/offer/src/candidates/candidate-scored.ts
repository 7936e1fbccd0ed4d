import type { LocationTier, TargetRole } from '@hiring/domain';

export type ScoringDecision = 'advance' | 'review' | 'reject';

/**
 * What this service reads from a `recruiting.candidate-scored.v1` payload. A
 * structural subset of the contract's `CandidateScoredEvent`, so the Kafka
 * handler can pass the validated payload straight in.
 */
export interface CandidateScored {
  candidateId: string;
  submissionId: string;
  agencyId: string;
  requisitionId: string;
  role: TargetRole;
  locationTier: LocationTier;
  score: number;
  decision: ScoringDecision;
  rubric: { id: string; version: string };
  /** RFC 3339 timestamp. */
  scoredAt: string;
}

/** Scoring's advance and review both lead to an offer conversation; reject does not. */
export function isEligibleForOffer(decision: ScoringDecision): boolean {
  switch (decision) {
    case 'advance':
    case 'review':
      return true;
    case 'reject':
      return false;
    default: {
      const never: never = decision;
      throw new Error(`unknown scoring decision ${String(never)}`);
    }
  }
}
