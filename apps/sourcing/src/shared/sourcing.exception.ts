import { ServiceException, type ExceptionMappings } from '@hiring/platform';

/**
 * The one error type of the sourcing use cases. SOURCING_EXCEPTIONS maps each
 * code to HTTP and Kafka; services never throw HTTP errors.
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
  WEBHOOK_ENDPOINT_NOT_FOUND = 'WEBHOOK_ENDPOINT_NOT_FOUND',
  /** Stored keys or secrets are wrapped by a master key that is not configured: re-wrapping cannot open them. */
  MASTER_KEY_MISSING = 'MASTER_KEY_MISSING',
}

export interface SourcingFieldError {
  path: string;
  message: string;
}

// A submission refused here is refused the same way on every attempt: dead-letter it with its code.
export const SOURCING_EXCEPTIONS: ExceptionMappings<SourcingExceptionCode> = {
  [SourcingExceptionCode.AGENCY_NOT_FOUND]: { http: { status: 404, slug: 'agency-not-found', title: 'Agency not found' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.AGENCY_NAME_TAKEN]: { http: { status: 409, slug: 'agency-name-taken', title: 'Agency name taken' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.API_KEY_NOT_FOUND]: { http: { status: 404, slug: 'api-key-not-found', title: 'API key not found' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.REQUISITION_NOT_FOUND]: { http: { status: 404, slug: 'requisition-not-found', title: 'Requisition not found' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.UNKNOWN_REQUISITION]: { http: { status: 422, slug: 'unknown-requisition', title: 'Unknown requisition' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.REQUISITION_CLOSED]: { http: { status: 422, slug: 'requisition-closed', title: 'Requisition closed' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.SUBMISSION_NOT_FOUND]: { http: { status: 404, slug: 'submission-not-found', title: 'Submission not found' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.IDEMPOTENCY_CONFLICT]: { http: { status: 409, slug: 'idempotency-conflict', title: 'Idempotency conflict' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.INVALID_SUBMISSION]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.INVALID_INPUT]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.TOO_MANY_ITEMS]: { http: { status: 413, slug: 'too-many-items', title: 'Too many items' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.UNAUTHENTICATED_SUBMISSION]: { http: { status: 401, slug: 'unauthenticated-submission', title: 'Unauthenticated submission' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.CANDIDATE_NOT_FOUND]: { http: { status: 404, slug: 'candidate-not-found', title: 'Candidate not found' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.WEBHOOK_ENDPOINT_NOT_FOUND]: { http: { status: 404, slug: 'webhook-endpoint-not-found', title: 'Webhook endpoint not found' }, kafka: 'dead-letter' },
  [SourcingExceptionCode.MASTER_KEY_MISSING]: { http: { status: 409, slug: 'master-key-missing', title: 'Master key missing' }, kafka: 'dead-letter' },
};

export class SourcingException extends ServiceException<SourcingExceptionCode> {
  override readonly name = 'SourcingException';
  protected readonly mappings = SOURCING_EXCEPTIONS;
}
