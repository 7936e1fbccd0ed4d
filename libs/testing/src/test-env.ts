// Connection settings of the real infrastructure started by
// deploy/local/infra.sh. Same variables, same defaults as deploy/local/env.sh,
// so a test run needs no configuration after `infra.sh up`.
import { logLevel, type KafkaConfig } from 'kafkajs';

const KAFKA_LOG_LEVELS: Record<string, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

export function testKafkaBrokers(): string[] {
  const host = process.env.KAFKA_HOST ?? '127.0.0.1';
  const port = process.env.KAFKA_PORT ?? '9092';
  return (process.env.KAFKA_BROKERS ?? `${host}:${port}`)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/**
 * kafkajs client config for tests. Silent by default: kafkajs logs retried,
 * harmless coordinator-loading errors at ERROR level, which buries real test
 * failures; set TEST_KAFKA_LOG_LEVEL=debug|info|warn|error to see them.
 */
export function testKafkaConfig(overrides: Partial<KafkaConfig> = {}): KafkaConfig {
  const level = KAFKA_LOG_LEVELS[(process.env.TEST_KAFKA_LOG_LEVEL ?? 'nothing').toLowerCase()] ?? logLevel.NOTHING;
  return {
    clientId: 'hiring-tests',
    brokers: testKafkaBrokers(),
    logLevel: level,
    connectionTimeout: 3_000,
    ...overrides,
  };
}

export function testDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const user = process.env.HIRING_DB_USER ?? 'hiring';
  const password = process.env.HIRING_DB_PASSWORD ?? 'hiring';
  const db = process.env.HIRING_DB_NAME ?? 'hiring';
  const host = process.env.PGHOST ?? '127.0.0.1';
  const port = process.env.PGPORT ?? '5433';
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${db}`;
}
