import { IsInt, IsString, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ConfigError, loadConfig } from './load-config';
import { DiffersFrom } from './differs-from';
import { ServiceConfig } from './service.config';

class AppConfig extends ServiceConfig {
  override PORT = 3999;

  @Type(() => Number) @IsInt() @Min(1)
  BATCH_SIZE = 100;
}

describe('service config from the environment', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig(AppConfig, {});
    expect(config.PORT).toBe(3999);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.BATCH_SIZE).toBe(100);
  });

  it('turns numeric variables into numbers', () => {
    const config = loadConfig(AppConfig, { PORT: '3901', SHUTDOWN_TIMEOUT_MS: '2000', BATCH_SIZE: '7' });
    expect(config.PORT).toBe(3901);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(2000);
    expect(config.BATCH_SIZE).toBe(7);
  });

  it('names every bad variable and its value', () => {
    let error: unknown;
    try {
      loadConfig(AppConfig, { PORT: 'abc', KAFKA_BROKERS: 'nope', DATABASE_URL: 'mysql://x', BATCH_SIZE: '0', OPS_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT="abc"', 'KAFKA_BROKERS="nope"', 'DATABASE_URL="mysql://x"', 'BATCH_SIZE="0"', 'OPS_TOKEN="short"']) {
      expect(message).toContain(name);
    }
  });

  it('bounds a Kafka fetch by kafkajs\' sizes unless told, and refuses one under 64 KiB', () => {
    expect(loadConfig(AppConfig, {})).toMatchObject({ KAFKA_CONSUMER_MAX_BYTES: 10485760, KAFKA_CONSUMER_MAX_BYTES_PER_PARTITION: 1048576 });
    expect(loadConfig(AppConfig, { KAFKA_CONSUMER_MAX_BYTES: '3145728' }).KAFKA_CONSUMER_MAX_BYTES).toBe(3145728);
    expect(() => loadConfig(AppConfig, { KAFKA_CONSUMER_MAX_BYTES: '1000' })).toThrow('KAFKA_CONSUMER_MAX_BYTES="1000"');
  });

  it('splits a broker list', () => {
    expect(loadConfig(AppConfig, { KAFKA_BROKERS: 'a:1,b:2' }).kafkaBrokers).toEqual(['a:1', 'b:2']);
  });

  it('authenticates to Kafka with SCRAM-SHA-512 only when both user and password are set', () => {
    expect(loadConfig(AppConfig, {}).kafkaSecurity).toEqual({ ssl: false });
    expect(loadConfig(AppConfig, { KAFKA_SASL_USERNAME: 'scoring', KAFKA_SASL_PASSWORD: 's3cret', KAFKA_SSL: 'true' }).kafkaSecurity).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'scoring', password: 's3cret' },
    });
    expect(() => loadConfig(AppConfig, { KAFKA_SASL_USERNAME: 'scoring' })).toThrow(/KAFKA_SASL_PASSWORD/);
    expect(() => loadConfig(AppConfig, { KAFKA_SASL_PASSWORD: 's3cret' })).toThrow(/KAFKA_SASL_USERNAME/);
    expect(() => loadConfig(AppConfig, { KAFKA_SSL: 'yes' })).toThrow(/KAFKA_SSL/);
  });
});

describe('DiffersFrom: two secrets with different rights are never the same value', () => {
  class TwoTokens {
    @IsString() OPS_TOKEN = 'ops-token-0123456789';
    @IsString() @DiffersFrom('OPS_TOKEN') KEY_SERVICE_TOKEN = 'key-token-0123456789';
  }

  it('accepts different values and refuses the same one, naming both variables', () => {
    expect(loadConfig(TwoTokens, {}).KEY_SERVICE_TOKEN).toBe('key-token-0123456789');
    expect(() => loadConfig(TwoTokens, { KEY_SERVICE_TOKEN: 'ops-token-0123456789' })).toThrow(/KEY_SERVICE_TOKEN=.*must not be the same value as OPS_TOKEN/);
  });
});
