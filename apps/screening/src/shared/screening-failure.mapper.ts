// ScreeningException -> transport. Kafka: what the consumer should do with the
// message (a DecodeFailure is dead-lettered at once). HTTP: a problem+json.
import { DecodeFailure } from '@hiring/messaging';
import { PROBLEM_BASE, ProblemException, validationProblem } from '@hiring/platform';
import { ScreeningException, ScreeningExceptionCode } from './screening.exception';

/**
 * The dead letter's `dlq-reason` starts with the exception's code and
 * `dlq-errors` holds its field paths (the transport records both); the paths
 * are repeated in the message so the reason line alone says what was wrong.
 */
function kafkaReason(error: ScreeningException): string {
  const fields = error.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return `${error.code}: ${error.message}${fields ? ` (${fields})` : ''}`;
}

export function toKafkaFailure(error: ScreeningException): Error {
  switch (error.code) {
    case ScreeningExceptionCode.INVALID_PROFILE:
    case ScreeningExceptionCode.INCONSISTENT_EVENT:
    case ScreeningExceptionCode.UNKNOWN_RUBRIC_VERSION:
    case ScreeningExceptionCode.CANDIDATE_NOT_FOUND:
      // No retry can fix the message: dead-letter it with the reason.
      return new DecodeFailure(error.code, kafkaReason(error), error.errors, { cause: error });
    default: {
      const never: never = error.code;
      throw new Error(`unmapped screening exception code ${String(never)}`);
    }
  }
}

export function toHttpProblem(error: ScreeningException): ProblemException {
  switch (error.code) {
    case ScreeningExceptionCode.CANDIDATE_NOT_FOUND:
      return new ProblemException({ type: PROBLEM_BASE + 'not-found', title: 'Not Found', status: 404, detail: error.message });
    case ScreeningExceptionCode.UNKNOWN_RUBRIC_VERSION:
    case ScreeningExceptionCode.INVALID_PROFILE:
    case ScreeningExceptionCode.INCONSISTENT_EVENT:
      return validationProblem([...error.errors], error.message);
    default: {
      const never: never = error.code;
      throw new Error(`unmapped screening exception code ${String(never)}`);
    }
  }
}

/** Runs `work`, rethrowing a ScreeningException as `map` says. */
export async function mapScreeningErrors<T>(work: () => Promise<T>, map: (e: ScreeningException) => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScreeningException) throw map(error);
    throw error;
  }
}
