// Group commit for the read model: the monitor's consumer hands over every
// partition batch of a fetch at once (five topics, six partitions each), and
// writing each on its own cost one upsert per batch (about 14 rows a call, and
// a candidate's row written once per topic). Here the batches handed in during
// one turn of the event loop, or while the previous write runs, become one
// write, and each caller's promise settles only once the write holding its part
// is durable: the consumer resolves offsets after that, as before.

import { GatherWhileBusy } from '@hiring/platform';

interface Part<T> {
  items: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private readonly gather = new GatherWhileBusy<Part<T>>((group) => this.writeGroup(group));

  /** `write` gets the items of every caller of the group, in the order they were handed in. */
  constructor(private readonly write: (items: readonly T[]) => Promise<void>) {}

  /** Resolves when `items` are written (with others' or, after a failed group write, alone); rejects with that write's error. */
  submit(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.gather.add({ items, resolve, reject }));
  }

  private async writeGroup(group: Array<Part<T>>): Promise<void> {
    try {
      await this.write(group.flatMap((p) => p.items));
      for (const p of group) p.resolve();
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
    }
    // One caller's bad part must not fail the others' (the consumer would then
    // split and dead-letter innocent events): each part alone, its own outcome.
    for (const p of group) {
      try {
        await this.write(p.items);
        p.resolve();
      } catch (error) {
        p.reject(error);
      }
    }
  }
}
