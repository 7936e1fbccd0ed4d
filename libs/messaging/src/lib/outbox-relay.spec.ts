import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { OutboxRelay } from './outbox-relay';

// kafkajs builds these from a protocol error description ({ type, code, ... });
// its typings only declare the Error form.
const protocolError = (type: string, code: number) => new KafkaJSProtocolError({ type, code, retriable: false, message: type } as unknown as Error);

describe('outbox relay: when the Kafka producer must be replaced', () => {
  it('replaces it after the broker refuses its sequence numbers, producer id or epoch', () => {
    expect(OutboxRelay.needsNewProducer(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe(true);
    expect(OutboxRelay.needsNewProducer(protocolError('UNKNOWN_PRODUCER_ID', 59))).toBe(true);
    expect(OutboxRelay.needsNewProducer(protocolError('INVALID_PRODUCER_EPOCH', 47))).toBe(true);
  });

  it('finds the cause inside a retries-exceeded error', () => {
    const wrapped = new KafkaJSNumberOfRetriesExceeded(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45), { retryCount: 5, retryTime: 100 });
    expect(OutboxRelay.needsNewProducer(wrapped)).toBe(true);
  });

  it('keeps it for errors a retry with the same producer survives', () => {
    expect(OutboxRelay.needsNewProducer(protocolError('NOT_LEADER_OR_FOLLOWER', 6))).toBe(false);
    expect(OutboxRelay.needsNewProducer(protocolError('NOT_ENOUGH_REPLICAS', 19))).toBe(false);
    expect(OutboxRelay.needsNewProducer(new Error('connection refused'))).toBe(false);
    expect(OutboxRelay.needsNewProducer(undefined)).toBe(false);
  });
});
