// What the broker says about the pipeline's health: records waiting in each
// dead-letter topic and how far each consumer group is behind. Read with one
// kafkajs admin and the messaging library's ConsumerLag, and cached for
// MONITOR_BROKER_CACHE_MS so live pages and scrapes do not hammer the broker.
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { TOPIC_SPECS, TOPICS } from '@hiring/contracts';
import { ConsumerLag, MESSAGING_KAFKA, withTimeout } from '@hiring/messaging';
import type { Admin, Kafka } from 'kafkajs';
import { Clock } from '@hiring/platform';
import { MonitorConfig } from '../monitor.config';

export interface DeadLetterDepth {
  topic: string;
  /** Records kept in the topic now (high − low watermark). */
  depth: number;
  /** Records ever written (high watermark). */
  total: number;
}

export interface GroupLag {
  group: string;
  /** Kafka's group state: Stable, Empty (no live member), Dead (unknown group), ... */
  state: string;
  members: number;
  /** Sum over the group's topics; a group that never committed counts everything kept. */
  lag: number;
  topics: Array<{ topic: string; lag: number }>;
}

export interface BrokerBacklog {
  ok: boolean;
  checkedAt: string;
  error?: string;
  deadLetters: DeadLetterDepth[];
  groups: GroupLag[];
}

/**
 * The pipeline's consumer groups and the topics they read (each service's
 * @ConsumeEvents handlers, see its doc). Listed here because the broker can
 * only tell a group's topics once it has committed on them.
 */
export const PIPELINE_SUBSCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  sourcing: [TOPICS.submissions],
  // Sourcing's status write-back: one consumer for the three status topics (see docs/sourcing.md).
  'sourcing.progress': [TOPICS.candidateScreened, TOPICS.candidateScored, TOPICS.offerDecided],
  screening: [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback],
  scoring: [TOPICS.candidateScreened, TOPICS.candidateErased],
  offer: [TOPICS.candidateScored, TOPICS.candidateErased],
};

export const MONITOR_TOPICS: readonly string[] = [
  TOPICS.candidateSourced,
  TOPICS.candidateScreened,
  TOPICS.candidateScored,
  TOPICS.offerDecided,
  TOPICS.candidateErased,
];

const BROKER_TIMEOUT_MS = 4000;

@Injectable()
export class BrokerBacklogReader implements OnModuleDestroy {
  private readonly logger = new Logger(BrokerBacklogReader.name);
  private admin: Admin | undefined;
  private cached: { at: number; value: BrokerBacklog } | undefined;
  private inFlight: Promise<BrokerBacklog> | undefined;
  private readonly subscriptions: Record<string, readonly string[]>;

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    private readonly consumerLag: ConsumerLag,
    private readonly clock: Clock,
    private readonly config: MonitorConfig,
  ) {
    this.subscriptions = { ...PIPELINE_SUBSCRIPTIONS, [config.KAFKA_CONSUMER_GROUP ?? 'monitor']: MONITOR_TOPICS };
  }

  /** The cached reading, refreshed when older than the cache time; concurrent callers share one refresh. */
  async read(): Promise<BrokerBacklog> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < this.config.MONITOR_BROKER_CACHE_MS) return this.cached.value;
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async refresh(): Promise<BrokerBacklog> {
    let value: BrokerBacklog;
    try {
      value = await withTimeout(this.query(), BROKER_TIMEOUT_MS * 3, 'broker backlog');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`broker backlog unavailable: ${message}`);
      await this.resetAdmin();
      // Keep the last numbers on screen, marked stale.
      value = { ...(this.cached?.value ?? { deadLetters: [], groups: [] }), ok: false, error: message, checkedAt: this.clock.now().toISOString() };
    }
    this.cached = { at: this.clock.now().getTime(), value };
    return value;
  }

  private async query(): Promise<BrokerBacklog> {
    const admin = await this.connectedAdmin();
    const deadLetters: DeadLetterDepth[] = [];
    for (const spec of TOPIC_SPECS.filter((t) => t.name.endsWith('.dlq'))) {
      const offsets = await admin.fetchTopicOffsets(spec.name);
      deadLetters.push({
        topic: spec.name,
        depth: offsets.reduce((sum, o) => sum + Math.max(0, Number(o.high) - Number(o.low)), 0),
        total: offsets.reduce((sum, o) => sum + Number(o.high), 0),
      });
    }
    const names = Object.keys(this.subscriptions);
    const described = await admin.describeGroups(names);
    const groups: GroupLag[] = [];
    for (const group of names) {
      const info = described.groups.find((g) => g.groupId === group);
      const partitions = await this.consumerLag.lag(group, this.subscriptions[group]);
      const perTopic = new Map<string, number>();
      for (const p of partitions) perTopic.set(p.topic, (perTopic.get(p.topic) ?? 0) + p.lag);
      groups.push({
        group,
        state: info?.state ?? 'Unknown',
        members: info?.members.length ?? 0,
        lag: partitions.reduce((sum, p) => sum + p.lag, 0),
        topics: [...perTopic].map(([topic, lag]) => ({ topic, lag })),
      });
    }
    return { ok: true, checkedAt: this.clock.now().toISOString(), deadLetters, groups };
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await withTimeout(admin.connect(), BROKER_TIMEOUT_MS, 'kafka admin connect');
      this.admin = admin;
    }
    return this.admin;
  }

  private async resetAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.resetAdmin();
  }
}
