/**
 * The one error type of the sourcing use cases. Adapters map `code` once per
 * transport (sourcing-problem.filter.ts for HTTP); services never throw HTTP errors.
 */
export enum SourcingExceptionCode {
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  AGENCY_NAME_TAKEN = 'AGENCY_NAME_TAKEN',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  REQUISITION_NOT_FOUND = 'REQUISITION_NOT_FOUND',
  /** A submission names a requisition that does not exist. */
  UNKNOWN_REQUISITION = 'UNKNOWN_REQUISITION',
  REQUISITION_CLOSED = 'REQUISITION_CLOSED',
  SUBMISSION_NOT_FOUND = 'SUBMISSION_NOT_FOUND',
  /** The same externalId or Idempotency-Key was used before with a different body. */
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  /** The envelope passed, but the profile or the identity did not. */
  INVALID_SUBMISSION = 'INVALID_SUBMISSION',
  INVALID_INPUT = 'INVALID_INPUT',
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
  /** A Kafka submission whose agency is unknown or whose signature does not verify with that agency's secret. */
  UNAUTHENTICATED_SUBMISSION = 'UNAUTHENTICATED_SUBMISSION',
  CANDIDATE_NOT_FOUND = 'CANDIDATE_NOT_FOUND',
}

export interface SourcingFieldError {
  path: string;
  message: string;
}

export class SourcingException extends Error {
  override readonly name = 'SourcingException';

  constructor(
    readonly code: SourcingExceptionCode,
    message: string,
    readonly errors: readonly SourcingFieldError[] = [],
  ) {
    super(message);
  }
}
