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
  /** BRIN ranges summarized afresh before the batches (0 when no earlier run of this pruner deleted rows). */
  rangesResummarized: number;
}

/** Namespace of the prune lock (the two-key form: apart from the single-key locks of migrations and entities). */
export const INBOX_PRUNE_LOCK_NAMESPACE = 'hiring.inbox-prune';

/**
 * A batch's two statements, in one transaction. `lock` takes the schema's
 * prune lock if free ($1 namespace, $2 schema) and turns sequential scans off
 * for the transaction: with old rows a large part of the table the planner
 * prefers a sequential scan stopping at the LIMIT, which starts at the first
 * page every batch, rereading the pages earlier batches emptied and, once new
 * rows fill them, every new row before the first old one. `delete` then finds
 * the old block ranges through processed_at's BRIN index (a bitmap scan that
 * stops at the LIMIT, $2) and deletes those rows by ctid.
 *
 * `resummarize` renews the index's summaries. A range keeps the bounds it
 * had when its old rows were deleted, so once vacuum frees their pages and
 * new rows fill them, every later run would read those ranges again, old
 * rows or not (the whole table, in steady state). A run that starts after a
 * deleting run summarizes every range afresh first (~7 ms per 1,000 pages):
 * an hour after the deletes, no snapshot can still see the deleted rows, so
 * they are left out of the new bounds.
 */
export function inboxPruneStatements(inbox: string, schema: string): { lock: string; delete: string; resummarize: string } {
  return {
    lock: `SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked, set_config('enable_seqscan', 'off', true) AS seqscan`,
    delete: `WITH gone AS (
               DELETE FROM ${inbox}
                WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${inbox} WHERE processed_at < $1 LIMIT $2))
               RETURNING 1)
             SELECT count(*)::int AS deleted FROM gone`,
    // Every range of the table summarized afresh ($1 pages per range). Takes
    // a ShareUpdateExclusiveLock: it waits for a vacuum of the table, never
    // for inserts.
    resummarize: `SELECT count(*)::int AS ranges FROM (
                    SELECT brin_desummarize_range(${brinIndex(schema)}, r), brin_summarize_range(${brinIndex(schema)}, r)
                      FROM generate_series(0::bigint, pg_relation_size('${inbox}') / current_setting('block_size')::bigint - 1, $1::bigint) AS r) x`,
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
  /** An earlier run deleted rows (or none ran yet in this process): the index's summaries are to be renewed. */
  private resummarizeDue = true;

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
    let outcome: InboxPruneResult['outcome'] = 'done';
    const rangesResummarized = this.resummarizeDue ? await this.resummarize() : 0;
    for (;;) {
      const batchStarted = performance.now();
      const n = await this.deleteBatch(cutoff);
      if (n === undefined) {
        outcome = 'contended';
        break;
      }
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
    if (deleted > 0) this.resummarizeDue = true;
    return { outcome, deleted, batches, cutoff, durationMs: performance.now() - started, longestBatchMs, rangesResummarized };
  }

  /**
   * Renews the BRIN summaries (see inboxPruneStatements). A failure (e.g. a
   * database user that does not own the index) costs only the stale bounds:
   * logged, the run goes on, the next one tries again.
   */
  private async resummarize(): Promise<number> {
    try {
      const [r] = (await this.dataSource.query(inboxPruneStatements(this.inbox, this.options.schema).resummarize, [INBOX_BRIN_PAGES_PER_RANGE])) as Array<{ ranges: number }>;
      this.resummarizeDue = false;
      return r?.ranges ?? 0;
    } catch (err) {
      this.logger.warn('inbox index summaries not renewed; the prune goes on', { schema: this.options.schema, error: errorMessage(err) });
      return 0;
    }
  }

  /** Deletes up to a batch of rows older than the cutoff; undefined when another instance holds the lock. */
  private deleteBatch(cutoff: Date): Promise<number | undefined> {
    const sql = inboxPruneStatements(this.inbox, this.options.schema);
    return this.dataSource.transaction(async (m) => {
      const [lock] = (await m.query(sql.lock, [INBOX_PRUNE_LOCK_NAMESPACE, this.options.schema])) as Array<{ locked: boolean }>;
      if (!lock?.locked) return undefined;
      const [r] = (await m.query(sql.delete, [cutoff, this.settings.batchSize])) as Array<{ deleted: number }>;
      return r?.deleted ?? 0;
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
