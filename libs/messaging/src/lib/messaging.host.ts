import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { BatchConsumer } from './consumer/batch-consumer';
import type { OffsetTakeOver } from './consumer/offset-take-over';
import type { EventHandlerRegistration } from './consumer/handler-table';
import { ConsumerLag } from './consumer-lag';
import { CONSUME_EVENTS_METADATA, type ConsumeEventsOptions, type EventBatchHandler } from './consume-events.decorator';
import { contractsDecoder } from './contracts-adapter';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_DATA_SOURCE, MESSAGING_KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions, type NamedConsumerOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';
import { InboxPruner } from './inbox/inbox-pruner';
import type { MessagingLogger } from './util';
import type { ConsumedEvent } from './types';

export function nestMessagingLogger(): MessagingLogger {
  const logger = new Logger('Messaging');
  const fmt = (m: string, c?: Record<string, unknown>): string => (c && Object.keys(c).length ? `${m} ${JSON.stringify(c)}` : m);
  return {
    log: (m, c) => logger.log(fmt(m, c)),
    warn: (m, c) => logger.warn(fmt(m, c)),
    error: (m, c) => logger.error(fmt(m, c)),
  };
}

/**
 * Finds @ConsumeEvents methods, runs the batch consumer and the outbox relay
 * for the app's lifetime, and the inbox pruner when a consumer claims events
 * in the inbox.
 */
@Injectable()
export class MessagingHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumers: BatchConsumer[] = [];
  private unregisterLag: Array<() => void> = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
    private readonly relay: OutboxRelay,
    private readonly consumerLag: ConsumerLag,
    private readonly inboxPruner: InboxPruner,
  ) {}

  discoverHandlers(): EventHandlerRegistration[] {
    const found: EventHandlerRegistration[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const meta = this.reflector.get<ConsumeEventsOptions | undefined>(CONSUME_EVENTS_METADATA, fn as (...a: unknown[]) => unknown);
        if (!meta) continue;
        const bound = (fn as EventBatchHandler).bind(instance);
        const name = `${instance.constructor.name}.${method}`;
        found.push({ topic: meta.topic, types: meta.types, name, handle: bound, prepare: this.prepareOf(instance, meta, name), decode: meta.decode, consumer: meta.consumer, takesOverFrom: meta.takesOverFrom, inbox: meta.inbox, transaction: meta.transaction });
      }
    }
    return found;
  }

  /** The provider's method named by `prepare`, bound; a name that is not a method stops the boot. */
  private prepareOf(instance: object, meta: ConsumeEventsOptions, handler: string): EventHandlerRegistration['prepare'] {
    if (meta.prepare === undefined) return undefined;
    const fn = (instance as Record<string, unknown>)[meta.prepare];
    if (typeof fn !== 'function') throw new Error(`${handler}: prepare "${meta.prepare}" is not a method of ${instance.constructor.name}`);
    return (fn as (events: ConsumedEvent[]) => Promise<unknown>).bind(instance);
  }

  private stopping = false;
  private readonly abort = new AbortController();
  private startup: Promise<void> | undefined;

  /**
   * Kafka may be unreachable when the service boots. The service still starts
   * (live, and not ready: readiness checks Kafka) and keeps trying with
   * backoff, instead of crashing into a restart loop.
   */
  onApplicationBootstrap(): void {
    // The pruner needs only Postgres: it does not wait for Kafka.
    if (this.options.consumer?.enabled !== false && usesInbox(this.discoverHandlers())) this.inboxPruner.start();
    this.startup = this.startUntilConnected(this.options.logger ?? nestMessagingLogger());
  }

  /** Resolves once the relay and consumer run (or the app stops first). */
  whenStarted(): Promise<void> {
    return this.startup ?? Promise.resolve();
  }

  private async startUntilConnected(logger: MessagingLogger): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt += 1) {
      try {
        await this.startOnce(logger);
        return;
      } catch (err) {
        await this.stopConsumers();
        const waitMs = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
        logger.warn('messaging could not start; retrying', { attempt, waitMs, error: err instanceof Error ? err.message : String(err) });
        await sleep(waitMs, undefined, { signal: this.abort.signal }).catch(() => undefined);
      }
    }
  }

  /** One attempt to connect the relay and the consumer; throws when Kafka does not answer. */
  private async startOnce(logger: MessagingLogger): Promise<void> {
    if (this.options.relay?.enabled !== false) await this.relay.start();
    if (this.options.consumer?.enabled === false) return;
    const handlers = this.discoverHandlers();
    if (handlers.length === 0) return;
    for (const [name, own] of byConsumer(handlers)) {
      const groupId = consumerGroupId(this.options.groupId, name);
      const consumer = this.batchConsumer(groupId, name, own, logger);
      this.consumers.push(consumer);
      logger.log('starting consumer', { groupId, handlers: own.map((h) => `${h.topic} -> ${h.name}`) });
      await consumer.start();
    }
    for (const consumer of this.consumers) {
      const { groupId, topics } = consumer;
      this.unregisterLag.push(this.metrics.addLagSource(() => this.consumerLag.lag(groupId, topics)));
    }
  }

  private batchConsumer(groupId: string, name: string | undefined, handlers: EventHandlerRegistration[], logger: MessagingLogger): BatchConsumer {
    const c = this.options.consumer ?? {};
    const own = name !== undefined ? c.named?.[name] : undefined;
    return new BatchConsumer(this.kafka, this.dataSource, {
      groupId,
      // One inbox per service whatever the Kafka group: moving a topic to its own consumer replays nothing.
      inboxGroup: this.options.groupId,
      schema: this.options.schema,
      handlers,
      decode: this.options.decode ?? contractsDecoder,
      partitionsConsumedConcurrently: namedPartitionsInFlight(name, own, handlers) ?? c.partitionsConsumedConcurrently,
      takeOver: formerGroups(this.options.groupId, handlers),
      maxChunkSize: c.maxChunkSize,
      fromBeginning: c.fromBeginning,
      sessionTimeout: c.sessionTimeout,
      heartbeatInterval: c.heartbeatInterval,
      maxBytesPerPartition: c.maxBytesPerPartition,
      minBytes: c.minBytes,
      maxWaitTimeInMs: c.maxWaitTimeInMs,
      maxBytes: c.maxBytes,
      autoCommitInterval: c.autoCommitInterval,
      fetchLingerMs: own?.fetchLingerMs,
      databaseProbe: c.databaseProbe,
      retry: this.options.retry,
      metrics: this.metrics,
      logger,
    });
  }

  private async stopConsumers(): Promise<void> {
    for (const unregister of this.unregisterLag.splice(0)) unregister();
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((c) => c.stop().catch(() => undefined)));
  }

  /** Before TypeORM closes its pool: stop fetching, finish and commit the batch in hand, disconnect. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    // A connect attempt in flight is not abortable; give it a bounded moment.
    await Promise.race([this.startup, sleep(5_000, undefined, { ref: false })]);
    await this.stopConsumers();
    await this.relay.stop();
    await this.inboxPruner.stop();
    await this.consumerLag.close();
  }
}

/** Whether any handler's events are claimed in the inbox (a topic keeps it unless every handler of it says inbox: false). */
export function usesInbox(handlers: readonly EventHandlerRegistration[]): boolean {
  return handlers.some((h) => h.inbox !== false);
}

/**
 * A named consumer's partitions in flight, when its settings give them:
 * `partitionsPerTopic` times the distinct topics of its handlers, so the
 * count cannot fall behind when a topic joins or leaves it.
 */
export function namedPartitionsInFlight(name: string | undefined, own: NamedConsumerOptions | undefined, handlers: readonly EventHandlerRegistration[]): number | undefined {
  if (own?.partitionsConsumedConcurrently !== undefined && own.partitionsPerTopic !== undefined) {
    throw new Error(`consumer ${name}: set partitionsConsumedConcurrently or partitionsPerTopic, not both`);
  }
  if (own?.partitionsPerTopic !== undefined) return own.partitionsPerTopic * new Set(handlers.map((h) => h.topic)).size;
  return own?.partitionsConsumedConcurrently;
}

/** The Kafka group of a service's consumer: the service's group, or `<group>.<name>` for a named one. */
export function consumerGroupId(serviceGroup: string, consumer?: string): string {
  return consumer ? `${serviceGroup}.${consumer}` : serviceGroup;
}

/** The topics that name a former consumer, with its Kafka group (ConsumeEventsOptions.takesOverFrom). */
export function formerGroups(serviceGroup: string, handlers: readonly EventHandlerRegistration[]): OffsetTakeOver[] {
  const out = new Map<string, string>();
  for (const h of handlers) {
    if (h.takesOverFrom === undefined) continue;
    const fromGroup = consumerGroupId(serviceGroup, h.takesOverFrom);
    if (out.has(h.topic) && out.get(h.topic) !== fromGroup) throw new Error(`${h.name}: every handler of ${h.topic} must name the same former consumer`);
    out.set(h.topic, fromGroup);
  }
  return [...out].map(([topic, fromGroup]) => ({ topic, fromGroup }));
}

/**
 * Handlers grouped by the consumer they run in. A topic belongs to one
 * consumer: two groups reading it would share the inbox, and the second to
 * claim an event would skip its handlers.
 */
export function byConsumer(handlers: readonly EventHandlerRegistration[]): Map<string | undefined, EventHandlerRegistration[]> {
  const out = new Map<string | undefined, EventHandlerRegistration[]>();
  const topicConsumer = new Map<string, string | undefined>();
  for (const h of handlers) {
    if (topicConsumer.has(h.topic) && topicConsumer.get(h.topic) !== h.consumer) {
      throw new Error(`${h.name}: every handler of ${h.topic} must run in the same consumer (${topicConsumer.get(h.topic) ?? 'main'} vs ${h.consumer ?? 'main'})`);
    }
    topicConsumer.set(h.topic, h.consumer);
    out.set(h.consumer, [...(out.get(h.consumer) ?? []), h]);
  }
  return out;
}
