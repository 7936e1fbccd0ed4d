/**
 * Who writes next, when single submissions are written in groups: plain
 * state, no I/O, no timer. An item that finds nothing in flight goes at once
 * (a group of one: an idle request waits for nobody); one that arrives while
 * a group is in flight waits, and when that group finishes everything waiting
 * (up to `maxItems`, oldest first) goes as the next group. So the group
 * size follows the load: one at idle, larger as requests overlap.
 */
export class GroupQueue<T> {
  private readonly queue: T[] = [];
  private busy = false;

  constructor(private readonly maxItems: number) {
    if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error(`a group holds at least one item, not ${maxItems}`);
  }

  /** An item arrives: the group to write now (it alone) when none is in flight, otherwise undefined (it waits). */
  arrive(item: T): T[] | undefined {
    if (this.busy) {
      this.queue.push(item);
      return undefined;
    }
    this.busy = true;
    return [item];
  }

  /** The group in flight is written: the next group (the oldest waiting, at most maxItems), or undefined and idle. */
  finished(): T[] | undefined {
    if (this.queue.length === 0) {
      this.busy = false;
      return undefined;
    }
    return this.queue.splice(0, this.maxItems);
  }

  /** Items waiting for the group in flight to finish. */
  get waiting(): number {
    return this.queue.length;
  }

  get inFlight(): boolean {
    return this.busy;
  }
}
