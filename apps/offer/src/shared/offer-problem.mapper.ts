// The one place where domain and offer exceptions become HTTP answers
// (RFC 9457 problem+json). Both switches end in an exhaustiveness check, so a
// new code cannot ship without a status.
import { DomainError, DomainErrorCode } from '@hiring/domain';
import { PROBLEM_BASE, type FieldError, type ProblemDetails } from '@hiring/platform';
import { OfferException, OfferExceptionCode } from './offer.exception';

function assertNever(value: never): never {
  throw new Error(`unmapped code: ${String(value)}`);
}

export function domainErrorStatus(code: DomainErrorCode): number {
  switch (code) {
    case DomainErrorCode.NO_RATE_CARD:
    case DomainErrorCode.NO_RULES_IN_FORCE:
    case DomainErrorCode.INVALID_OFFER:
    case DomainErrorCode.INVALID_OVERRIDE:
    case DomainErrorCode.INVALID_INPUT:
    case DomainErrorCode.RUBRIC_MISMATCH:
      return 422;
    // Stored rules that contradict themselves are our bug, not the caller's.
    case DomainErrorCode.INVALID_RULES:
      return 500;
    default:
      return assertNever(code);
  }
}

export function offerExceptionStatus(code: OfferExceptionCode): number {
  switch (code) {
    case OfferExceptionCode.INVALID_RATE_CARD:
      return 400;
    case OfferExceptionCode.CANDIDATE_NOT_FOUND:
    case OfferExceptionCode.OFFER_NOT_FOUND:
    case OfferExceptionCode.RATE_CARD_NOT_FOUND:
      return 404;
    case OfferExceptionCode.RATE_CARD_VERSION_EXISTS:
    case OfferExceptionCode.RATE_CARD_NOT_AFTER_LATEST:
    case OfferExceptionCode.OVERRIDE_NOT_APPLICABLE:
    case OfferExceptionCode.DECLINE_NOT_APPLICABLE:
      return 409;
    case OfferExceptionCode.RATE_CARD_RETROACTIVE:
    case OfferExceptionCode.PROPOSED_ON_IN_FUTURE:
      return 422;
    default:
      return assertNever(code);
  }
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable request',
  500: 'Internal error',
};

function slug(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

export function toProblem(error: DomainError | OfferException): ProblemDetails {
  const status = error instanceof DomainError ? domainErrorStatus(error.code) : offerExceptionStatus(error.code);
  const { errors, ...details } = error.details as { errors?: FieldError[] } & Record<string, unknown>;
  return {
    ...details,
    type: PROBLEM_BASE + (status === 400 && errors ? 'validation' : slug(error.code)),
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    ...(errors ? { errors } : {}),
  };
}
