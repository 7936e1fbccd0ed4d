import type { OfferDecidedData } from './offer-decided.publisher';
import { OfferResponse } from './offer.dto';
import type { OfferEntity } from './offer.entity';
import type { OfferOverrideEntity } from './offer-override.entity';

export function toOfferResponse(offer: OfferEntity, override: OfferOverrideEntity | null): OfferResponse {
  return {
    offerId: offer.id,
    candidateId: offer.candidateId,
    role: offer.role,
    locationTier: offer.locationTier,
    base: { amount: offer.baseAmount, currency: offer.baseCurrency },
    totalComp: offer.totalCompAmount !== null && offer.totalCompCurrency !== null ? { amount: offer.totalCompAmount, currency: offer.totalCompCurrency } : null,
    proposedOn: offer.proposedOn,
    proposedBy: offer.proposedBy,
    decision: offer.decision,
    floor: { amount: offer.floorAmount, currency: offer.floorCurrency },
    gap: offer.gap,
    reasons: offer.reasons.map((r) => ({ code: r.code, message: r.message })),
    rateCardVersion: offer.rateCardVersion,
    decidedAt: offer.decidedAt.toISOString(),
    override: override
      ? {
          approver: override.approver,
          reason: override.reason,
          previousDecision: override.previousDecision,
          previousReasons: override.previousReasons.map((r) => ({ code: r.code, message: r.message })),
          at: override.createdAt.toISOString(),
        }
      : null,
    declined:
      offer.declinedAt && offer.declinedReason !== null
        ? { reason: offer.declinedReason, recordedBy: offer.declinedBy ?? '', at: offer.declinedAt.toISOString() }
        : null,
    createdAt: offer.createdAt.toISOString(),
  };
}

export function toOfferDecidedData(offer: OfferEntity, override: OfferOverrideEntity | null): OfferDecidedData {
  return {
    offerId: offer.id,
    candidateId: offer.candidateId,
    ...(offer.submissionId !== null ? { submissionId: offer.submissionId } : {}),
    role: offer.role,
    locationTier: offer.locationTier,
    base: { amount: offer.baseAmount, currency: offer.baseCurrency },
    decision: offer.decision,
    floor: { amount: offer.floorAmount, currency: offer.floorCurrency },
    gap: offer.gap,
    reasons: offer.reasons.map((r) => ({ ...r })),
    rateCardVersion: offer.rateCardVersion,
    ...(override ? { override: { approver: override.approver, reason: override.reason } } : {}),
    decidedAt: offer.decidedAt.toISOString(),
  };
}
