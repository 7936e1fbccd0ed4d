/** What can go wrong in a screening use case; mapped once per transport (HTTP problem, Kafka dead letter). */
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

export class ScreeningException extends Error {
  override readonly name = 'ScreeningException';

  constructor(
    readonly code: ScreeningExceptionCode,
    message: string,
    readonly errors: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}
