// Consumed events -> stage observations. Only ids, times and decisions cross
// this boundary: profile text, rule evidence, amounts and reasons stay behind.
import type { CandidateScoredEvent, CandidateScreenedEvent, CandidateSourcedEvent, OfferDecidedEvent } from '@hiring/contracts';
import type { StageObservation } from './stage-progress';

// What stageEventDecoder keeps of each event (a whole event qualifies too).
export type ReadSourced = Pick<CandidateSourcedEvent, 'candidateId' | 'agencyId' | 'requisitionId' | 'role' | 'sourcedAt'>;
export type ReadScreened = Pick<CandidateScreenedEvent, 'candidateId' | 'agencyId' | 'requisitionId' | 'role' | 'decision' | 'screenedAt'>;
export type ReadScored = Pick<CandidateScoredEvent, 'candidateId' | 'agencyId' | 'requisitionId' | 'role' | 'decision' | 'scoredAt'>;
export type ReadOfferDecided = Pick<OfferDecidedEvent, 'offerId' | 'candidateId' | 'role' | 'decision' | 'decidedAt'>;

export function fromCandidateSourced(e: ReadSourced): StageObservation {
  return { stage: 'sourced', candidateId: e.candidateId, agencyId: e.agencyId, requisitionId: e.requisitionId, role: e.role, at: new Date(e.sourcedAt) };
}

export function fromCandidateScreened(e: ReadScreened): StageObservation {
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

export function fromCandidateScored(e: ReadScored): StageObservation {
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

export function fromOfferDecided(e: ReadOfferDecided): StageObservation {
  return { stage: 'offer-decided', candidateId: e.candidateId, offerId: e.offerId, role: e.role, decision: e.decision, at: new Date(e.decidedAt) };
}
