/**
 * How long a computed snapshot is served again, per filter. Every open page
 * stream asks every MONITOR_STREAM_INTERVAL_MS and Prometheus asks on each
 * scrape; with hundreds of thousands of candidates one unfiltered snapshot
 * costs Postgres a second or more. So:
 *
 * - one computation per filter at a time: a request that arrives while one
 *   runs waits for it instead of starting its own (a slow computation used
 *   to be started again by every stream tick that came after the first
 *   second);
 * - a finished snapshot is served for at least `minReuseMs`, and for
 *   `costFactor` times as long as it took to compute, so the snapshot's
 *   queries take at most 1 / (1 + costFactor) of the time per filter as
 *   the read model grows, up to `maxReuseMs` (numbers older than that
 *   would no longer be a live view). The page shows `generatedAt`, so a
 *   viewer sees how old the numbers are.
 *
 * A computation that fails is not kept: the next request tries again.
 */
export interface SnapshotReusePolicy {
  minReuseMs: number;
  costFactor: number;
  maxReuseMs: number;
}

export const SNAPSHOT_REUSE: SnapshotReusePolicy = { minReuseMs: 1000, costFactor: 4, maxReuseMs: 30_000 };

interface Entry<T> {
  value: Promise<T>;
  /** Until when the value is served again; Infinity while it is being computed. */
  freshUntil: number;
}

export class SnapshotReuse<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly now: () => number,
    private readonly policy: SnapshotReusePolicy = SNAPSHOT_REUSE,
  ) {}

  /** The snapshot for `key`: the one computing or still fresh, else a new one from `compute`. */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.now();
    for (const [k, e] of this.entries) if (now >= e.freshUntil) this.entries.delete(k);
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const entry: Entry<T> = { value: compute(), freshUntil: Infinity };
    this.entries.set(key, entry);
    entry.value.then(
      () => {
        const finished = this.now();
        const { minReuseMs, costFactor, maxReuseMs } = this.policy;
        entry.freshUntil = finished + Math.min(maxReuseMs, Math.max(minReuseMs, costFactor * (finished - now)));
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  /** Filters with a snapshot computing or kept (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }
}
