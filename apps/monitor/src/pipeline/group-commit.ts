// Group commit for the read model: the monitor's consumer hands over every
// partition batch of a fetch at once (five topics, six partitions each), and
// writing each on its own cost one upsert per batch (about 14 rows a call, and
// a candidate's row written once per topic). Here the batches handed in during
// one turn of the event loop, or while the previous write runs, become one
// write, and each caller's promise settles only once the write holding its part
// is durable: the consumer resolves offsets after that, as before.

interface Part<T> {
  items: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private pending: Array<Part<T>> = [];
  private scheduled = false;
  private writing = false;

  /** `write` gets the items of every caller of the group, in the order they were handed in. */
  constructor(private readonly write: (items: readonly T[]) => Promise<void>) {}

  /** Resolves when `items` are written (with others' or, after a failed group write, alone); rejects with that write's error. */
  submit(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    // The next turn rather than this one: the other batches of the same fetch are handed in during this one.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  /** One write at a time; what arrived meanwhile is the next group. */
  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) await this.writeGroup(this.pending.splice(0));
    } finally {
      this.writing = false;
    }
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
