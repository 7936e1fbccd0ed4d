// The mapping step of the intake, kept apart from the SQL: what a validated
// submission becomes as a stored row, and what its candidate-sourced event
// carries. Pure functions; the repositories only move these shapes in sets.
import type { CandidateIdentifier, LocationTier, TargetRole } from '@hiring/domain';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import type { RequestHashes } from '../shared/canonical-hash';
import type { SubmissionPersonalData } from '../personal-data/submission-personal-data';
import type { CandidateSourcedData } from './sourcing-events.publisher';
import type { SubmitCandidateDto } from './submission.dto';
import type { NewSubmission } from './submission.repository';

/** A submission that passed validation and names an open requisition. */
export interface AcceptedSubmission {
  /** Position in the caller's list: results come back in this order. */
  index: number;
  agency: AuthenticatedAgency;
  input: SubmitCandidateDto;
  idempotencyKey?: string;
  channel: 'http' | 'kafka';
  /** The idempotency hash: `keyed` is stored, `legacy` only compared with rows stored before keyed hashes. */
  requestHashes: RequestHashes;
  /** Blind indexes of the normalised identifiers (IdentifierIndex), never the values. */
  identifiers: CandidateIdentifier[];
  requisition: { role: TargetRole; locationTier: LocationTier };
}

export function toNewSubmission(s: AcceptedSubmission, submissionId: string): NewSubmission {
  return {
    id: submissionId,
    agencyId: s.agency.id,
    externalId: s.input.externalId,
    idempotencyKey: s.idempotencyKey ?? null,
    requestHash: s.requestHashes.keyed,
    channel: s.channel,
    requisitionId: s.input.requisitionId,
  };
}

/** What the stored submission keeps about the person, sealed before it is written. */
export function toSubmissionPersonalData(s: AcceptedSubmission): SubmissionPersonalData {
  const { name, email, phone, profileUrl } = s.input.candidate;
  return {
    candidate: { name, ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}), ...(profileUrl !== undefined ? { profileUrl } : {}) },
    profile: s.input.profile,
  };
}

/** No identity (name, email, phone, profile URL): consumers get the profile and the routing facts only. */
export function toCandidateSourced(s: AcceptedSubmission, submissionId: string, candidateId: string, sourcedAt: Date): CandidateSourcedData {
  return {
    candidateId,
    submissionId,
    agencyId: s.agency.id,
    requisitionId: s.input.requisitionId,
    role: s.requisition.role,
    locationTier: s.requisition.locationTier,
    sourcedAt: sourcedAt.toISOString(),
    profile: s.input.profile,
  };
}
