// The rules around the floor check: who may receive an offer at all, and
// which refusals an override may lift. The floor itself is decided by checkOffer.
import type { OfferDecision, OfferReason } from './offer';

export type ScoringDecision = 'advance' | 'review' | 'needs-interview' | 'reject';

/** A reason on an offer: the floor check's, or the eligibility refusal. */
export type StoredOfferReason = OfferReason | { code: 'CANDIDATE_NOT_ELIGIBLE'; message: string };

/**
 * Scoring's advance and review both lead to an offer conversation; reject does
 * not, and neither does needs-interview: nobody has interviewed the candidate yet.
 */
export function isEligibleForOffer(decision: ScoringDecision): boolean {
  switch (decision) {
    case 'advance':
    case 'review':
      return true;
    case 'needs-interview':
    case 'reject':
      return false;
    default: {
      const unreachable: never = decision;
      throw new Error(`unknown scoring decision ${String(unreachable)}`);
    }
  }
}

export interface OfferOutcome {
  decision: 'approved' | 'refused';
  gap: number | null;
  reasons: StoredOfferReason[];
}

/**
 * A candidate scoring rejected gets no offer whatever the amount. The floor
 * check's reasons are kept after the refusal so the answer still explains the
 * amount against the band.
 */
export function refuseIneligible(checked: OfferDecision, candidate: { candidateId: string; decision: ScoringDecision; rubricVersion: string }): OfferOutcome {
  return {
    decision: 'refused',
    gap: checked.gap,
    reasons: [
      {
        code: 'CANDIDATE_NOT_ELIGIBLE',
        message: `candidate ${candidate.candidateId} was scored "${candidate.decision}" (rubric ${candidate.rubricVersion}); only advance or review candidates may receive an offer`,
      },
      ...checked.reasons,
    ],
  };
}

/** Why an override cannot apply to this offer, or null when it can (a refusal below the floor, nothing else). */
export function overrideBlocker(offer: { decision: 'approved' | 'refused'; reasons: readonly StoredOfferReason[] }): string | null {
  const codes = new Set(offer.reasons.map((r) => r.code));
  if (offer.decision === 'approved') return 'the offer is already approved; an override only lifts a refusal below the floor';
  if (codes.has('CURRENCY_MISMATCH')) return 'the offer was refused for its currency; restate it in the currency of the location instead of overriding';
  if (codes.has('CANDIDATE_NOT_ELIGIBLE')) return 'the candidate is not eligible for an offer; an override only lifts a refusal below the floor';
  if (!codes.has('BELOW_FLOOR')) return 'the offer was not refused below the floor';
  return null;
}
