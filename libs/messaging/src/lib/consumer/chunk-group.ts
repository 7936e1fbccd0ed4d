// Group commit across partitions. kafkajs hands a fetch's partition batches to
// up to `partitionsConsumedConcurrently` eachBatch calls at once; at batches
// of one each chunk cost a transaction of its own (inbox claim, handlers,
// outbox insert, commit) and then a relay claim and produce. Here the chunks
// handed in during one turn of the event loop, or while the previous group's
// transaction runs, are applied in ONE transaction (no timer: what is there
// now). Each caller learns whether its chunk committed; if the group's
// transaction failed, each chunk goes its own way again (ChunkApplier: retry,
// outage pause, isolation, dead letters), so one bad event never costs another
// partition's events anything but a second attempt.
import { GatherWhileBusy } from '@hiring/platform';
import type { DecodedItem } from './chunk-decoder';
import type { PartitionBatch } from './partition-batch';

export interface ChunkOfPartition {
  batch: PartitionBatch;
  items: readonly DecodedItem[];
}

/**
 * committed: the chunk's effects are durable. Otherwise the chunk is to be
 * applied on its own; `failure` is its first attempt's when it was alone in
 * its group (the applier goes on from there, so a lone chunk is tried exactly
 * as before).
 */
export type GroupOutcome = { committed: true } | { committed: false; failure: unknown; alone: boolean };

interface Pending {
  chunk: ChunkOfPartition;
  settle: (outcome: GroupOutcome) => void;
}

export class ChunkGroupCommit {
  /**
   * What is pending becomes one group (or several when it holds more than
   * `maxEvents`, applied side by side, as the partitions' chunks were);
   * what arrives meanwhile waits for the next round.
   */
  private readonly gather = new GatherWhileBusy<Pending>(async (pending) => {
    await Promise.all(splitBySize(pending, this.maxEvents).map((g) => this.commitGroup(g)));
  });

  constructor(
    /** One transaction for all these chunks, in this order; throws if it did not commit. */
    private readonly applyTogether: (chunks: readonly ChunkOfPartition[]) => Promise<void>,
    /** Most events of one group: a group never holds more than a chunk could alone. */
    private readonly maxEvents: number,
    private readonly onGroupFailed: (size: number, failure: unknown) => void = () => undefined,
  ) {}

  /** Settles once the chunk's group committed, or failed (the chunk is then the caller's to apply alone). Never rejects. */
  submit(chunk: ChunkOfPartition): Promise<GroupOutcome> {
    return new Promise<GroupOutcome>((settle) => this.gather.add({ chunk, settle }));
  }

  private async commitGroup(group: readonly Pending[]): Promise<void> {
    let outcome: GroupOutcome;
    try {
      await this.applyTogether(group.map((p) => p.chunk));
      outcome = { committed: true };
    } catch (failure) {
      if (group.length > 1) this.onGroupFailed(group.length, failure);
      outcome = { committed: false, failure, alone: group.length === 1 };
    }
    for (const p of group) p.settle(outcome);
  }
}

/**
 * Runs of at most `maxEvents` events (a chunk larger than that alone), a
 * partition's chunks kept together. The pipeline keys every topic by candidate
 * id over the same partition count, so one candidate's events on several
 * topics (its `screened` and its `scored`) share a partition number. Each of
 * the side-by-side transactions locks one topic's rows after another's: split
 * in arrival order, two of them could lock the same two submissions in
 * opposite orders, and Postgres then fails one with a deadlock after a second
 * (seen under bulk load in sourcing's status write-back). Only the chunks of
 * one partition number that alone exceed `maxEvents` still span transactions.
 */
function splitBySize(pending: readonly Pending[], maxEvents: number): Pending[][] {
  const byPartition = new Map<number, Pending[]>();
  for (const p of pending) {
    const chunks = byPartition.get(p.chunk.batch.partition);
    if (chunks) chunks.push(p);
    else byPartition.set(p.chunk.batch.partition, [p]);
  }
  const groups: Pending[][] = [];
  let current: Pending[] = [];
  let size = 0;
  const close = () => {
    if (current.length > 0) groups.push(current);
    current = [];
    size = 0;
  };
  for (const partition of [...byPartition.keys()].sort((a, b) => a - b)) {
    const chunks = byPartition.get(partition) as Pending[];
    const together = chunks.reduce((n, p) => n + p.chunk.items.length, 0);
    if (size + together > maxEvents) close();
    for (const p of chunks) {
      if (current.length > 0 && size + p.chunk.items.length > maxEvents) close();
      current.push(p);
      size += p.chunk.items.length;
    }
  }
  close();
  return groups;
}
