// Maps SourcingException codes to HTTP once, then lets the platform's
// ProblemDetailsFilter write the problem+json (one error shape everywhere).
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { PROBLEM_BASE, ProblemDetailsFilter, ProblemException, type ProblemDetails } from '@hiring/platform';
import { DomainError, DomainErrorCode } from '@hiring/domain';
import { SourcingException, SourcingExceptionCode } from './sourcing.exception';

export function httpStatusOf(code: SourcingExceptionCode): { status: number; slug: string; title: string } {
  switch (code) {
    case SourcingExceptionCode.AGENCY_NOT_FOUND:
      return { status: 404, slug: 'agency-not-found', title: 'Agency not found' };
    case SourcingExceptionCode.AGENCY_NAME_TAKEN:
      return { status: 409, slug: 'agency-name-taken', title: 'Agency name taken' };
    case SourcingExceptionCode.API_KEY_NOT_FOUND:
      return { status: 404, slug: 'api-key-not-found', title: 'API key not found' };
    case SourcingExceptionCode.REQUISITION_NOT_FOUND:
      return { status: 404, slug: 'requisition-not-found', title: 'Requisition not found' };
    case SourcingExceptionCode.UNKNOWN_REQUISITION:
      return { status: 422, slug: 'unknown-requisition', title: 'Unknown requisition' };
    case SourcingExceptionCode.REQUISITION_CLOSED:
      return { status: 422, slug: 'requisition-closed', title: 'Requisition closed' };
    case SourcingExceptionCode.SUBMISSION_NOT_FOUND:
      return { status: 404, slug: 'submission-not-found', title: 'Submission not found' };
    case SourcingExceptionCode.IDEMPOTENCY_CONFLICT:
      return { status: 409, slug: 'idempotency-conflict', title: 'Idempotency conflict' };
    case SourcingExceptionCode.INVALID_SUBMISSION:
    case SourcingExceptionCode.INVALID_INPUT:
      return { status: 400, slug: 'validation', title: 'Invalid request' };
    case SourcingExceptionCode.TOO_MANY_ITEMS:
      return { status: 413, slug: 'too-many-items', title: 'Too many items' };
    case SourcingExceptionCode.CANDIDATE_NOT_FOUND:
      return { status: 404, slug: 'candidate-not-found', title: 'Candidate not found' };
    case SourcingExceptionCode.UNAUTHENTICATED_SUBMISSION:
      return { status: 401, slug: 'unauthenticated-submission', title: 'Unauthenticated submission' };
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped sourcing error code ${String(unreachable)}`);
    }
  }
}

export function toProblem(error: SourcingException): ProblemDetails {
  const { status, slug, title } = httpStatusOf(error.code);
  return {
    type: PROBLEM_BASE + slug,
    title,
    status,
    detail: error.message,
    code: error.code,
    ...(error.errors.length > 0 ? { errors: [...error.errors] } : {}),
  };
}

@Catch(SourcingException, DomainError)
export class SourcingProblemFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: SourcingException | DomainError, host: ArgumentsHost): void {
    if (exception instanceof SourcingException) {
      this.problems.catch(new ProblemException(toProblem(exception)), host);
    } else if (exception.code === DomainErrorCode.INVALID_INPUT) {
      const problem = { type: PROBLEM_BASE + 'validation', title: 'Invalid request', status: 400, detail: exception.message, code: exception.code };
      this.problems.catch(new ProblemException(problem), host);
    } else {
      // Inconsistent rules or a rubric mismatch is our bug, not the caller's: a generic 500, logged.
      this.problems.catch(exception, host);
    }
  }
}
