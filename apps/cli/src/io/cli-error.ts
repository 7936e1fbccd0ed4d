import { DomainErrorCode, formatValidationIssues, type ValidationIssue } from '@hiring/domain';

/**
 * Exit codes of the `hiring` tool. A refusal (offer below floor, candidate
 * rejected) is an answer, exit 0. Scripts can tell "fix your input" (2) from
 * "no rule covers this case" (3) from "the infrastructure did not answer"
 * (4, the dlq commands: Kafka down or a topic not provisioned) from a bug (1).
 */
export const ExitCode = {
  OK: 0,
  INTERNAL: 1,
  BAD_INPUT: 2,
  NO_RULE: 3,
  UNAVAILABLE: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Input the tool cannot use: unreadable file, malformed JSON, schema errors. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';

  constructor(message: string) {
    super(message);
  }

  static fromIssues(what: string, issues: readonly ValidationIssue[]): CliInputError {
    return new CliInputError(`invalid ${what}:\n${formatValidationIssues(issues).replace(/^/gm, '  ')}`);
  }
}

/** Kafka (or another dependency) did not answer in time, or is not set up as the catalogue says. */
export class CliUnavailableError extends Error {
  override readonly name = 'CliUnavailableError';

  constructor(message: string) {
    super(message);
  }
}

/** The one place domain error codes become exit codes; the switch must stay exhaustive. */
export function exitCodeFor(code: DomainErrorCode): ExitCode {
  switch (code) {
    case DomainErrorCode.INVALID_INPUT:
    case DomainErrorCode.INVALID_OFFER:
    case DomainErrorCode.INVALID_OVERRIDE:
      return ExitCode.BAD_INPUT;
    case DomainErrorCode.NO_RATE_CARD:
    case DomainErrorCode.NO_RULES_IN_FORCE:
      return ExitCode.NO_RULE;
    case DomainErrorCode.INVALID_RULES:
    case DomainErrorCode.RUBRIC_MISMATCH:
      return ExitCode.INTERNAL;
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}
