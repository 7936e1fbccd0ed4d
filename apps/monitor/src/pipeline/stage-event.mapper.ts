// Consumed events -> stage observations. Only ids, times and decisions cross
// this boundary: profile text, rule evidence, amounts and reasons stay behind.
import type { CandidateScoredEvent, CandidateScreenedEvent, CandidateSourcedEvent, OfferDecidedEvent } from '@hiring/contracts';
import type { StageObservation } from './stage-progress';

export function fromCandidateSourced(e: CandidateSourcedEvent): StageObservation {
  return { stage: 'sourced', candidateId: e.candidateId, agencyId: e.agencyId, requisitionId: e.requisitionId, role: e.role, at: new Date(e.sourcedAt) };
}

export function fromCandidateScreened(e: CandidateScreenedEvent): StageObservation {
  return {
    stage: 'screened',
    candidateId: e.candidateId,
    agencyId: e.agencyId,
    requisitionId: e.requisitionId,
    role: e.role,
    decision: e.decision,
    at: new Date(e.screenedAt),
  };
}

export function fromCandidateScored(e: CandidateScoredEvent): StageObservation {
  return {
    stage: 'scored',
    candidateId: e.candidateId,
    agencyId: e.agencyId,
    requisitionId: e.requisitionId,
    role: e.role,
    decision: e.decision,
    at: new Date(e.scoredAt),
  };
}

export function fromOfferDecided(e: OfferDecidedEvent): StageObservation {
  return { stage: 'offer-decided', candidateId: e.candidateId, offerId: e.offerId, role: e.role, decision: e.decision, at: new Date(e.decidedAt) };
}
