// The one table saying what the domain's errors mean, on HTTP and on Kafka, for
// every service: the same DomainError answers the same way wherever it
// surfaces. Exhaustive by its type, so a new domain code does not compile until
// it says both.
import { DomainErrorCode } from '@hiring/domain';
import { REFUSAL, type ExceptionMappings } from './service-exception';

// A rule refused the input: no retry changes the answer; a dead letter can be
// replayed once the input or the rules are fixed.
const { invalid, unprocessable } = REFUSAL;

export const DOMAIN_ERRORS: ExceptionMappings<DomainErrorCode> = {
  // Malformed input to a rule: the caller's mistake, like any other validation failure.
  [DomainErrorCode.INVALID_INPUT]: invalid(),
  [DomainErrorCode.INVALID_OFFER]: unprocessable('invalid-offer'),
  [DomainErrorCode.INVALID_OVERRIDE]: unprocessable('invalid-override'),
  [DomainErrorCode.NO_RATE_CARD]: unprocessable('no-rate-card'),
  [DomainErrorCode.NO_RULES_IN_FORCE]: unprocessable('no-rules-in-force'),
  [DomainErrorCode.RUBRIC_MISMATCH]: unprocessable('rubric-mismatch'),
  // Stored rules that contradict themselves are our bug, not the caller's; a
  // retry reads the same rules, so the message waits in the dead letters for
  // the fix and a replay.
  [DomainErrorCode.INVALID_RULES]: { http: { status: 500, slug: 'invalid-rules', title: 'Internal error' }, kafka: 'dead-letter' },
};
