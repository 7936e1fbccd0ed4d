import type { Money } from '../shared/money';
import type { LocationTier, TargetRole } from '../shared/roles';

/** An exception below the floor: never the default, always named and explained. */
export interface OfferOverride {
  approver: string;
  reason: string;
}

export interface Offer {
  role: TargetRole;
  location: LocationTier;
  base: Money;
  /** Calendar day the offer was proposed (YYYY-MM-DD): picks the rate card version. */
  proposedOn: string;
  override?: OfferOverride;
}

export const OFFER_REASON_CODES = [
  'MEETS_FLOOR',
  'BELOW_FLOOR',
  'SOFTWARE_BAND_BENCHMARK',
  'CURRENCY_MISMATCH',
  'OVERRIDE_BELOW_FLOOR',
  'OVERRIDE_NOT_USED',
] as const;
export type OfferReasonCode = (typeof OFFER_REASON_CODES)[number];

export interface OfferReason {
  code: OfferReasonCode;
  message: string;
}

export interface OfferDecision {
  decision: 'approved' | 'refused';
  floor: Money;
  /**
   * floor - base, never negative: 0 when the base meets the floor, the
   * shortfall when refused or approved by override. `null` when the currencies
   * differ, because computing it would need a conversion the rules forbid.
   */
  gap: number | null;
  reasons: OfferReason[];
  rateCardVersion: string;
  /** Present only when an override was applied below the floor (the record of the exception). */
  override?: OfferOverride;
}
