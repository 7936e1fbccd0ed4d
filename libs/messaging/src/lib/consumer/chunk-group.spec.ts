import { ChunkGroupCommit, type ChunkOfPartition, type GroupOutcome } from './chunk-group';
import type { DecodedItem } from './chunk-decoder';
import type { PartitionBatch } from './partition-batch';

/** A chunk of `size` events of partition `partition` (only what the group looks at). */
function chunk(partition: number, size = 1): ChunkOfPartition {
  return { batch: { topic: 't', partition } as PartitionBatch, items: Array.from({ length: size }, () => ({}) as DecodedItem) };
}

/** A transaction that records the chunks it got and ends when the test says so. */
function controlledTransaction(fails: (chunks: readonly ChunkOfPartition[]) => boolean = () => false) {
  const groups: number[][] = [];
  const finish: Array<() => void> = [];
  const apply = (chunks: readonly ChunkOfPartition[]) =>
    new Promise<void>((resolve, reject) => {
      groups.push(chunks.map((c) => c.batch.partition));
      finish.push(() => (fails(chunks) ? reject(new Error('refused')) : resolve()));
    });
  return { groups, finish, apply };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('ChunkGroupCommit: one transaction for the chunks of several partitions', () => {
  it('applies the chunks handed in during one turn together, and settles each only after that transaction', async () => {
    const tx = controlledTransaction();
    const commit = new ChunkGroupCommit(tx.apply, 500);
    const settled: GroupOutcome[] = [];
    const all = [0, 1, 2].map((p) => commit.submit(chunk(p)).then((o) => settled.push(o)));
    await turn();
    expect(tx.groups).toEqual([[0, 1, 2]]);
    expect(settled).toEqual([]);
    tx.finish[0]();
    await Promise.all(all);
    expect(settled).toEqual([{ committed: true }, { committed: true }, { committed: true }]);
  });

  it('gathers what arrives during a transaction into the next one', async () => {
    const tx = controlledTransaction();
    const commit = new ChunkGroupCommit(tx.apply, 500);
    const first = commit.submit(chunk(0));
    await turn();
    const next = [commit.submit(chunk(1)), commit.submit(chunk(2))];
    await turn();
    expect(tx.groups).toEqual([[0]]); // one transaction at a time
    tx.finish[0]();
    await first;
    await turn();
    expect(tx.groups).toEqual([[0], [1, 2]]);
    tx.finish[1]();
    expect(await Promise.all(next)).toEqual([{ committed: true }, { committed: true }]);
  });

  it('hands every chunk of a failed group back to its caller; a lone chunk gets its failure to go on from', async () => {
    const tx = controlledTransaction(() => true);
    const failed: Array<[number, unknown]> = [];
    const commit = new ChunkGroupCommit(tx.apply, 500, (size, failure) => failed.push([size, failure]));
    const group = [commit.submit(chunk(0)), commit.submit(chunk(1))];
    await turn();
    tx.finish[0]();
    const outcomes = await Promise.all(group);
    expect(outcomes.map((o) => [o.committed, !o.committed && o.alone])).toEqual([[false, false], [false, false]]);
    expect(failed).toHaveLength(1);
    const lone = commit.submit(chunk(2));
    await turn();
    tx.finish[1]();
    const outcome = await lone;
    expect(outcome.committed === false && outcome.alone && (outcome.failure as Error).message).toBe('refused');
    expect(failed).toHaveLength(1); // a lone chunk's failure is its own, not a group's
  });

  it('never puts more than maxEvents in one transaction: the rest go in others, side by side', async () => {
    const tx = controlledTransaction();
    const commit = new ChunkGroupCommit(tx.apply, 10);
    const all = [commit.submit(chunk(0, 6)), commit.submit(chunk(1, 4)), commit.submit(chunk(2, 3)), commit.submit(chunk(3, 12))];
    await turn();
    expect(tx.groups).toEqual([[0, 1], [2], [3]]);
    tx.finish.forEach((f) => f());
    expect((await Promise.all(all)).every((o) => o.committed)).toBe(true);
  });

  it('splits by partition number: one partition of several topics stays in one of the side-by-side transactions', async () => {
    const tx = controlledTransaction();
    const commit = new ChunkGroupCommit(tx.apply, 8);
    const of = (topic: string, partition: number, size: number): ChunkOfPartition => ({ ...chunk(partition, size), batch: { topic, partition } as PartitionBatch });
    // Arrival order: a fetch of `screened` partitions, then one of `scored`.
    const all = [of('screened', 0, 4), of('screened', 1, 1), of('scored', 0, 2), of('scored', 1, 3)].map((c) => commit.submit(c));
    await turn();
    // Not [[0, 1, 0], [1]] (arrival order) nor [[0, 0, 1], [1]] (partition order alone): in both, two
    // transactions would lock rows of partition 1, topic by topic.
    expect(tx.groups).toEqual([[0, 0], [1, 1]]);
    tx.finish.forEach((f) => f());
    expect((await Promise.all(all)).every((o) => o.committed)).toBe(true);
  });
});
