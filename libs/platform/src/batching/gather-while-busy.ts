// Natural batching without a timer. Work handed in during one turn of the
// event loop, or while the previous group runs, is handled as one group:
// at idle a group holds what one caller brought, under load it grows with
// what queued meanwhile. Used where a write costs the same for one part as for
// many (a transaction, an upsert): the consumer's group commit
// (libs/messaging) and the monitor's read model.

export class GatherWhileBusy<P> {
  private pending: P[] = [];
  private scheduled = false;
  private running = false;

  /**
   * `runGroup` gets the parts gathered, in the order they were handed in, and
   * settles each part's caller itself. It must not reject: the parts' callers
   * would never hear, so a rejection is a bug and surfaces as an unhandled one.
   */
  constructor(private readonly runGroup: (parts: P[]) => Promise<void>) {}

  add(part: P): void {
    this.pending.push(part);
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // The next turn rather than this one: the other parts of the same fetch or request burst are handed in during this one.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  /** Parts handed in and not yet given to a group. */
  get waiting(): number {
    return this.pending.length;
  }

  /** One group at a time; what arrives meanwhile is the next. */
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) await this.runGroup(this.pending.splice(0));
    } finally {
      this.running = false;
    }
  }
}
