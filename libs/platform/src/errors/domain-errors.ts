// The one table saying what the domain's errors mean on HTTP, for every
// service: the same DomainError answers the same way wherever it surfaces.
// Exhaustive by its type, so a new domain code does not compile until mapped.
import { DomainErrorCode, type DomainError } from '@hiring/domain';
import type { ProblemDetails } from '../http/problem-details';
import type { ExceptionMapping } from './service-exception';

const unprocessable = (slug: string) => ({ http: { status: 422, slug, title: 'Unprocessable request' } });

/** HTTP only: on Kafka a DomainError is isolated and dead-lettered with its code (messaging's failure policy). */
export const DOMAIN_ERRORS: { readonly [K in DomainErrorCode]: Pick<ExceptionMapping, 'http'> } = {
  // Malformed input to a rule: the caller's mistake, like any other validation failure.
  [DomainErrorCode.INVALID_INPUT]: { http: { status: 400, slug: 'validation', title: 'Invalid request' } },
  [DomainErrorCode.INVALID_OFFER]: unprocessable('invalid-offer'),
  [DomainErrorCode.INVALID_OVERRIDE]: unprocessable('invalid-override'),
  [DomainErrorCode.NO_RATE_CARD]: unprocessable('no-rate-card'),
  [DomainErrorCode.NO_RULES_IN_FORCE]: unprocessable('no-rules-in-force'),
  [DomainErrorCode.RUBRIC_MISMATCH]: unprocessable('rubric-mismatch'),
  // Stored rules that contradict themselves are our bug, not the caller's.
  [DomainErrorCode.INVALID_RULES]: { http: { status: 500, slug: 'invalid-rules', title: 'Internal error' } },
};

/** The problem+json a DomainError answers with; its details never overwrite the problem's own members. */
export function domainProblem(error: DomainError, base: string): ProblemDetails {
  const { status, slug, title } = DOMAIN_ERRORS[error.code].http;
  return { ...error.details, type: base + slug, title, status, detail: error.message, code: error.code };
}
