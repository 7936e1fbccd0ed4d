import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type OptionalFactoryDependency, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { ServiceConfig } from '@hiring/platform';
import { serviceSource } from '@hiring/contracts';
import { MessagingReadiness } from './messaging.readiness';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { catalogueTopicResolver } from './contracts-adapter';
import { ConsumerLag } from './consumer-lag';
import { MessagingHealth } from './messaging.health';
import { MessagingHost, nestMessagingLogger } from './messaging.host';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_DATA_SOURCE, MESSAGING_KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options';
import { EventPublisher } from './outbox/event-publisher';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { ParkedEvents } from './outbox/parked-events';
import { ParkedEventsController } from './outbox/parked-events.controller';
import { stopIdleRequestQueueTimers } from './kafka-request-queue';
import { streamlineKafkaEncoder } from './kafka-encoder';
import { copyFetchedRecordBatches } from './kafka-fetch-buffers';
import { noDelaySocketFactory } from './kafka-socket';
import { InboxPruner } from './inbox/inbox-pruner';
import { DAY_MS } from './inbox/inbox-retention';

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
  /** Needed up front to pick the TypeORM DataSource to inject. */
  dataSourceName?: string;
}

function providers(dataSourceName: string | undefined): Provider[] {
  return [
    { provide: MESSAGING_DATA_SOURCE, useExisting: getDataSourceToken(dataSourceName) },
    {
      provide: MESSAGING_KAFKA,
      inject: [MESSAGING_OPTIONS],
      useFactory: (o: MessagingModuleOptions) => {
        stopIdleRequestQueueTimers();
        streamlineKafkaEncoder();
        copyFetchedRecordBatches();
        return new Kafka({ logLevel: logLevel.WARN, socketFactory: noDelaySocketFactory, ...o.kafka, clientId: o.clientId, brokers: o.brokers });
      },
    },
    { provide: MessagingMetrics, inject: [MESSAGING_OPTIONS], useFactory: (o: MessagingModuleOptions) => new MessagingMetrics(o.registry) },
    {
      provide: Outbox,
      inject: [MESSAGING_OPTIONS],
      useFactory: (o: MessagingModuleOptions) => new Outbox(o.schema, o.resolveTopic ?? catalogueTopicResolver),
    },
    { provide: EventPublisher, inject: [Outbox, MESSAGING_OPTIONS], useFactory: (outbox: Outbox, o: MessagingModuleOptions) => new EventPublisher(outbox, o.source) },
    {
      provide: OutboxRelay,
      inject: [MESSAGING_OPTIONS, MESSAGING_KAFKA, MESSAGING_DATA_SOURCE, MessagingMetrics],
      useFactory: (o: MessagingModuleOptions, kafka: Kafka, ds: DataSource, metrics: MessagingMetrics) =>
        new OutboxRelay(kafka, ds, { schema: o.schema, ...o.relay, metrics, logger: o.logger ?? nestMessagingLogger() }),
    },
    {
      provide: InboxPruner,
      inject: [MESSAGING_OPTIONS, MESSAGING_DATA_SOURCE, MessagingMetrics],
      useFactory: (o: MessagingModuleOptions, ds: DataSource, metrics: MessagingMetrics) =>
        new InboxPruner(ds, { schema: o.schema, ...o.inboxPrune, metrics, logger: o.logger ?? nestMessagingLogger() }),
    },
    { provide: ParkedEvents, inject: [MESSAGING_DATA_SOURCE, MESSAGING_OPTIONS], useFactory: (ds: DataSource, o: MessagingModuleOptions) => new ParkedEvents(ds, o.schema) },
    { provide: ConsumerLag, inject: [MESSAGING_KAFKA], useFactory: (kafka: Kafka) => new ConsumerLag(kafka, { keepConnected: true }) },
    {
      provide: MessagingHealth,
      inject: [MESSAGING_KAFKA, MESSAGING_DATA_SOURCE, OutboxRelay],
      useFactory: (kafka: Kafka, ds: DataSource, relay: OutboxRelay) => new MessagingHealth(kafka, ds, relay),
    },
    MessagingHost,
  ];
}

const exported = [Outbox, EventPublisher, OutboxRelay, InboxPruner, ParkedEvents, MessagingMetrics, MessagingHealth, ConsumerLag, MessagingHost, MESSAGING_KAFKA, MESSAGING_OPTIONS];

/**
 * Kafka batch transport + transactional outbox/inbox for one service. Global:
 * handler providers anywhere in the app can inject Outbox.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...providers(options.dataSourceName)],
      exports: exported,
    };
  }

  /**
   * The pipeline's convention for one service: its schema holds outbox and
   * inbox, its name is the consumer group (unless configured) and the
   * CloudEvents source.
   */
  static forService(service: string, config: ServiceConfig, overrides: Partial<MessagingModuleOptions> = {}): DynamicModule {
    const { consumer, relay, inboxPrune, ...rest } = overrides;
    const module = MessagingModule.forRoot({
      clientId: `${service}-${config.INSTANCE_ID}`,
      groupId: config.KAFKA_CONSUMER_GROUP ?? service,
      brokers: config.kafkaBrokers,
      kafka: config.kafkaSecurity,
      schema: service,
      source: serviceSource(service),
      consumer: {
        partitionsConsumedConcurrently: config.KAFKA_CONSUMER_CONCURRENCY,
        maxChunkSize: config.KAFKA_CONSUMER_MAX_CHUNK,
        maxBytes: config.KAFKA_CONSUMER_MAX_BYTES,
        maxBytesPerPartition: config.KAFKA_CONSUMER_MAX_BYTES_PER_PARTITION,
        fromBeginning: config.KAFKA_CONSUMER_FROM_BEGINNING === 'true',
        // A crashed member holds its partitions until its session expires (no static membership in kafkajs 2.2.4).
        sessionTimeout: config.KAFKA_SESSION_TIMEOUT_MS,
        heartbeatInterval: Math.max(500, Math.floor(config.KAFKA_SESSION_TIMEOUT_MS / 10)),
        // A service's own consumer settings go on top of these instead of replacing them all.
        ...consumer,
      },
      relay: { lingerMs: config.OUTBOX_RELAY_LINGER_MS, ...relay },
      inboxPrune: {
        retentionMs: config.INBOX_RETENTION_DAYS * DAY_MS,
        intervalMs: config.INBOX_PRUNE_INTERVAL_MS,
        batchSize: config.INBOX_PRUNE_BATCH_SIZE,
        ...inboxPrune,
      },
      ...rest,
    });
    // /health/ready of the service includes the transport's own Kafka client; the ops
    // routes over parked outbox rows need the platform's ops token guard, as a service has.
    return { ...module, providers: [...(module.providers ?? []), MessagingReadiness], controllers: [ParkedEventsController] };
  }

  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        ...providers(options.dataSourceName),
      ],
      exports: exported,
    };
  }
}
