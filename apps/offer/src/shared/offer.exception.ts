// The offer service's own refusals to act (as opposed to an offer refused
// against the floor, which is a normal answer). Mapped once to HTTP in
// offer-problem.mapper.ts; use cases never throw HTTP exceptions.
export const OfferExceptionCode = {
  CANDIDATE_NOT_FOUND: 'CANDIDATE_NOT_FOUND',
  OFFER_NOT_FOUND: 'OFFER_NOT_FOUND',
  RATE_CARD_NOT_FOUND: 'RATE_CARD_NOT_FOUND',
  /** A rate card whose bands are malformed or inconsistent (min > max, wrong currency, duplicates). */
  INVALID_RATE_CARD: 'INVALID_RATE_CARD',
  RATE_CARD_VERSION_EXISTS: 'RATE_CARD_VERSION_EXISTS',
  /** A new version must take effect after the latest one: history is never rewritten. */
  RATE_CARD_NOT_AFTER_LATEST: 'RATE_CARD_NOT_AFTER_LATEST',
  /** A new version may not take effect in the past: days already judged keep their card. */
  RATE_CARD_RETROACTIVE: 'RATE_CARD_RETROACTIVE',
  /** An offer cannot be proposed on a day that has not come yet. */
  PROPOSED_ON_IN_FUTURE: 'PROPOSED_ON_IN_FUTURE',
  /** Override only applies to an offer refused below the floor (not approved, not a currency mismatch). */
  OVERRIDE_NOT_APPLICABLE: 'OVERRIDE_NOT_APPLICABLE',
  /** Only an approved offer that is still open can be declined. */
  DECLINE_NOT_APPLICABLE: 'DECLINE_NOT_APPLICABLE',
} as const;

export type OfferExceptionCode = (typeof OfferExceptionCode)[keyof typeof OfferExceptionCode];

export class OfferException extends Error {
  override readonly name = 'OfferException';

  constructor(
    readonly code: OfferExceptionCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
