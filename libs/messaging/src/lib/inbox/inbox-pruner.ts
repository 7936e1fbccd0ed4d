// Deletes inbox rows past the retention (inbox-retention.ts), so the table and
// its primary key stop growing with every event ever consumed. A run deletes
// in batches, one short transaction each, pausing between them, and stops at
// the first batch that is not full. Each batch takes a transaction-scoped
// advisory lock keyed by the schema first: when several instances of a service
// run, a batch of one never overlaps a batch of another, and an instance that
// finds the lock taken leaves the run to the one holding it.
import type { DataSource } from 'typeorm';
import { errorMessage } from '../failure-policy';
import type { MessagingMetrics } from '../messaging.metrics';
import { messagingTables } from '../sql';
import { consoleLogger, Wakeup, type MessagingLogger } from '../util';
import {
  checkInboxPruneSettings,
  DEFAULT_INBOX_FIRST_PRUNE_DELAY_MS,
  DEFAULT_INBOX_PRUNE_BATCH_SIZE,
  DEFAULT_INBOX_PRUNE_INTERVAL_MS,
  moreToPrune,
  pauseAfterBatch,
  pruneCutoff,
  pruningEnabled,
  type InboxPruneSettings,
} from './inbox-retention';

export interface InboxPrunerOptions extends Partial<InboxPruneSettings> {
  schema: string;
  /** Clock of the cutoff (epoch ms); default Date.now. */
  now?: () => number;
  metrics?: MessagingMetrics;
  logger?: MessagingLogger;
}

export interface InboxPruneResult {
  /** `contended`: another instance held the schema's prune lock; this run deleted what it had before. */
  outcome: 'done' | 'contended' | 'stopped';
  deleted: number;
  /** Delete statements run (a batch that found the lock taken is not counted). */
  batches: number;
  cutoff: Date;
  /** The whole run, pauses included. */
  durationMs: number;
  /** The longest batch transaction: how long the run held row locks at a time. */
  longestBatchMs: number;
  /** BRIN ranges without a summary that the run summarized before its batches (those earlier runs deleted from and vacuum did not summarize yet, and new ones at the table's end). */
  rangesSummarized: number;
  /** BRIN ranges whose summaries the batches dropped (the ranges they deleted rows from). */
  rangesDesummarized: number;
}

/** Namespace of the prune lock (the two-key form: apart from the single-key locks of migrations and entities). */
export const INBOX_PRUNE_LOCK_NAMESPACE = 'hiring.inbox-prune';

/**
 * A batch's statements, in one transaction. `lock` takes the schema's
 * prune lock if free ($1 namespace, $2 schema) and turns sequential scans off
 * for the transaction: with old rows a large part of the table the planner
 * prefers a sequential scan stopping at the LIMIT, which starts at the first
 * page every batch, rereading the pages earlier batches emptied and, once new
 * rows fill them, every new row before the first old one. `delete` then finds
 * the old block ranges through processed_at's BRIN index (a bitmap scan that
 * stops at the LIMIT, $2) and deletes those rows by ctid.
 *
 * `desummarize` then drops the summaries of the block ranges `delete` deleted
 * rows from, in the same transaction: a range keeps the bounds
 * it had when its old rows were deleted, so once vacuum frees their pages and
 * new rows fill them, every later run would read that range again, old rows
 * or not. A range without a summary is read by a bitmap scan until it gets
 * one again: the vacuum of the table gives it one (after removing the deleted
 * rows), or `summarizeNew` at the start of the next run does, which
 * summarizes only the ranges that have none (those a run deleted from, and
 * those appended since the last vacuum), an hour after the deletes, when no
 * snapshot can still see the deleted rows, so they are left out of the new
 * bounds. Earlier runs summarized every range of the table afresh instead,
 * at a process's first run and after every deleting run: a cost that grew
 * with the table, not with what was deleted (docs/performance.md, lane 21b).
 */
export function inboxPruneStatements(inbox: string, schema: string): { lock: string; delete: string; desummarize: string; summarizeNew: string } {
  return {
    lock: `SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked, set_config('enable_seqscan', 'off', true) AS seqscan`,
    // Also returns the first page of each range the batch deleted from ($3 pages per range).
    delete: `WITH gone AS (
               DELETE FROM ${inbox}
                WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${inbox} WHERE processed_at < $1 LIMIT $2))
               RETURNING ctid)
             SELECT count(*)::int AS deleted,
                    coalesce(array_agg(DISTINCT (ctid::text::point)[0]::bigint / $3::bigint * $3::bigint), '{}') AS ranges
               FROM gone`,
    // Takes a ShareUpdateExclusiveLock on the table until the batch commits,
    // so no vacuum or summarizing can give a range its deleted rows' bounds
    // back before they are gone: it waits for a vacuum of the table, never
    // for inserts.
    desummarize: `SELECT count(*)::int AS ranges FROM unnest($1::bigint[]) AS r, LATERAL brin_desummarize_range(${brinIndex(schema)}, r)`,
    // Summarizes the ranges without a summary only; the same lock.
    summarizeNew: `SELECT brin_summarize_new_values(${brinIndex(schema)}) AS ranges`,
  };
}

/** processed_at's BRIN index (inbox-brin.migration.ts), as a regclass literal (schema names are checked by messagingTables). */
function brinIndex(schema: string): string {
  return `'"${schema}".inbox_processed_at_brin'::regclass`;
}

/** The BRIN index's pages per range: PostgreSQL's default, which the migration keeps. */
export const INBOX_BRIN_PAGES_PER_RANGE = 128;

export class InboxPruner {
  readonly settings: InboxPruneSettings;
  private readonly inbox: string;
  private readonly now: () => number;
  private readonly logger: MessagingLogger;
  private wakeup = new Wakeup();
  private running = false;
  /** Set by stop(): a run in progress ends after the batch in hand. */
  private stopRequested = false;
  private loopDone: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: InboxPrunerOptions,
  ) {
    this.inbox = messagingTables(options.schema).inbox;
    this.settings = checkInboxPruneSettings({
      retentionMs: options.retentionMs ?? 0,
      intervalMs: options.intervalMs ?? DEFAULT_INBOX_PRUNE_INTERVAL_MS,
      firstDelayMs: options.firstDelayMs ?? DEFAULT_INBOX_FIRST_PRUNE_DELAY_MS,
      batchSize: options.batchSize ?? DEFAULT_INBOX_PRUNE_BATCH_SIZE,
    });
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? consoleLogger;
  }

  get enabled(): boolean {
    return pruningEnabled(this.settings.retentionMs);
  }

  /** Runs a prune after firstDelayMs, then every intervalMs, until stop(). Nothing when retention is 0. */
  start(): void {
    if (this.running || !this.enabled) return;
    this.running = true;
    this.stopRequested = false;
    this.wakeup = new Wakeup(); // a stop() signal of an earlier life must not cut the first wait short
    this.loopDone = this.loop();
  }

  /** Ends the wait or the pause in progress; a batch in hand commits first. No timer is left behind. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopRequested = true;
    this.wakeup.signal();
    await this.loopDone;
    this.loopDone = undefined;
  }

  /**
   * One run: batches until one is not full, the lock is another instance's,
   * or stop(). Also callable on its own (tests, an operator's script).
   */
  async pruneOnce(): Promise<InboxPruneResult> {
    const started = performance.now();
    const cutoff = pruneCutoff(this.now(), this.settings.retentionMs);
    let deleted = 0;
    let batches = 0;
    let longestBatchMs = 0;
    let rangesDesummarized = 0;
    let outcome: InboxPruneResult['outcome'] = 'done';
    const rangesSummarized = await this.summarizeNew();
    for (;;) {
      const batchStarted = performance.now();
      const batch = await this.deleteBatch(cutoff);
      if (batch === undefined) {
        outcome = 'contended';
        break;
      }
      const n = batch.deleted;
      rangesDesummarized += batch.ranges;
      const batchMs = performance.now() - batchStarted;
      longestBatchMs = Math.max(longestBatchMs, batchMs);
      batches += 1;
      deleted += n;
      if (n > 0) this.options.metrics?.inboxPruned.inc({ schema: this.options.schema }, n);
      if (!moreToPrune(n, this.settings.batchSize)) break;
      if (!this.stopRequested) await this.wakeup.wait(pauseAfterBatch(batchMs));
      if (this.stopRequested) {
        outcome = 'stopped';
        break;
      }
    }
    return { outcome, deleted, batches, cutoff, durationMs: performance.now() - started, longestBatchMs, rangesSummarized, rangesDesummarized };
  }

  /**
   * Summarizes the BRIN ranges that have no summary (see inboxPruneStatements).
   * A failure (e.g. a database user that does not own the index) costs only
   * the pages of those ranges, read by the batches: logged, the run goes on,
   * the next one tries again.
   */
  private async summarizeNew(): Promise<number> {
    try {
      const [r] = (await this.dataSource.query(inboxPruneStatements(this.inbox, this.options.schema).summarizeNew)) as Array<{ ranges: number }>;
      return r?.ranges ?? 0;
    } catch (err) {
      this.logger.warn('inbox index summaries not renewed; the prune goes on', { schema: this.options.schema, error: errorMessage(err) });
      return 0;
    }
  }

  /**
   * Deletes up to a batch of rows older than the cutoff and drops the
   * summaries of their ranges; undefined when another instance holds the
   * lock. Dropping summaries only makes scans read more, so when it fails
   * (e.g. a database user that does not own the index) the deletes commit
   * without it, and the ranges keep their old bounds (logged).
   */
  private deleteBatch(cutoff: Date): Promise<{ deleted: number; ranges: number } | undefined> {
    const sql = inboxPruneStatements(this.inbox, this.options.schema);
    return this.dataSource.transaction(async (m) => {
      const [lock] = (await m.query(sql.lock, [INBOX_PRUNE_LOCK_NAMESPACE, this.options.schema])) as Array<{ locked: boolean }>;
      if (!lock?.locked) return undefined;
      const [r] = (await m.query(sql.delete, [cutoff, this.settings.batchSize, INBOX_BRIN_PAGES_PER_RANGE])) as Array<{ deleted: number; ranges: string[] }>;
      const deleted = r?.deleted ?? 0;
      const firstPages = r?.ranges ?? [];
      if (firstPages.length === 0) return { deleted, ranges: 0 };
      await m.query('SAVEPOINT inbox_prune_desummarize');
      try {
        const [d] = (await m.query(sql.desummarize, [firstPages])) as Array<{ ranges: number }>;
        await m.query('RELEASE SAVEPOINT inbox_prune_desummarize');
        return { deleted, ranges: d?.ranges ?? 0 };
      } catch (err) {
        await m.query('ROLLBACK TO SAVEPOINT inbox_prune_desummarize');
        this.logger.warn('inbox index summaries of the deleted rows not dropped; the prune goes on', { schema: this.options.schema, error: errorMessage(err) });
        return { deleted, ranges: 0 };
      }
    });
  }

  private async loop(): Promise<void> {
    let wait = this.settings.firstDelayMs;
    while (this.running) {
      await this.wakeup.wait(wait);
      if (!this.running) break;
      await this.runLogged();
      wait = this.settings.intervalMs;
    }
  }

  /** A run with its metrics and log line (only when it deleted something or failed). */
  private async runLogged(): Promise<void> {
    const schema = this.options.schema;
    const metrics = this.options.metrics;
    try {
      const r = await this.pruneOnce();
      metrics?.inboxPruneRuns.inc({ schema, outcome: r.outcome });
      metrics?.inboxPruneSeconds.set({ schema }, r.durationMs / 1000);
      if (r.deleted > 0) {
        this.logger.log('inbox pruned', { schema, deleted: r.deleted, batches: r.batches, ms: Math.round(r.durationMs), longestBatchMs: Math.round(r.longestBatchMs), olderThan: r.cutoff.toISOString(), outcome: r.outcome });
      }
    } catch (err) {
      metrics?.inboxPruneRuns.inc({ schema, outcome: 'failed' });
      this.logger.warn('inbox prune failed; next run at the usual interval', { schema, error: errorMessage(err), intervalMs: this.settings.intervalMs });
    }
  }
}
