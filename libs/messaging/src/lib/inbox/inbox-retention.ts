// How long inbox rows are kept, and the pruner's pacing decisions, as plain
// functions over numbers (inbox-pruner.ts runs them against Postgres).
//
// An inbox row exists to drop a second copy of an event. Second copies come
// from the uncommitted tail of a partition redelivered after a crash or a
// rebalance, and from a relay re-publishing rows whose commit it lost: both
// arrive within minutes of the first copy. Events older than the retention are
// redelivered only when an operator resets offsets (or a group's offsets
// expire), which the handlers' own idempotence covers as it covers a replay
// into a new group (docs/messaging.md "Inbox retention").

export const DAY_MS = 86_400_000;

/** Default retention: a week, days beyond the minutes a duplicate takes to come back. */
export const DEFAULT_INBOX_RETENTION_DAYS = 7;
/** A prune run every hour... */
export const DEFAULT_INBOX_PRUNE_INTERVAL_MS = 3_600_000;
/** ...and a first one a minute after start, once the consumers have caught up on what they missed. */
export const DEFAULT_INBOX_FIRST_PRUNE_DELAY_MS = 60_000;
/** Rows deleted per statement (one short transaction each). */
export const DEFAULT_INBOX_PRUNE_BATCH_SIZE = 5_000;
/** Least pause between two batches of one run. */
export const MIN_INBOX_PRUNE_PAUSE_MS = 10;

export interface InboxPruneSettings {
  /** Rows processed longer ago than this are deleted; 0 disables pruning. */
  retentionMs: number;
  intervalMs: number;
  firstDelayMs: number;
  batchSize: number;
}

/** Checks configured settings: whole non-negative milliseconds, a positive interval and batch size. */
export function checkInboxPruneSettings(s: InboxPruneSettings): InboxPruneSettings {
  const whole = (name: string, v: number, min: number): void => {
    if (!Number.isSafeInteger(v) || v < min) throw new Error(`inbox prune ${name} must be an integer >= ${min}, got ${v}`);
  };
  whole('retentionMs', s.retentionMs, 0);
  whole('intervalMs', s.intervalMs, 1);
  whole('firstDelayMs', s.firstDelayMs, 0);
  whole('batchSize', s.batchSize, 1);
  return s;
}

/** Whether a service prunes at all: retention 0 keeps every row. */
export function pruningEnabled(retentionMs: number): boolean {
  return retentionMs > 0;
}

/** Rows whose processed_at is before this instant are past the retention. */
export function pruneCutoff(nowMs: number, retentionMs: number): Date {
  return new Date(nowMs - retentionMs);
}

/** A batch that deleted a full batch may have left more behind; a shorter one found the last. */
export function moreToPrune(deletedInBatch: number, batchSize: number): boolean {
  return deletedInBatch >= batchSize;
}

/**
 * The pause after a batch: as long as the batch took (at least
 * MIN_INBOX_PRUNE_PAUSE_MS), so a run keeps a database connection busy at most
 * half of its time and the consumers' transactions get the rest.
 */
export function pauseAfterBatch(batchMs: number): number {
  return Math.max(MIN_INBOX_PRUNE_PAUSE_MS, Math.ceil(batchMs));
}
