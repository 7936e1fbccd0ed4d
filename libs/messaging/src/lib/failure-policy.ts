// One place decides what a failure means for a consumed message: retry it,
// wait for the database, or dead-letter it. Every error the transport meets
// goes through classifyFailure, and failureAction ends in an exhaustiveness check.
// A rule's refusal (a service's ServiceException, the domain's DomainError)
// says itself, through its code's row in the platform's tables, whether the
// message is beyond repair or worth another attempt: every service treats the
// same error the same way, and no handler catches or maps it.
import { ContractViolation } from '@hiring/contracts';
import { mappedError, type MappedError } from '@hiring/platform';

/** A handler may throw this to ask for a retry (e.g. a downstream HTTP 503). */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/**
 * A service this consumer depends on cannot serve right now (it answered 502,
 * 503 or 504, e.g. its own database is down): like our own database being
 * away, the consumer pauses and retries until it can, and never dead-letters
 * the message for it. A TransientError, by contrast, ends in the dead letters
 * once its retries are spent.
 */
export class DependencyUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DependencyUnavailableError';
  }
}

/** Thrown by the transport when a message fails to decode/validate. */
export class DecodeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly errors: ReadonlyArray<{ path: string; message: string }>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DecodeFailure';
  }

  static from(err: unknown): DecodeFailure {
    if (err instanceof DecodeFailure) return err;
    const e = err as { code?: unknown; message?: unknown; errors?: unknown };
    const code = typeof e?.code === 'string' ? e.code : 'INVALID_MESSAGE';
    const message = typeof e?.message === 'string' ? e.message : String(err);
    const errors = Array.isArray(e?.errors)
      ? (e.errors as unknown[]).map((x) => {
          const item = x as { path?: unknown; message?: unknown };
          return { path: String(item?.path ?? ''), message: String(item?.message ?? '') };
        })
      : [];
    return new DecodeFailure(code, message, errors, { cause: err });
  }
}

/**
 * The dead letter's reason line for a mapped error: the code, the message,
 * and the field paths repeated so the line alone says what was wrong.
 */
export function mappedFailureReason(error: MappedError): string {
  const fields = error.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return `${error.code}: ${error.message}${fields ? ` (${fields})` : ''}`;
}

export type FailureKind =
  /** The message itself is invalid: no retry can help. */
  | 'invalid-message'
  /** Worth retrying soon: serialization failure, deadlock, lock/statement timeout, broker hiccup. */
  | 'transient'
  /** The database cannot be reached: stop consuming, probe, resume. */
  | 'database-unavailable'
  /** The handler threw something else: a bug or a rule violation for this message. */
  | 'handler-error';

export type FailureAction = 'dead-letter-now' | 'retry-with-backoff' | 'pause-and-probe' | 'isolate-then-dead-letter';

// SQLSTATE classes/codes, see https://www.postgresql.org/docs/current/errcodes-appendix.html
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007', '08P01']);
const PG_TRANSIENT = new Set(['40001', '40P01', '55P03', '57014', '53200', '53400']);
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /server closed the connection unexpectedly/i,
  /the database system is (starting up|shutting down)/i,
];

function errorChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    chain.push(cur);
    const c = cur as { driverError?: unknown; cause?: unknown };
    cur = c.driverError ?? c.cause;
  }
  if (chain.length === 0) chain.push(err);
  return chain;
}

export function classifyFailure(err: unknown): FailureKind {
  if (err instanceof DecodeFailure) return 'invalid-message';
  const mapped = mappedError(err);
  if (mapped) return mapped.mapping.kafka === 'dead-letter' ? 'invalid-message' : 'transient';
  for (const e of errorChain(err)) {
    if (e instanceof TransientError) return 'transient';
    if (e instanceof DependencyUnavailableError) return 'database-unavailable';
    const x = e as { code?: unknown; message?: unknown; name?: unknown; retriable?: unknown };
    const code = typeof x?.code === 'string' ? x.code : undefined;
    if (code && (PG_UNAVAILABLE.has(code) || NET_UNAVAILABLE.has(code))) return 'database-unavailable';
    if (code && PG_TRANSIENT.has(code)) return 'transient';
    const message = typeof x?.message === 'string' ? x.message : '';
    if (UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return 'database-unavailable';
    if (typeof x?.name === 'string' && x.name.startsWith('KafkaJS') && x.retriable === true) return 'transient';
  }
  return 'handler-error';
}

export function failureAction(kind: FailureKind): FailureAction {
  switch (kind) {
    case 'invalid-message':
      return 'dead-letter-now';
    case 'transient':
      return 'retry-with-backoff';
    case 'database-unavailable':
      return 'pause-and-probe';
    case 'handler-error':
      return 'isolate-then-dead-letter';
    default: {
      const never: never = kind;
      throw new Error(`unclassified failure kind: ${String(never)}`);
    }
  }
}

export interface RetryPolicy {
  /** Attempts in total, including the first (>= 1). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  /** 0..1: share of the delay that is randomised (full jitter = 1). */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  multiplier: 2,
  jitter: 0.5,
};

/** Delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * Math.pow(policy.multiplier, Math.max(0, attempt - 1)));
  const jitter = base * policy.jitter * random();
  return Math.round(base - base * policy.jitter + jitter);
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * Why a handler's message is dead-lettered. A rule's refusal keeps its own code
 * (`UNAUTHENTICATED_SUBMISSION`, `NO_RATE_CARD`, ...) and field paths, and so
 * does a contract violation met inside a handler, so ops see what refused it;
 * anything else is `HANDLER_ERROR`, and a transient failure that outlived its
 * retries is `RETRIES_EXHAUSTED`.
 */
export function handlerFailureReason(kind: FailureKind, failure: unknown): { code: string; message: string; errors: { path: string; message: string }[] } {
  const message = errorMessage(failure);
  if (kind === 'transient') return { code: 'RETRIES_EXHAUSTED', message, errors: [] };
  const mapped = mappedError(failure);
  if (mapped) return { code: mapped.code, message: `${mapped.name}: ${mappedFailureReason(mapped)}`, errors: [...mapped.errors] };
  if (failure instanceof ContractViolation) return { code: failure.code, message, errors: [...DecodeFailure.from(failure).errors] };
  return { code: 'HANDLER_ERROR', message, errors: [] };
}
