import type { KafkaConfig } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { RetryPolicy } from './failure-policy';
import type { DecodeFn } from './types';
import type { EventTopicResolver } from './outbox/outbox';
import type { MessagingLogger } from './util';

/** A named consumer's own settings; one of the two partition settings at most. */
export interface NamedConsumerOptions {
  /** Partitions in flight, whatever the topics the consumer reads. */
  partitionsConsumedConcurrently?: number;
  /**
   * Partitions in flight per topic the consumer's handlers read: a consumer
   * that took over the topics of several consumers keeps as many in flight
   * as they did together, and the count follows its handlers.
   */
  partitionsPerTopic?: number;
  /** After a fetch of several events, hold the next fetch this many ms after it (BatchConsumerOptions.fetchLingerMs). Default 0. */
  fetchLingerMs?: number;
}

export interface MessagingModuleOptions {
  clientId: string;
  groupId: string;
  brokers: string[];
  /** The service's Postgres schema holding outbox and inbox. */
  schema: string;
  /** CloudEvents `source` of the events this service produces, e.g. 'hiring/screening'. */
  source: string;
  /** Extra kafkajs client settings (ssl, sasl, connectionTimeout, ...). */
  kafka?: Omit<KafkaConfig, 'clientId' | 'brokers'>;
  /** Name of the TypeORM DataSource (TypeOrmModule) to use; default data source if omitted. */
  dataSourceName?: string;
  consumer?: {
    /** Set false in a process that only produces. Default true. */
    enabled?: boolean;
    partitionsConsumedConcurrently?: number;
    maxChunkSize?: number;
    fromBeginning?: boolean;
    sessionTimeout?: number;
    heartbeatInterval?: number;
    maxBytesPerPartition?: number;
    /** Fetch: bytes the broker gathers before it answers (kafkajs default 1: at once). See BatchConsumerOptions. */
    minBytes?: number;
    /** Fetch: how long the broker may wait for `minBytes` (kafkajs default 5000). */
    maxWaitTimeInMs?: number;
    /** Most bytes of one fetch over all partitions; default kafkajs' 10 MB. */
    maxBytes?: number;
    autoCommitInterval?: number;
    databaseProbe?: { initialDelayMs?: number; maxDelayMs?: number };
    /** Settings of a named consumer (ConsumeEventsOptions.consumer) that differ from the ones above. */
    named?: Record<string, NamedConsumerOptions>;
  };
  retry?: Partial<RetryPolicy>;
  relay?: {
    /** Default true. */
    enabled?: boolean;
    batchSize?: number;
    pollIntervalMs?: number;
    /** A busy relay's wait between claims (OutboxRelayOptions.lingerMs); services: OUTBOX_RELAY_LINGER_MS. */
    lingerMs?: number;
  };
  /**
   * Deleting inbox rows past their retention (inbox/inbox-pruner.ts); runs in
   * a process whose consumers claim events in the inbox. Services:
   * INBOX_RETENTION_DAYS, INBOX_PRUNE_INTERVAL_MS, INBOX_PRUNE_BATCH_SIZE.
   */
  inboxPrune?: {
    /** Rows processed longer ago are deleted; 0 (the library's default) keeps every row. Services: 7 days. */
    retentionMs?: number;
    /** Default 1 h. */
    intervalMs?: number;
    /** The first run after start; default 60 s. */
    firstDelayMs?: number;
    /** Rows per delete statement; default 5000. */
    batchSize?: number;
  };
  /** Bytes -> event; default: the contracts' parseEvent. */
  decode?: DecodeFn;
  /** Event -> topic and key for Outbox.enqueue of CloudEvents; default: the contracts' catalogue. */
  resolveTopic?: EventTopicResolver;
  /** Prometheus registry; default prom-client's global one. */
  registry?: Registry;
  logger?: MessagingLogger;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_KAFKA = Symbol('MESSAGING_KAFKA');
export const MESSAGING_DATA_SOURCE = Symbol('MESSAGING_DATA_SOURCE');
