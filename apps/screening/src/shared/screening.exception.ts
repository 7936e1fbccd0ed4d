import { ServiceException, type ExceptionMappings } from '@hiring/platform';

/** What can go wrong in a screening use case; SCREENING_EXCEPTIONS maps each code to HTTP and Kafka. */
export enum ScreeningExceptionCode {
  /** The profile of a candidate-sourced event fails the domain's own profile check. */
  INVALID_PROFILE = 'INVALID_PROFILE',
  /** The event's role or location tier disagrees with the profile it carries. */
  INCONSISTENT_EVENT = 'INCONSISTENT_EVENT',
  /** No rubric has the requested version. */
  UNKNOWN_RUBRIC_VERSION = 'UNKNOWN_RUBRIC_VERSION',
  /** Nothing is stored for this candidate. */
  CANDIDATE_NOT_FOUND = 'CANDIDATE_NOT_FOUND',
}

// A candidate-sourced event that fails here fails the same way on every attempt: dead-letter it.
export const SCREENING_EXCEPTIONS: ExceptionMappings<ScreeningExceptionCode> = {
  [ScreeningExceptionCode.INVALID_PROFILE]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.INCONSISTENT_EVENT]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  // Like scoring's UNKNOWN_RUBRIC: the request is well formed but names a rubric that does not exist.
  [ScreeningExceptionCode.UNKNOWN_RUBRIC_VERSION]: { http: { status: 422, slug: 'unknown-rubric', title: 'Unknown rubric' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.CANDIDATE_NOT_FOUND]: { http: { status: 404, slug: 'candidate-not-found', title: 'Candidate not found' }, kafka: 'dead-letter' },
};

export class ScreeningException extends ServiceException<ScreeningExceptionCode> {
  override readonly name = 'ScreeningException';
  protected readonly mappings = SCREENING_EXCEPTIONS;
}
