// Where the relay's claim starts walking the outbox's primary key.
//
// Published rows are deleted, but their index entries stay until vacuum, and
// no scan may mark them dead while a snapshot older than the delete is open
// (on a busy cluster there always is one). A claim that starts at the lowest
// id walks all of them every time. The cursor lets it start past the rows
// this relay has already published.
//
// The catch: an id is taken at insert, the row becomes visible at commit, so
// a smaller id can appear after larger ones were published. The cursor only
// moves past an id once every transaction that could hold a smaller id has
// ended and a claim has scanned that range since:
// - each claim reports the largest id it saw and, from a snapshot taken
//   right after it, the next transaction id to be assigned (xmax). The outbox
//   id default takes the transaction id before the sequence value
//   (outboxIdAfterXidMigration), so whoever holds an id up to that largest
//   one has a transaction id below that xmax;
// - once a later snapshot's xmin (the oldest transaction still running)
//   reaches that xmax, all of them have ended: ids up to that largest one
//   are "settled", their rows visible (or rolled back for good);
// - the next claim then scans from the cursor with all settled rows visible,
//   and after it commits the cursor moves up to the settled bound, but not
//   past a row it held back or past the end of a full batch (rows beyond it
//   were not scanned).
// Rows another relay has locked are that relay's to publish; if it dies,
// they come back below this cursor, so a full scan from id 0 runs now and
// then, and after any batch that held rows back (their blocking row may be
// one of them).
import type { OutboxBatchResult } from './outbox-batch';

interface Seen {
  /** Next transaction id at the snapshot after the claim. */
  xmax: bigint;
  /** Largest id the claim saw. */
  maxId: bigint;
}

/** Keeps the pending list short even if one transaction stays open for a long time (the cursor then just moves later). */
const MAX_SEEN = 256;

export class ScanCursor {
  private from = 0n;
  /** Every transaction holding an id below this had ended before the latest snapshot. */
  private settledBelow = 0n;
  private readonly seen: Seen[] = [];
  private lastFullScanAt: number;
  private fullScanNext = true;

  constructor(
    private readonly batchSize: number,
    private readonly fullScanIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastFullScanAt = now();
  }

  /** The id the next claim starts at (0: a full scan). */
  next(): bigint {
    if (this.fullScanNext || this.now() - this.lastFullScanAt >= this.fullScanIntervalMs) {
      this.fullScanNext = false;
      this.lastFullScanAt = this.now();
      return 0n;
    }
    return this.from;
  }

  /** Where the cursor stands (diagnostics and tests). */
  get position(): bigint {
    return this.from;
  }

  /** After a claim that scanned from `scannedFrom` (a value next() returned) and committed. A failed batch changes nothing. */
  committed(scannedFrom: bigint, r: OutboxBatchResult): void {
    if (scannedFrom <= this.from) {
      let upTo = this.settledBelow;
      if (r.claimed >= this.batchSize && r.maxId !== null) upTo = min(upTo, r.maxId + 1n);
      if (r.minHeldId !== null) upTo = min(upTo, r.minHeldId);
      if (upTo > this.from) this.from = upTo;
    }
    if (r.minHeldId !== null) this.fullScanNext = true;
    // Learn from the snapshot taken after this claim; it counts for the next claim.
    if (r.maxId !== null) {
      const last = this.seen[this.seen.length - 1];
      if (last && last.xmax === r.snapshot.xmax) last.maxId = max(last.maxId, r.maxId);
      else this.seen.push({ xmax: r.snapshot.xmax, maxId: r.maxId });
      // Dropping an entry in the middle only delays the cursor: a later entry has a larger xmax.
      if (this.seen.length > MAX_SEEN) this.seen.splice(1, 1);
    }
    while (this.seen.length > 0 && this.seen[0].xmax <= r.snapshot.xmin) {
      this.settledBelow = max(this.settledBelow, this.seen[0].maxId + 1n);
      this.seen.shift();
    }
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
