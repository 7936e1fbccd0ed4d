import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

/** How the service authenticates to Kafka; the shape kafkajs takes for `ssl` and `sasl`. */
export interface KafkaClientSecurity {
  ssl: boolean;
  sasl?: { mechanism: 'scram-sha-512'; username: string; password: string };
}

/**
 * What every service needs. Apps extend it with their own variables; the
 * property names are the environment variable names, so the README table and
 * the error messages say the same thing.
 */
export class ServiceConfig {
  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** Listen address: loopback on a laptop, 0.0.0.0 in a container. */
  @IsString() @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsString() @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /**
   * SCRAM-SHA-512 credentials (e.g. of a Strimzi KafkaUser, whose ACLs say what
   * this service may read and write). Unset: no authentication, as locally.
   */
  @ValidateIf((c: ServiceConfig) => c.KAFKA_SASL_PASSWORD !== undefined && c.KAFKA_SASL_PASSWORD !== '')
  @IsString() @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME must be set when KAFKA_SASL_PASSWORD is' })
  KAFKA_SASL_USERNAME: string | undefined = undefined;

  @ValidateIf((c: ServiceConfig) => c.KAFKA_SASL_USERNAME !== undefined && c.KAFKA_SASL_USERNAME !== '')
  @IsString() @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD must be set when KAFKA_SASL_USERNAME is' })
  KAFKA_SASL_PASSWORD: string | undefined = undefined;

  /** TLS to the brokers (a listener with tls: true). */
  @IsIn(['true', 'false'])
  KAFKA_SSL = 'false';

  @IsString() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://hiring:hiring@127.0.0.1:5433/hiring';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Consumer group of this service's Kafka handlers; defaults to the service name. Tests use their own. */
  @ValidateIf((_c: object, v: unknown) => v !== undefined && v !== '') @Matches(/^[A-Za-z0-9._-]{1,200}$/)
  KAFKA_CONSUMER_GROUP: string | undefined = undefined;

  /** Partitions one instance processes in parallel (each partition stays in offset order). */
  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  KAFKA_CONSUMER_CONCURRENCY = 3;

  /** Most events handled in one consumer transaction. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  KAFKA_CONSUMER_MAX_CHUNK = 500;

  /**
   * Most bytes one Kafka fetch of a consumer group returns, over all its
   * partitions. kafkajs decodes a whole fetch into message objects at once
   * (values are slices of the fetch buffer), so this bounds what a consumer
   * holds (docs/performance.md "Memory (lane 12d)").
   */
  @Type(() => Number) @IsInt() @Min(65536) @Max(104857600)
  KAFKA_CONSUMER_MAX_BYTES = 10485760;

  /** Most bytes of one partition in a fetch (kafkajs' default, 1 MB). */
  @Type(() => Number) @IsInt() @Min(16384) @Max(104857600)
  KAFKA_CONSUMER_MAX_BYTES_PER_PARTITION = 1048576;

  /**
   * Where a consumer group without committed offsets starts. From the
   * beginning by default: a new service (or group) must see every event kept.
   */
  @IsIn(['true', 'false'])
  KAFKA_CONSUMER_FROM_BEGINNING = 'true';

  /**
   * How long a busy outbox relay waits between claims, so that one claim, one
   * produce and one transaction per consumer downstream carry several events
   * instead of one each; an idle relay claims at once. 0: no linger. The
   * default is libs/messaging's DEFAULT_RELAY_LINGER_MS (docs/messaging.md).
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(1000)
  OUTBOX_RELAY_LINGER_MS = 25;

  /**
   * Days an inbox row (a consumed event's id) is kept to drop a second copy
   * of the event; older rows are deleted hourly. Duplicates come back within
   * minutes (a redelivered uncommitted tail, a relay re-publishing after a
   * crash); an older event replayed on purpose meets the handlers' own
   * idempotence (docs/messaging.md "Inbox retention"). 0: never delete.
   * The default is libs/messaging's DEFAULT_INBOX_RETENTION_DAYS.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(3650)
  INBOX_RETENTION_DAYS = 7;

  /** How often the inbox pruner runs (the first run is a minute after start). */
  @Type(() => Number) @IsInt() @Min(60000) @Max(86400000)
  INBOX_PRUNE_INTERVAL_MS = 3600000;

  /** Inbox rows deleted per statement (one short transaction each, a pause as long between them). */
  @Type(() => Number) @IsInt() @Min(100) @Max(100000)
  INBOX_PRUNE_BATCH_SIZE = 5000;

  /** Run pending migrations at boot (under an advisory lock). Off when a deploy step runs them. */
  @IsIn(['true', 'false'])
  MIGRATIONS_RUN = 'true';

  @Type(() => Number) @IsInt() @Min(1000) @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 15000;

  /** Bearer token for ops/admin routes. The local default is for a laptop only: set it everywhere else. */
  @IsString() @MinLength(16)
  OPS_TOKEN = 'local-ops-token-change-me';

  /** Failed authentications (wrong key, token or session) per source address per minute before 429s. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  AUTH_FAILURES_PER_MINUTE = 30;

  /**
   * Kafka consumer session timeout. After a crash, the group waits this long
   * for the dead member before a restarted one gets its partitions (kafkajs
   * 2.2.4 has no static membership). Brokers accept 6000 and up by default.
   */
  @Type(() => Number) @IsInt() @Min(6000) @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS = 10000;

  @IsString() @IsNotEmpty()
  INSTANCE_ID = `${process.pid}`;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }

  get kafkaSecurity(): KafkaClientSecurity {
    const ssl = this.KAFKA_SSL === 'true';
    if (!this.KAFKA_SASL_USERNAME || !this.KAFKA_SASL_PASSWORD) return { ssl };
    return { ssl, sasl: { mechanism: 'scram-sha-512', username: this.KAFKA_SASL_USERNAME, password: this.KAFKA_SASL_PASSWORD } };
  }
}
