// When the batch consumer commits its offsets. kafkajs 2.2.4 with autoCommit
// commits after every batch it hands to eachBatch, whatever
// autoCommitInterval says (runner.js handleBatch: autoCommitOffsets, not
// ...IfNecessary). In bulk a batch holds hundreds of events; at a fixed rate
// of single submissions every batch holds one, so each consumer sent one
// OffsetCommit per event: two per candidate across the pipeline at 100/s,
// more than its fetches and produces together (docs/performance.md, lane
// 19c), each a write to __consumer_offsets on the broker. The consumer runs
// with autoCommit off and commits here instead: at most once per interval
// while events flow, once more an interval after the last one (so an idle
// group's committed offsets catch up), and before it leaves the group.
// Offsets are resolved only after the events' transaction committed, so a
// commit never runs ahead of what is durable; what a lost commit (a crash, a
// rebalance) leaves uncommitted is delivered again and dropped by the inbox.
import type { MessagingLogger } from '../util';
import { errorMessage } from '../failure-policy';

/** Commits every offset resolved and not yet committed (kafkajs' commitOffsetsIfNecessary(uncommittedOffsets())). */
export type CommitResolved = () => Promise<void>;

export class OffsetCommits {
  private timer: NodeJS.Timeout | undefined;
  private commit: CommitResolved | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly logger: MessagingLogger,
    private readonly groupId: string,
  ) {}

  /**
   * After a batch resolved offsets: commits them within one interval unless
   * a commit on the way (kafkajs' interval check per chunk) takes them first.
   * `commit` reads the offsets when it runs, so the latest batch's is used.
   */
  resolved(commit: CommitResolved): void {
    this.commit = commit;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Commits what is resolved now (before leaving the group); a failure is logged, not thrown. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const commit = this.commit;
    if (!commit) return;
    try {
      await commit();
    } catch (err) {
      // A rebalance or restart took the generation away: the new owner starts at the last commit; the inbox drops what it sees again.
      this.logger.warn('offset commit failed; events since the last commit will be delivered again', { groupId: this.groupId, error: errorMessage(err) });
    }
  }

  /** Forgets the pending commit without running it (the consumer is gone). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.commit = undefined;
  }
}
