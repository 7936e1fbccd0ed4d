/**
 * The one exception type the domain throws. A caller maps `code` once per
 * transport (HTTP status, Kafka retry/DLQ/drop, CLI exit code); the domain
 * never knows which transport it runs under.
 */
export const DomainErrorCode = {
  /** Input to a rule (requisition signals, promotion facts) is malformed. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The offer itself is malformed (amount, date, role, location). */
  INVALID_OFFER: 'INVALID_OFFER',
  /** No rate card version is in force on the date, or it has no band for the role/location. */
  NO_RATE_CARD: 'NO_RATE_CARD',
  /** An override below the floor without a named approver or a reason. */
  INVALID_OVERRIDE: 'INVALID_OVERRIDE',
  /** A versioned rule set (rate card, rubric, advisor rules) is inconsistent. */
  INVALID_RULES: 'INVALID_RULES',
  /** No version of a rule set is in force on the requested date. */
  NO_RULES_IN_FORCE: 'NO_RULES_IN_FORCE',
  /** A screening or score was asked of a rubric that does not fit it. */
  RUBRIC_MISMATCH: 'RUBRIC_MISMATCH',
} as const;

export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable context (field, role, location, version...). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
