// One exception base for every service's use cases. A service declares its
// codes and, beside them, one table saying what each code means on HTTP and on
// Kafka; the table's type lists every code, so a new code does not compile
// until it is mapped. The platform's problem filter and the messaging
// consumer read the table: no per-service filter, wrapper or switch.
import type { FieldError } from '../http/problem-details';

/** What a consumed message that hits this code should become: no retry can fix it, or a later attempt may succeed. */
export type KafkaOutcome = 'dead-letter' | 'retry';

export interface ExceptionMapping {
  http: { status: number; slug: string; title: string };
  kafka: KafkaOutcome;
}

/**
 * Rows for the usual refusals, with their generic titles: no retry changes
 * the answer, so a consumed message that meets one is dead-lettered.
 */
export const REFUSAL = {
  invalid: (): ExceptionMapping => ({ http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' }),
  notFound: (slug: string): ExceptionMapping => ({ http: { status: 404, slug, title: 'Not found' }, kafka: 'dead-letter' }),
  conflict: (slug: string): ExceptionMapping => ({ http: { status: 409, slug, title: 'Conflict' }, kafka: 'dead-letter' }),
  unprocessable: (slug: string): ExceptionMapping => ({ http: { status: 422, slug, title: 'Unprocessable request' }, kafka: 'dead-letter' }),
} as const;

/** Exhaustive by construction: one entry per code. */
export type ExceptionMappings<C extends string> = { readonly [K in C]: ExceptionMapping };

export abstract class ServiceException<C extends string = string> extends Error {
  protected abstract readonly mappings: ExceptionMappings<C>;

  constructor(
    readonly code: C,
    message: string,
    readonly errors: readonly FieldError[] = [],
    /** Machine-readable context for the caller (ids, dates); added to the problem, never over its own members. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  get mapping(): ExceptionMapping {
    return this.mappings[this.code];
  }
}
