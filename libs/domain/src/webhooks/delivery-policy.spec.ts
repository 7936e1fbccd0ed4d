import { isRetryable, judgeAttempt, parseRetryAfter, type DeliveryPolicy } from './delivery-policy';

const policy: DeliveryPolicy = { backoffBaseMs: 1000, backoffMaxMs: 60_000, retryWindowMs: 3_600_000 };
const t0 = new Date('2026-12-03T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('webhook delivery policy', () => {
  it('a 2xx is delivered', () => {
    expect(judgeAttempt({ kind: 'response', status: 204 }, 1, t0, t0, policy, 0.5)).toEqual({ kind: 'delivered' });
  });

  it.each([400, 401, 403, 404, 410, 422, 301])('a %i is refused, never retried', (status) => {
    expect(judgeAttempt({ kind: 'response', status }, 1, t0, t0, policy, 0.5)).toEqual({ kind: 'refused' });
  });

  it.each([408, 429, 500, 502, 503])('a %i is retried', (status) => {
    expect(isRetryable({ kind: 'response', status })).toBe(true);
  });

  it('a timeout or a refused connection is retried', () => {
    expect(judgeAttempt({ kind: 'no-response', timedOut: true }, 1, t0, t0, policy, 0)).toEqual({ kind: 'retry', at: at(500) });
  });

  it('doubles the wait per attempt, with jitter between half and all of it, up to the cap', () => {
    const wait = (attempt: number, random: number) => {
      const v = judgeAttempt({ kind: 'response', status: 503 }, attempt, t0, t0, policy, random);
      return v.kind === 'retry' ? v.at.getTime() - t0.getTime() : undefined;
    };
    expect([wait(1, 1), wait(2, 1), wait(3, 1), wait(4, 0)]).toEqual([1000, 2000, 4000, 4000]);
    expect(wait(20, 1)).toBe(60_000);
  });

  it('honours a longer Retry-After, capped by the longest wait', () => {
    const v = judgeAttempt({ kind: 'response', status: 429, retryAfterMs: 30_000 }, 1, t0, t0, policy, 0);
    expect(v).toEqual({ kind: 'retry', at: at(30_000) });
    const capped = judgeAttempt({ kind: 'response', status: 429, retryAfterMs: 10 * 3_600_000 }, 1, t0, t0, policy, 0);
    expect(capped).toEqual({ kind: 'retry', at: at(60_000) });
  });

  it('gives up when the next attempt would fall outside the retry window', () => {
    expect(judgeAttempt({ kind: 'response', status: 500 }, 30, t0, at(3_590_000), policy, 1)).toEqual({ kind: 'expired' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', t0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 10:01:00 GMT', t0)).toBe(60_000);
    expect(parseRetryAfter('soon', t0)).toBeUndefined();
    expect(parseRetryAfter(null, t0)).toBeUndefined();
  });
});
