import { AuthFailureCounter } from './auth-failure-throttle';

describe('failed authentication per source address', () => {
  it('blocks an address after the limit until its minute is over, and only that address', () => {
    const counter = new AuthFailureCounter(3);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i += 1) {
      expect(counter.retryAfter('10.0.0.1', t0 + i)).toBe(0);
      counter.recordFailure('10.0.0.1', t0 + i);
    }
    expect(counter.retryAfter('10.0.0.1', t0 + 10)).toBe(60);
    expect(counter.retryAfter('10.0.0.1', t0 + 59_001)).toBe(1);
    expect(counter.retryAfter('10.0.0.2', t0 + 10)).toBe(0);
    expect(counter.retryAfter('10.0.0.1', t0 + 60_000)).toBe(0);
  });

  it('fewer failures than the limit never block', () => {
    const counter = new AuthFailureCounter(3);
    counter.recordFailure('a', 0);
    counter.recordFailure('a', 1);
    expect(counter.retryAfter('a', 2)).toBe(0);
  });
});
