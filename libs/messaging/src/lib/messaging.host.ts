import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { BatchConsumer, type EventHandlerRegistration } from './batch-consumer';
import { ConsumerLag } from './consumer-lag';
import { CONSUME_EVENTS_METADATA, type ConsumeEventsOptions } from './consume-events.decorator';
import { contractsDecoder } from './contracts-adapter';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_DATA_SOURCE, MESSAGING_KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options';
import { OutboxRelay } from './outbox-relay';
import type { ConsumedEvent } from './types';
import type { MessagingLogger } from './util';

export function nestMessagingLogger(): MessagingLogger {
  const logger = new Logger('Messaging');
  const fmt = (m: string, c?: Record<string, unknown>): string => (c && Object.keys(c).length ? `${m} ${JSON.stringify(c)}` : m);
  return {
    log: (m, c) => logger.log(fmt(m, c)),
    warn: (m, c) => logger.warn(fmt(m, c)),
    error: (m, c) => logger.error(fmt(m, c)),
  };
}

/** Finds @ConsumeEvents methods, runs the batch consumer and the outbox relay for the app's lifetime. */
@Injectable()
export class MessagingHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: BatchConsumer | undefined;
  private unregisterLag: (() => void) | undefined;

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
  ) {}

  get batchConsumer(): BatchConsumer | undefined {
    return this.consumer;
  }

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
        const bound = (fn as (events: ConsumedEvent[], tx: EntityManager) => Promise<void>).bind(instance);
        found.push({ topic: meta.topic, types: meta.types, name: `${instance.constructor.name}.${method}`, handle: bound });
      }
    }
    return found;
  }

  async onApplicationBootstrap(): Promise<void> {
    const logger = this.options.logger ?? nestMessagingLogger();
    if (this.options.relay?.enabled !== false) await this.relay.start();
    if (this.options.consumer?.enabled === false) return;
    const handlers = this.discoverHandlers();
    if (handlers.length === 0) return;
    const c = this.options.consumer ?? {};
    this.consumer = new BatchConsumer(this.kafka, this.dataSource, {
      groupId: this.options.groupId,
      schema: this.options.schema,
      handlers,
      decode: this.options.decode ?? contractsDecoder,
      partitionsConsumedConcurrently: c.partitionsConsumedConcurrently,
      maxChunkSize: c.maxChunkSize,
      fromBeginning: c.fromBeginning,
      sessionTimeout: c.sessionTimeout,
      heartbeatInterval: c.heartbeatInterval,
      maxBytesPerPartition: c.maxBytesPerPartition,
      autoCommitInterval: c.autoCommitInterval,
      databaseProbe: c.databaseProbe,
      retry: this.options.retry,
      metrics: this.metrics,
      logger,
    });
    logger.log('starting consumer', { groupId: this.options.groupId, handlers: handlers.map((h) => `${h.topic} -> ${h.name}`) });
    await this.consumer.start();
    const topics = this.consumer.topics;
    this.unregisterLag = this.metrics.addLagSource(() => this.consumerLag.lag(this.options.groupId, topics));
  }

  /** Before TypeORM closes its pool: stop fetching, finish and commit the batch in hand, disconnect. */
  async beforeApplicationShutdown(): Promise<void> {
    this.unregisterLag?.();
    await this.consumer?.stop();
    await this.relay.stop();
  }
}
