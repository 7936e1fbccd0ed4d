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

/** The six fields of a candidate's reference, and only those, from anything that carries them (an event, a row, a record). */
export function candidateRefOf(source: CandidateRef): CandidateRef {
  return {
    candidateId: source.candidateId,
    submissionId: source.submissionId,
    agencyId: source.agencyId,
    requisitionId: source.requisitionId,
    role: source.role,
    locationTier: source.locationTier,
  };
}
