import { Clock, SystemClock } from './clock';

class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

describe('platform / Clock', () => {
  it('today is the UTC calendar day, not the local one', () => {
    expect(new FixedClock(new Date('2026-03-31T23:30:00-05:00')).today()).toBe('2026-04-01');
  });

  it('the system clock reads the time when asked', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
