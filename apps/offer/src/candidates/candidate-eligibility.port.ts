// What offers may ask of candidates: the scored standing an offer is judged
// by. Scores, erasure and guidance stay inside candidates/.
import { Injectable } from '@nestjs/common';
import type { LocationTier, ScoringDecision, TargetRole } from '@hiring/domain';
import type { Tx } from '@hiring/platform';
import { CandidateEligibilityRepository } from './candidate-eligibility.repository';

export interface ScoredCandidate {
  candidateId: string;
  /** The submission of the latest score: an offer is made on it, and its event names it. */
  submissionId: string;
  role: TargetRole;
  locationTier: LocationTier;
  decision: ScoringDecision;
  /** The rubric the score was made with, named when an offer is refused for ineligibility. */
  rubricVersion: string;
}

@Injectable()
export class CandidateEligibility {
  constructor(private readonly candidates: CandidateEligibilityRepository) {}

  /** null when no score is known (never scored, or erased). */
  async of(tx: Tx, candidateId: string): Promise<ScoredCandidate | null> {
    const row = await this.candidates.find(tx, candidateId);
    return row ? { candidateId: row.candidateId, submissionId: row.submissionId, role: row.role, locationTier: row.locationTier, decision: row.decision, rubricVersion: row.rubricVersion } : null;
  }
}
