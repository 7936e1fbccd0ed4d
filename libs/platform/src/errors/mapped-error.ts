// What a use case throws that a table knows (a service's ServiceException or
// the domain's DomainError), seen the same way by both transports: the problem
// filter answers HTTP with `mapping.http`, the messaging consumer's failure
// policy reads `mapping.kafka`. Anything else is not a rule's refusal.
import { isDomainError } from '@hiring/domain';
import type { FieldError, ProblemDetails } from '../http/problem-details';
import { DOMAIN_ERRORS } from './domain-errors';
import { ServiceException, type ExceptionMapping } from './service-exception';

export interface MappedError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly errors: readonly FieldError[];
  /** Machine-readable context for the caller (ids, dates). */
  readonly details: Readonly<Record<string, unknown>>;
  readonly mapping: ExceptionMapping;
}

export function mappedError(error: unknown): MappedError | undefined {
  if (error instanceof ServiceException) return error;
  if (isDomainError(error)) return { name: error.name, code: error.code, message: error.message, errors: [], details: error.details, mapping: DOMAIN_ERRORS[error.code] };
  return undefined;
}

/** The problem+json a mapped error answers with; its details never overwrite the problem's own members. */
export function mappedProblem(error: MappedError, base: string): ProblemDetails {
  const { status, slug, title } = error.mapping.http;
  return {
    ...error.details,
    type: base + slug,
    title,
    status,
    detail: error.message,
    code: error.code,
    ...(error.errors.length > 0 ? { errors: [...error.errors] } : {}),
  };
}
