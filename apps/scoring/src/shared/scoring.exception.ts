import { ServiceException, type ExceptionMappings } from '@hiring/platform';

/** What can go wrong in a scoring use case; SCORING_EXCEPTIONS maps each code to HTTP and Kafka. */
export enum ScoringExceptionCode {
  /** The screening names a rubric id/version the domain does not know. */
  UNKNOWN_RUBRIC = 'UNKNOWN_RUBRIC',
  /** The screening's rules do not fit its rubric (unknown rule id, rubric of another role). */
  SCREENING_MISMATCH = 'SCREENING_MISMATCH',
  /** No score is stored for this candidate. */
  SCORE_NOT_FOUND = 'SCORE_NOT_FOUND',
}

// A candidate-screened event that fails here fails the same way on every attempt: dead-letter it.
export const SCORING_EXCEPTIONS: ExceptionMappings<ScoringExceptionCode> = {
  [ScoringExceptionCode.UNKNOWN_RUBRIC]: { http: { status: 422, slug: 'unknown-rubric', title: 'Unknown rubric' }, kafka: 'dead-letter' },
  [ScoringExceptionCode.SCREENING_MISMATCH]: { http: { status: 422, slug: 'screening-mismatch', title: 'Screening does not fit its rubric' }, kafka: 'dead-letter' },
  [ScoringExceptionCode.SCORE_NOT_FOUND]: { http: { status: 404, slug: 'score-not-found', title: 'Score not found' }, kafka: 'dead-letter' },
};

export class ScoringException extends ServiceException<ScoringExceptionCode> {
  override readonly name = 'ScoringException';
  protected readonly mappings = SCORING_EXCEPTIONS;
}
