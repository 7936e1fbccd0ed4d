import { Counter, Gauge, Histogram, register as defaultRegistry, type Registry } from 'prom-client';

function getOrCreate<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

const sourcesByRegistry = new WeakMap<
  Registry,
  { backlog: Map<string, () => Promise<OutboxBacklog>>; lag: Set<() => Promise<LagSample[]>> }
>();

export interface OutboxBacklog {
  count: number;
  oldestAgeSeconds: number;
  /** Rows Kafka refused as too large, kept in the parked table (not part of count). */
  parked: number;
}

export interface LagSample {
  groupId: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * The transport's Prometheus metrics. Several instances (or tests) may share a
 * registry: metrics are looked up by name before being created.
 */
export class MessagingMetrics {
  readonly consumed: Counter<'topic'>;
  readonly processed: Counter<'topic'>;
  readonly duplicates: Counter<'topic'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly retried: Counter<'topic'>;
  readonly batchSeconds: Histogram<'topic'>;
  readonly fetchBytesReleased: Counter<'topic'>;
  readonly transactions: Counter<'group' | 'chunks'>;
  readonly offsetCommits: Counter<'group'>;
  readonly fetchLingers: Counter<'group'>;
  readonly published: Counter<'topic'>;
  readonly parked: Counter<'topic'>;
  readonly outboxBacklog: Gauge<'schema'>;
  readonly outboxParked: Gauge<'schema'>;
  readonly outboxOldestAge: Gauge<'schema'>;
  readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  readonly paused: Gauge<'topic'>;
  readonly inboxPruned: Counter<'schema'>;
  readonly inboxPruneRuns: Counter<'schema' | 'outcome'>;
  readonly inboxPruneSeconds: Gauge<'schema'>;

  private readonly backlogSources: Map<string, () => Promise<OutboxBacklog>>;
  private readonly lagSources: Set<() => Promise<LagSample[]>>;

  constructor(readonly registry: Registry = defaultRegistry) {
    const registers = [registry];
    // Collectors are shared by every MessagingMetrics on the same registry.
    let sources = sourcesByRegistry.get(registry);
    if (!sources) {
      sources = { backlog: new Map(), lag: new Set() };
      sourcesByRegistry.set(registry, sources);
    }
    this.backlogSources = sources.backlog;
    this.lagSources = sources.lag;
    this.consumed = getOrCreate(registry, 'messaging_messages_consumed_total', () =>
      new Counter({ name: 'messaging_messages_consumed_total', help: 'Kafka messages received by the batch transport', labelNames: ['topic'], registers }),
    );
    this.processed = getOrCreate(registry, 'messaging_messages_processed_total', () =>
      new Counter({ name: 'messaging_messages_processed_total', help: 'Events whose effect committed', labelNames: ['topic'], registers }),
    );
    this.duplicates = getOrCreate(registry, 'messaging_messages_duplicate_total', () =>
      new Counter({ name: 'messaging_messages_duplicate_total', help: 'Events skipped because the inbox already had them', labelNames: ['topic'], registers }),
    );
    this.deadLettered = getOrCreate(registry, 'messaging_messages_dead_lettered_total', () =>
      new Counter({ name: 'messaging_messages_dead_lettered_total', help: 'Messages sent to the dead-letter topic', labelNames: ['topic', 'reason'], registers }),
    );
    this.retried = getOrCreate(registry, 'messaging_messages_retried_total', () =>
      new Counter({ name: 'messaging_messages_retried_total', help: 'In-process retries of a batch or message', labelNames: ['topic'], registers }),
    );
    this.batchSeconds = getOrCreate(registry, 'messaging_batch_duration_seconds', () =>
      new Histogram({
        name: 'messaging_batch_duration_seconds',
        help: 'Time to process one batch chunk (decode, inbox, handler, commit)',
        labelNames: ['topic'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
    );
    this.fetchBytesReleased = getOrCreate(registry, 'messaging_fetch_bytes_released_total', () =>
      new Counter({
        name: 'messaging_fetch_bytes_released_total',
        help: 'Bytes of fetched record batches freed when their batch was done (kafka-fetch-buffers.ts), not left to a full collection',
        labelNames: ['topic'],
        registers,
      }),
    );
    this.offsetCommits = getOrCreate(registry, 'messaging_consumer_offset_commits_total', () =>
      new Counter({ name: 'messaging_consumer_offset_commits_total', help: 'OffsetCommit requests a consumer group sent (at most one per autoCommitInterval while events flow)', labelNames: ['group'], registers }),
    );
    this.fetchLingers = getOrCreate(registry, 'messaging_consumer_fetch_lingers_total', () =>
      new Counter({ name: 'messaging_consumer_fetch_lingers_total', help: 'Batches after which a busy consumer held its next fetch back (consumer fetchLingerMs)', labelNames: ['group'], registers }),
    );
    this.transactions = getOrCreate(registry, 'messaging_consumer_transactions_total', () =>
      new Counter({
        name: 'messaging_consumer_transactions_total',
        help: 'Transactions a consumer opened to apply chunks; chunks = "group" for one holding several partitions\' chunks, "one" otherwise',
        labelNames: ['group', 'chunks'],
        registers,
      }),
    );
    this.published = getOrCreate(registry, 'messaging_outbox_published_total', () =>
      new Counter({ name: 'messaging_outbox_published_total', help: 'Outbox records published by the relay', labelNames: ['topic'], registers }),
    );
    this.parked = getOrCreate(registry, 'messaging_outbox_parked_total', () =>
      new Counter({ name: 'messaging_outbox_parked_total', help: 'Outbox records Kafka refused as too large, moved to the parked table', labelNames: ['topic'], registers }),
    );
    this.paused = getOrCreate(registry, 'messaging_consumer_paused', () =>
      new Gauge({ name: 'messaging_consumer_paused', help: '1 while a topic is paused (database unavailable)', labelNames: ['topic'], registers }),
    );
    this.inboxPruned = getOrCreate(registry, 'messaging_inbox_pruned_total', () =>
      new Counter({ name: 'messaging_inbox_pruned_total', help: 'Inbox rows deleted as older than the retention', labelNames: ['schema'], registers }),
    );
    this.inboxPruneRuns = getOrCreate(registry, 'messaging_inbox_prune_runs_total', () =>
      new Counter({
        name: 'messaging_inbox_prune_runs_total',
        help: 'Inbox prune runs by outcome: done, contended (another instance held the lock), stopped, failed',
        labelNames: ['schema', 'outcome'],
        registers,
      }),
    );
    this.inboxPruneSeconds = getOrCreate(registry, 'messaging_inbox_prune_last_duration_seconds', () =>
      new Gauge({ name: 'messaging_inbox_prune_last_duration_seconds', help: 'How long the last inbox prune run took', labelNames: ['schema'], registers }),
    );
    const backlogSources = this.backlogSources;
    /** A gauge per schema, set on scrape from one field of each backlog source. */
    const backlogGauge = (name: string, help: string, field: keyof OutboxBacklog): Gauge<'schema'> =>
      getOrCreate(registry, name, () =>
        new Gauge({
          name,
          help,
          labelNames: ['schema'],
          registers,
          async collect() {
            for (const [schema, source] of backlogSources) {
              try {
                this.set({ schema }, (await source())[field]);
              } catch {
                // a scrape must not fail because the database is down; keep the last value
              }
            }
          },
        }),
      );
    this.outboxBacklog = backlogGauge('messaging_outbox_backlog', 'Unpublished outbox records', 'count');
    this.outboxOldestAge = backlogGauge('messaging_outbox_oldest_age_seconds', 'Age of the oldest unpublished outbox record', 'oldestAgeSeconds');
    this.outboxParked = backlogGauge(
      'messaging_outbox_parked',
      'Outbox records in the parked table (refused by Kafka as too large), waiting for an operator',
      'parked',
    );
    const lagSources = this.lagSources;
    this.consumerLag = getOrCreate(registry, 'messaging_consumer_lag', () =>
      new Gauge({
        name: 'messaging_consumer_lag',
        help: 'Messages behind the high watermark, per group and partition',
        labelNames: ['group', 'topic', 'partition'],
        registers,
        async collect() {
          // Every group at once; a group whose lag cannot be read (broker unreachable) keeps its last values.
          const read = await Promise.allSettled([...lagSources].map((source) => source()));
          for (const r of read) {
            if (r.status === 'fulfilled') for (const s of r.value) this.set({ group: s.groupId, topic: s.topic, partition: String(s.partition) }, s.lag);
          }
        },
      }),
    );
  }

  addBacklogSource(schema: string, source: () => Promise<OutboxBacklog>): () => void {
    this.backlogSources.set(schema, source);
    return () => {
      if (this.backlogSources.get(schema) === source) this.backlogSources.delete(schema);
    };
  }

  addLagSource(source: () => Promise<LagSample[]>): () => void {
    this.lagSources.add(source);
    return () => this.lagSources.delete(source);
  }
}
