// ScoringException -> transport. Kafka: a DecodeFailure is dead-lettered at
// once (no retry fixes the message). HTTP: a problem+json.
import { DecodeFailure } from '@hiring/messaging';
import { PROBLEM_BASE, ProblemException } from '@hiring/platform';
import { ScoringException, ScoringExceptionCode } from './scoring.exception';

/**
 * The dead letter's `dlq-reason` starts with the exception's code and
 * `dlq-errors` holds its field paths (the transport records both); the paths
 * are repeated in the message so the reason line alone says what was wrong.
 */
function kafkaReason(error: ScoringException): string {
  const fields = error.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return `${error.code}: ${error.message}${fields ? ` (${fields})` : ''}`;
}

export function toKafkaFailure(error: ScoringException): Error {
  switch (error.code) {
    case ScoringExceptionCode.UNKNOWN_RUBRIC:
    case ScoringExceptionCode.SCREENING_MISMATCH:
    case ScoringExceptionCode.SCORE_NOT_FOUND:
      return new DecodeFailure(error.code, kafkaReason(error), error.errors, { cause: error });
    default: {
      const never: never = error.code;
      throw new Error(`unmapped scoring exception code ${String(never)}`);
    }
  }
}

export function toHttpProblem(error: ScoringException): ProblemException {
  switch (error.code) {
    case ScoringExceptionCode.SCORE_NOT_FOUND:
      return new ProblemException({ type: PROBLEM_BASE + 'not-found', title: 'Not Found', status: 404, detail: error.message });
    case ScoringExceptionCode.UNKNOWN_RUBRIC:
    case ScoringExceptionCode.SCREENING_MISMATCH:
      return new ProblemException({ type: PROBLEM_BASE + 'unprocessable', title: 'Unprocessable', status: 422, detail: error.message });
    default: {
      const never: never = error.code;
      throw new Error(`unmapped scoring exception code ${String(never)}`);
    }
  }
}

export async function mapScoringErrors<T>(work: () => Promise<T>, map: (e: ScoringException) => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScoringException) throw map(error);
    throw error;
  }
}
