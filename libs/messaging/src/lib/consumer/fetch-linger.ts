// When a busy consumer fetches again. kafkajs fetches once every batch of the
// previous fetch is handled (fetcher.js: fetch, workerQueue.push, repeat), and
// with the broker answering at the first byte (minBytes 1) every event that
// arrives while the consumer is idle costs a fetch, a wake-up, a transaction
// and its round trips: the fixed work of a wake-up, once per event. A fetch
// that brought more than one event says events come faster than the consumer
// goes round; then the consumer holds its next fetch until `lingerMs` after
// that fetch was handed in, so the next one carries what arrived meanwhile.
// A fetch of a single event (an idle pipeline: one event per stage per
// candidate) is followed by the next fetch at once, so a lone event, or a
// candidate's stages one after another, wait for nothing. The wait runs after
// the batch committed and resolved its offsets: it delays only what has not
// been fetched yet. Unlike `minBytes`/`maxWaitTimeInMs`, which make the
// broker hold every fetch (an idle consumer then fetches every
// `maxWaitTimeInMs`), nothing waits and nothing is asked of the broker while
// no events come.

/** What the consumer knows of the fetch a batch came in. */
interface FetchSeen {
  /** kafkajs' FETCH_START count when the batch was handed in: batches of one fetch share it. */
  fetch: number;
  /** When its first batch was handed in (performance.now()). */
  at: number;
  /** Events of its batches handed in so far. */
  events: number;
}

export class FetchLinger {
  private fetchesStarted = 0;
  private current: FetchSeen | undefined;

  constructor(private readonly lingerMs: number) {
    if (!Number.isSafeInteger(lingerMs) || lingerMs < 0) throw new Error(`consumer fetch lingerMs must be a non-negative integer, got ${lingerMs}`);
  }

  get enabled(): boolean {
    return this.lingerMs > 0;
  }

  /** kafkajs starts a fetch (consumer.events.FETCH_START). */
  fetchStarted(): void {
    this.fetchesStarted++;
  }

  /**
   * A batch of `events` events is handed in at `now`. kafkajs hands in every
   * batch of a fetch before the next fetch starts, so batches seen between two
   * FETCH_STARTs belong to one fetch.
   */
  batchStarted(events: number, now: number): void {
    if (this.current?.fetch !== this.fetchesStarted) this.current = { fetch: this.fetchesStarted, at: now, events: 0 };
    this.current.events += events;
  }

  /** Milliseconds a batch that is done at `now` waits before it returns to kafkajs (0: return at once). */
  delayAfterBatch(now: number): number {
    const c = this.current;
    if (!this.enabled || !c || c.events < 2) return 0;
    return Math.max(0, c.at + this.lingerMs - now);
  }
}
