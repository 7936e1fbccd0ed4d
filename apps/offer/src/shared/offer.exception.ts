// The offer service's own refusals to act (as opposed to an offer refused
// against the floor, which is a normal answer). OFFER_EXCEPTIONS maps each
// code to HTTP and Kafka; use cases never throw HTTP exceptions.
import { REFUSAL, ServiceException, type ExceptionMappings, type FieldError } from '@hiring/platform';

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

const { invalid, notFound, conflict, unprocessable } = REFUSAL;

export const OFFER_EXCEPTIONS: ExceptionMappings<OfferExceptionCode> = {
  [OfferExceptionCode.CANDIDATE_NOT_FOUND]: notFound('candidate-not-found'),
  [OfferExceptionCode.OFFER_NOT_FOUND]: notFound('offer-not-found'),
  [OfferExceptionCode.RATE_CARD_NOT_FOUND]: notFound('rate-card-not-found'),
  [OfferExceptionCode.INVALID_RATE_CARD]: invalid(),
  [OfferExceptionCode.RATE_CARD_VERSION_EXISTS]: conflict('rate-card-version-exists'),
  [OfferExceptionCode.RATE_CARD_NOT_AFTER_LATEST]: conflict('rate-card-not-after-latest'),
  [OfferExceptionCode.RATE_CARD_RETROACTIVE]: unprocessable('rate-card-retroactive'),
  [OfferExceptionCode.PROPOSED_ON_IN_FUTURE]: unprocessable('proposed-on-in-future'),
  [OfferExceptionCode.OVERRIDE_NOT_APPLICABLE]: conflict('override-not-applicable'),
  [OfferExceptionCode.DECLINE_NOT_APPLICABLE]: conflict('decline-not-applicable'),
};

export class OfferException extends ServiceException<OfferExceptionCode> {
  override readonly name = 'OfferException';
  protected readonly mappings = OFFER_EXCEPTIONS;

  /** `details.errors`, when given, are the field errors; the rest is context for the caller. */
  constructor(code: OfferExceptionCode, message: string, details: Readonly<Record<string, unknown>> & { errors?: FieldError[] } = {}) {
    const { errors = [], ...context } = details;
    super(code, message, errors, context);
  }
}
