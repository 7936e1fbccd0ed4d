import { FetchLinger } from './fetch-linger';

/** A fetch handed in at `at` with one batch per entry of `batches` (events each). */
function fetch(linger: FetchLinger, at: number, ...batches: number[]): void {
  linger.fetchStarted();
  for (const events of batches) linger.batchStarted(events, at);
}

describe('consumer fetch linger: when a busy consumer fetches again', () => {
  it('fetches again at once after a fetch of a single event (idle: a lone event, or a candidate\'s stages one by one)', () => {
    const linger = new FetchLinger(25);
    fetch(linger, 1_000, 1);
    expect(linger.delayAfterBatch(1_003)).toBe(0);
    fetch(linger, 1_010, 1);
    expect(linger.delayAfterBatch(1_012)).toBe(0);
  });

  it('after a fetch of several events, holds the next until lingerMs after that fetch was handed in', () => {
    const linger = new FetchLinger(25);
    fetch(linger, 1_000, 2);
    expect(linger.delayAfterBatch(1_004)).toBe(21);
    expect(linger.delayAfterBatch(1_025)).toBe(0);
    // Work that took longer than the linger: fetch at once.
    expect(linger.delayAfterBatch(1_040)).toBe(0);
  });

  it('counts the events of every batch of one fetch (several partitions of one event each), and only of that fetch', () => {
    const linger = new FetchLinger(25);
    fetch(linger, 1_000, 1, 1);
    expect(linger.delayAfterBatch(1_002)).toBe(23);
    // The next fetch has one event: it starts a new count from its own time.
    fetch(linger, 1_030, 1);
    expect(linger.delayAfterBatch(1_031)).toBe(0);
    fetch(linger, 1_040, 1);
    linger.batchStarted(3, 1_041);
    expect(linger.delayAfterBatch(1_045)).toBe(20);
  });

  it('never waits with the linger off, and refuses a linger that is not a non-negative integer', () => {
    const off = new FetchLinger(0);
    fetch(off, 1_000, 500);
    expect(off.enabled).toBe(false);
    expect(off.delayAfterBatch(1_001)).toBe(0);
    for (const bad of [-1, 2.5, Number.NaN]) expect(() => new FetchLinger(bad)).toThrow(/lingerMs/);
  });
});
