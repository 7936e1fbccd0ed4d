/** What can go wrong in a scoring use case; mapped once per transport (HTTP problem, Kafka dead letter). */
export enum ScoringExceptionCode {
  /** The screening names a rubric id/version the domain does not know. */
  UNKNOWN_RUBRIC = 'UNKNOWN_RUBRIC',
  /** The screening's rules do not fit its rubric (unknown rule id, rubric of another role). */
  SCREENING_MISMATCH = 'SCREENING_MISMATCH',
  /** No score is stored for this candidate. */
  SCORE_NOT_FOUND = 'SCORE_NOT_FOUND',
}

export class ScoringException extends Error {
  override readonly name = 'ScoringException';

  constructor(
    readonly code: ScoringExceptionCode,
    message: string,
    readonly errors: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}
