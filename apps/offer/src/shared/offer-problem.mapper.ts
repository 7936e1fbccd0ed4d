// Where the domain's errors become HTTP answers in offer (RFC 9457
// problem+json); the switch ends in an exhaustiveness check, so a new domain
// code cannot ship without a status. OfferException needs nothing here: the
// platform's filter reads OFFER_EXCEPTIONS.
import { DomainError, DomainErrorCode } from '@hiring/domain';
import { PROBLEM_BASE, type ProblemDetails } from '@hiring/platform';

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

export function toProblem(error: DomainError): ProblemDetails {
  const status = domainErrorStatus(error.code);
  return {
    ...error.details,
    type: PROBLEM_BASE + error.code.toLowerCase().replace(/_/g, '-'),
    title: status === 422 ? 'Unprocessable request' : 'Internal error',
    status,
    detail: error.message,
    code: error.code,
  };
}
