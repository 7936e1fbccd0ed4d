import { parseKafkaBrokers } from './kafka-brokers';

describe('KAFKA_BROKERS for the dlq commands', () => {
  it('defaults to the local broker when unset or blank', () => {
    expect(parseKafkaBrokers(undefined)).toEqual(['127.0.0.1:9092']);
    expect(parseKafkaBrokers('  ')).toEqual(['127.0.0.1:9092']);
  });

  it('takes a comma-separated host:port list, spaces trimmed', () => {
    expect(parseKafkaBrokers('kafka-1:9092, kafka-2.internal:19092,[::1]:9092')).toEqual(['kafka-1:9092', 'kafka-2.internal:19092', '[::1]:9092']);
  });

  it.each([['localhost'], ['localhost:'], [':9092'], ['host:0'], ['host:70000'], ['a:1,,b:2'], ['http://host:9092'], ['host name:9092']])(
    'refuses %p and names the variable',
    (value) => {
      expect(() => parseKafkaBrokers(value)).toThrow(/^KAFKA_BROKERS=".*" is invalid: ".*" is not host:port/);
    },
  );
});
