import type { Agency } from '../agencies/agency';
import type { SubmissionPersonalData } from '../personal-data/submission-personal-data';
import type { DuplicateRecord } from './duplicate.repository';
import type { DuplicateOfResponse, DuplicateResponse, OpsSubmissionResponse, SubmissionResponse } from './submission.dto';
import type { StatusChange, StoredSubmission, SubmissionSummary } from './submission.repository';

/**
 * What the submitting agency may see: its own submission and its status.
 * For a duplicate, nothing about the owning agency or its candidate, not
 * even why it matched (that would tell which identifier another agency holds).
 */
export function toSubmissionResponse(s: SubmissionSummary, history: StatusChange[]): SubmissionResponse {
  return {
    submissionId: s.id,
    externalId: s.externalId,
    requisitionId: s.requisitionId,
    status: s.status,
    ...(s.status !== 'duplicate' && s.candidateId ? { candidateId: s.candidateId } : {}),
    receivedAt: s.receivedAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    history: history.map((h) => ({ status: h.status, at: h.at.toISOString() })),
  };
}

function toDuplicateOf(d: DuplicateRecord): DuplicateOfResponse {
  return {
    owningAgency: { id: d.ownerAgencyId, name: d.ownerAgencyName },
    ownerCandidateId: d.ownerCandidateId,
    matchedOn: d.matchedOn,
    ownedUntil: d.ownedUntil.toISOString(),
    rulesVersion: d.rulesVersion,
  };
}

/** Ops see everything, identity included (PII; ops routes only), opened from the sealed row by the caller. */
export function toOpsSubmissionResponse(
  s: StoredSubmission,
  identity: SubmissionPersonalData['candidate'],
  history: StatusChange[],
  agency: Agency,
  duplicate?: DuplicateRecord,
): OpsSubmissionResponse {
  return {
    ...toSubmissionResponse(s, history),
    ...(s.candidateId ? { candidateId: s.candidateId } : {}),
    agency: { id: agency.id, name: agency.name },
    channel: s.channel,
    candidate: {
      name: identity.name,
      ...(identity.email ? { email: identity.email } : {}),
      ...(identity.phone ? { phone: identity.phone } : {}),
      ...(identity.profileUrl ? { profileUrl: identity.profileUrl } : {}),
    },
    ...(duplicate ? { duplicateOf: toDuplicateOf(duplicate) } : {}),
  };
}

export function toDuplicateResponse(d: DuplicateRecord): DuplicateResponse {
  return {
    submissionId: d.submissionId,
    requisitionId: d.requisitionId,
    externalId: d.externalId,
    submittingAgency: { id: d.agencyId, name: d.agencyName },
    owningAgency: { id: d.ownerAgencyId, name: d.ownerAgencyName },
    ownerCandidateId: d.ownerCandidateId,
    matchedOn: d.matchedOn,
    ownedUntil: d.ownedUntil.toISOString(),
    rulesVersion: d.rulesVersion,
    detectedAt: d.detectedAt.toISOString(),
  };
}
