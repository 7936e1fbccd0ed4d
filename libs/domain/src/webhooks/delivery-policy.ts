// When a webhook delivery is retried, and when an endpoint is given up on.
// Pure: the caller passes the clock reading and the random draw.

export interface DeliveryPolicy {
  /** First retry waits about this long; each further one doubles it. */
  backoffBaseMs: number;
  /** No single wait is longer (a Retry-After too). */
  backoffMaxMs: number;
  /** After this long since the first attempt, a failing delivery is given up. */
  retryWindowMs: number;
}

/** What one HTTP attempt came to: a status code, or no answer at all (timeout, refused, reset). */
export type AttemptResult = { kind: 'response'; status: number; retryAfterMs?: number } | { kind: 'no-response'; timedOut: boolean };

export type AttemptVerdict =
  | { kind: 'delivered' }
  /** A 4xx other than 408/429 (or a redirect): the receiver said no, asking again will not change it. */
  | { kind: 'refused' }
  | { kind: 'retry'; at: Date }
  /** Retryable, but the retry window is over. */
  | { kind: 'expired' };

export function isRetryable(result: AttemptResult): boolean {
  if (result.kind === 'no-response') return true;
  const { status } = result;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Full jitter (a random wait between half and all of the doubled base) keeps
 * many endpoints that failed together from retrying together. A Retry-After
 * on 429/503 is honoured when longer, capped by backoffMaxMs.
 */
export function judgeAttempt(result: AttemptResult, attempt: number, firstAttemptAt: Date, now: Date, policy: DeliveryPolicy, random: number): AttemptVerdict {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) return { kind: 'delivered' };
  if (!isRetryable(result)) return { kind: 'refused' };
  const doubled = policy.backoffBaseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const capped = Math.min(doubled, policy.backoffMaxMs);
  let waitMs = capped / 2 + (capped / 2) * Math.min(Math.max(random, 0), 1);
  if (result.kind === 'response' && result.retryAfterMs !== undefined) waitMs = Math.max(waitMs, Math.min(result.retryAfterMs, policy.backoffMaxMs));
  const at = new Date(now.getTime() + Math.round(waitMs));
  if (at.getTime() - firstAttemptAt.getTime() > policy.retryWindowMs) return { kind: 'expired' };
  return { kind: 'retry', at };
}

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(at - now.getTime(), 0);
}
