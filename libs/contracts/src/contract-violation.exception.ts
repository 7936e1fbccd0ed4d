// A record or an outgoing event that breaks the contract. Consumers map every
// code to the dead-letter topic (a violation never gets better on retry);
// producers treat it as a bug in their mapper.
import type { FieldError } from './validation';

export const ContractViolationCode = {
  /** Not UTF-8 or not JSON. */
  MALFORMED_JSON: 'MALFORMED_JSON',
  /** JSON, but not a CloudEvents 1.0 envelope this pipeline accepts. */
  INVALID_ENVELOPE: 'INVALID_ENVELOPE',
  /** A well-formed envelope whose `type` is not in the catalogue. */
  UNKNOWN_TYPE: 'UNKNOWN_TYPE',
  /** `data` does not match the payload class of its type. */
  INVALID_PAYLOAD: 'INVALID_PAYLOAD',
  /** A known type, but not one this consumer reads (e.g. a scored event on the submissions topic). */
  UNEXPECTED_TYPE: 'UNEXPECTED_TYPE',
} as const;

export type ContractViolationCode = (typeof ContractViolationCode)[keyof typeof ContractViolationCode];

/** How many field errors go into `message`; `errors` keeps them all. */
const MESSAGE_ERRORS = 5;

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';

  constructor(
    readonly code: ContractViolationCode,
    readonly errors: readonly FieldError[],
    /** What is known of the offending event, for logs and dead-letter headers. */
    readonly event: { type?: string; id?: string } = {},
  ) {
    super(summarise(code, errors));
  }
}

function summarise(code: ContractViolationCode, errors: readonly FieldError[]): string {
  const shown = errors.slice(0, MESSAGE_ERRORS).map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`));
  const more = errors.length > MESSAGE_ERRORS ? ` (+${errors.length - MESSAGE_ERRORS} more)` : '';
  return `${code}: ${shown.join('; ')}${more}`;
}
