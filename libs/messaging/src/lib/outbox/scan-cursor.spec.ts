import type { OutboxBatchResult } from './outbox-batch';
import { ScanCursor } from './scan-cursor';

/** A committed batch that claimed ids [minId, maxId] (held: the held-back ones), with the snapshot after it. */
function batch(ids: number[], xmin: number, xmax: number, held: number[] = []): OutboxBatchResult {
  return {
    claimed: ids.length,
    published: ids.length - held.length,
    parked: [],
    heldBack: held.length,
    minId: ids.length ? BigInt(Math.min(...ids)) : null,
    maxId: ids.length ? BigInt(Math.max(...ids)) : null,
    minHeldId: held.length ? BigInt(Math.min(...held)) : null,
    snapshot: { xmin: BigInt(xmin), xmax: BigInt(xmax) },
  };
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('ScanCursor: where the relay claim starts', () => {
  let now = 0;
  const cursor = (batchSize = 100, fullScanMs = 60_000): ScanCursor => new ScanCursor(batchSize, fullScanMs, () => now);
  beforeEach(() => (now = 1_000));

  it('starts with a full scan and moves past published ids only once the transactions that could hold smaller ids have ended', () => {
    const c = cursor();
    expect(c.next()).toBe(0n);
    // Claim 1 saw ids 1..10; the snapshot after it: transaction 50 (maybe holding id 5) still runs.
    c.committed(0n, batch(range(1, 10), 50, 60));
    expect(c.next()).toBe(0n); // nothing settled yet
    // Claim 2: transaction 50 still runs (xmin 50 < 60): ids up to 10 not settled.
    c.committed(0n, batch(range(11, 12), 50, 61));
    expect(c.next()).toBe(0n);
    // Claim 3: everything below 61 has ended: ids up to 12 are settled, but this claim ran before that was known.
    c.committed(0n, batch([], 61, 62));
    expect(c.next()).toBe(0n);
    // Claim 4 scans with ids up to 12 settled and visible, and moves the cursor past them.
    c.committed(0n, batch([5], 62, 63));
    expect(c.next()).toBe(13n);
  });

  it('does not move past the end of a full batch (the rows after it were not scanned)', () => {
    const c = cursor(10);
    c.next();
    // Ids 1..90 were locked by another relay; this one claimed 91..100 and learnt they are settled.
    c.committed(0n, batch(range(91, 100), 10, 10));
    // The other relay rolled back: its rows are back, and this full batch reaches only id 10.
    c.committed(c.next(), batch(range(1, 10), 20, 20));
    expect(c.next()).toBe(11n);
  });

  it('does not move past a row held back, and scans fully after holding back', () => {
    const c = cursor();
    c.next();
    c.committed(0n, batch(range(1, 30), 10, 10));
    expect(c.next()).toBe(0n); // no settled bound known when that claim ran
    c.committed(0n, batch(range(31, 40), 20, 20, [35]));
    expect(c.position).toBe(31n);
    expect(c.next()).toBe(0n); // the full scan after a hold-back
    c.committed(0n, batch([35], 30, 30));
    expect(c.next()).toBe(41n);
  });

  it('a failed batch (no committed call) leaves the cursor where it was', () => {
    const c = cursor();
    c.next();
    c.committed(0n, batch(range(1, 5), 10, 10));
    c.committed(c.next(), batch(range(6, 7), 20, 20));
    expect(c.position).toBe(6n);
    c.next(); // a claim that then fails: nothing reported
    expect(c.next()).toBe(6n);
  });

  it('scans from the first row again after the full-scan interval', () => {
    const c = cursor(100, 5_000);
    c.next();
    c.committed(0n, batch(range(1, 5), 10, 10));
    c.committed(c.next(), batch([6], 20, 20));
    expect(c.next()).toBe(6n);
    now += 5_000;
    expect(c.next()).toBe(0n);
    expect(c.next()).toBe(6n);
  });

  it('keeps the list of unsettled claims bounded while a long transaction runs, and still settles after it', () => {
    const c = cursor();
    c.next();
    for (let i = 1; i <= 1_000; i++) c.committed(c.next(), batch([i], 5, 100 + i));
    expect(c.position).toBe(0n);
    c.committed(c.next(), batch([], 2_000, 2_000));
    c.committed(c.next(), batch([], 2_001, 2_001));
    expect(c.position).toBe(1_001n);
  });
});
