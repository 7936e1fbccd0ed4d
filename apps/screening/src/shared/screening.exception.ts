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
  /** Interview feedback for a candidate erased at sourcing. */
  CANDIDATE_ERASED = 'CANDIDATE_ERASED',
  /** Interview feedback from an interviewer not registered, or deactivated. */
  UNKNOWN_INTERVIEWER = 'UNKNOWN_INTERVIEWER',
  /** Interview feedback answers a rule id the candidate's rubric does not have (or answers one twice). */
  RULE_NOT_IN_RUBRIC = 'RULE_NOT_IN_RUBRIC',
  /** Interview feedback that fails the contract, or whose notes do not open with the candidate's key. */
  INVALID_FEEDBACK = 'INVALID_FEEDBACK',
  /** Interview feedback with a feedbackId already recorded. */
  DUPLICATE_FEEDBACK = 'DUPLICATE_FEEDBACK',
  /** Sourcing (the key store) did not answer an ops request; the caller may try again. */
  KEY_STORE_UNAVAILABLE = 'KEY_STORE_UNAVAILABLE',
}

// A candidate-sourced event that fails here fails the same way on every attempt: dead-letter it.
export const SCREENING_EXCEPTIONS: ExceptionMappings<ScreeningExceptionCode> = {
  [ScreeningExceptionCode.INVALID_PROFILE]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.INCONSISTENT_EVENT]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  // Like scoring's UNKNOWN_RUBRIC: the request is well formed but names a rubric that does not exist.
  [ScreeningExceptionCode.UNKNOWN_RUBRIC_VERSION]: { http: { status: 422, slug: 'unknown-rubric', title: 'Unknown rubric' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.CANDIDATE_NOT_FOUND]: { http: { status: 404, slug: 'candidate-not-found', title: 'Candidate not found' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.CANDIDATE_ERASED]: { http: { status: 410, slug: 'candidate-erased', title: 'Candidate erased' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.UNKNOWN_INTERVIEWER]: { http: { status: 422, slug: 'unknown-interviewer', title: 'Unknown interviewer' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.RULE_NOT_IN_RUBRIC]: { http: { status: 422, slug: 'rule-not-in-rubric', title: 'Rule not in the rubric' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.INVALID_FEEDBACK]: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  // Kafka never raises it (a repeated feedbackId is skipped there); on HTTP the caller learns it was recorded before.
  [ScreeningExceptionCode.DUPLICATE_FEEDBACK]: { http: { status: 409, slug: 'duplicate-feedback', title: 'Feedback already recorded' }, kafka: 'dead-letter' },
  [ScreeningExceptionCode.KEY_STORE_UNAVAILABLE]: { http: { status: 503, slug: 'key-store-unavailable', title: 'Key store unavailable' }, kafka: 'retry' },
};

export class ScreeningException extends ServiceException<ScreeningExceptionCode> {
  override readonly name = 'ScreeningException';
  protected readonly mappings = SCREENING_EXCEPTIONS;
}
