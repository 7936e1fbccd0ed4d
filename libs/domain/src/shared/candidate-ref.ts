import type { LocationTier, TargetRole } from './roles';

/** What travels with a candidate through every stage: whose submission, for which requisition, role and tier. */
export interface CandidateRef {
  candidateId: string;
  submissionId: string;
  agencyId: string;
  requisitionId: string;
  role: TargetRole;
  locationTier: LocationTier;
}
