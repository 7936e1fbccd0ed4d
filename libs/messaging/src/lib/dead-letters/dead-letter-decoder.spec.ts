import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { BatchConsumer } from '../consumer/batch-consumer';
import { cloudEventEnvelopeDecoder } from '../cloud-event.decoder';
import { DEAD_LETTER_TYPE, deadLetterDecoder, type DeadLetter } from './dead-letter-reader';

describe('messaging / reading a .dlq topic as dead letters', () => {
  const raw = {
    topic: 'orders.v1.dlq',
    partition: 3,
    offset: '42',
    timestamp: '0',
    key: Buffer.from('k'),
    value: Buffer.from('not json at all'),
    headers: { 'dlq-reason': 'MALFORMED_JSON: Unexpected token', 'dlq-errors': '[{"path":"","message":"not JSON"}]', 'dlq-failed-at': '2026-12-03T12:00:00.000Z', 'dlq-source-topic': 'orders.v1' },
  };

  it('decodes any record, even one that is not JSON, with an id from its place and failure time', () => {
    const decoded = deadLetterDecoder(raw, {});
    const letter = decoded.data as DeadLetter;
    expect(decoded).toMatchObject({ id: '3/42/2026-12-03T12:00:00.000Z', source: 'orders.v1.dlq', type: DEAD_LETTER_TYPE });
    expect(letter).toMatchObject({ reason: 'MALFORMED_JSON: Unexpected token', errors: [{ path: '', message: 'not JSON' }], sourceTopic: 'orders.v1', partition: 3, offset: '42' });
    expect(letter.value?.toString()).toBe('not json at all');
  });

  it('every handler of a topic must agree on its decoder', () => {
    const handle = () => Promise.resolve();
    const build = (decode?: typeof deadLetterDecoder) =>
      new BatchConsumer({} as Kafka, {} as DataSource, {
        groupId: 'g',
        schema: 's',
        decode: cloudEventEnvelopeDecoder,
        handlers: [
          { topic: 'orders.v1.dlq', name: 'a', handle, decode: deadLetterDecoder },
          { topic: 'orders.v1.dlq', name: 'b', handle, decode },
        ],
      });
    expect(() => build(deadLetterDecoder)).not.toThrow();
    expect(() => build(undefined)).toThrow(/disagree on the decoder/);
  });
});
