// Condition polling for int/e2e tests: the only sanctioned way to wait for
// something asynchronous. A sleep either wastes time or flakes; a condition
// with a deadline does neither and names what never happened.

export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 100 ms). */
  intervalMs?: number;
  /** What is awaited, e.g. "group committed 300 offsets"; goes into the timeout error. */
  description: string;
}

export class WaitForTimeoutError extends Error {
  constructor(
    description: string,
    timeoutMs: number,
    attempts: number,
    readonly lastError?: unknown,
  ) {
    const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : lastError !== undefined ? `; last error: ${String(lastError)}` : '';
    super(`Timed out after ${timeoutMs} ms (${attempts} attempts) waiting for: ${description}${cause}`);
    this.name = 'WaitForTimeoutError';
  }
}

type Falsy = false | 0 | '' | null | undefined;

const EXPIRED: unique symbol = Symbol('waitFor.expired');

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `condition` until it returns a truthy value (or a promise of one) and
 * resolves with that value. A throwing condition counts as "not yet" and its
 * error is reported if the deadline passes. An attempt that is still pending
 * at the deadline does not extend it.
 */
export async function waitFor<T>(
  condition: () => T | Falsy | Promise<T | Falsy>,
  { timeoutMs = 10_000, intervalMs = 100, description }: WaitForOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let lastError: unknown;
  for (;;) {
    attempts += 1;
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const expired = new Promise<typeof EXPIRED>((resolve) => {
        timer = setTimeout(() => resolve(EXPIRED), Math.max(remaining, 0));
      });
      const result = await Promise.race([Promise.resolve().then(condition), expired]);
      if (result !== EXPIRED && result) return result as T;
    } catch (err) {
      lastError = err;
    } finally {
      clearTimeout(timer);
    }
    if (Date.now() + intervalMs > deadline) {
      throw new WaitForTimeoutError(description, timeoutMs, attempts, lastError);
    }
    await pause(intervalMs);
  }
}
