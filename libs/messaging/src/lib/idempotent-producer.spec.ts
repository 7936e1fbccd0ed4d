import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, type Message, type Producer, type RecordMetadata, type TopicMessages } from 'kafkajs';
import { producerStateLost, refusedAsTooLarge, recordingPartitioner, sendAcknowledged, unacknowledgedPartitions, UnacknowledgedPartitionsError } from './idempotent-producer';

// kafkajs' own send path (producer/sendMessages.js and its retrier), driven
// against a fake cluster of two brokers: partition 0 is led by broker 1,
// partition 1 by broker 2. Broker 2 dies during the first attempt and broker 1
// becomes the leader of partition 1 — the leader kill of the scale-out test.
const createSendMessages = require('kafkajs/src/producer/sendMessages');
const createRetry = require('kafkajs/src/retry');
const { KafkaJSConnectionError } = require('kafkajs/src/errors');

interface Written {
  node: number;
  partition: number;
  count: number;
}

function leaderKillDuringSend(): { producer: Producer; written: Written[] } {
  const leaders: Record<number, number> = { 0: 1, 1: 2 };
  const written: Written[] = [];
  let broker2Alive = true;
  const broker = (nodeId: number) => ({
    nodeId,
    produce: async ({ topicData }: { topicData: Array<{ topic: string; partitions: Array<{ partition: number; messages: unknown[] }> }> }) => {
      if (nodeId === 2 && broker2Alive) {
        broker2Alive = false;
        throw new KafkaJSConnectionError('Connection error: connect ECONNREFUSED', { broker: 'broker-2' });
      }
      for (const t of topicData) for (const p of t.partitions) written.push({ node: nodeId, partition: p.partition, count: p.messages.length });
      return {
        topics: topicData.map((t) => ({
          topicName: t.topic,
          partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: 0, baseOffset: '0', logAppendTime: '-1', logStartOffset: '0' })),
        })),
      };
    },
  });
  const brokers = new Map([1, 2].map((n) => [n, broker(n)]));
  const cluster = {
    refreshMetadataIfNecessary: async () => undefined,
    // The metadata refresh after the failure shows the new leader of partition 1.
    refreshMetadata: async () => {
      if (!broker2Alive) leaders[1] = 1;
    },
    addMultipleTargetTopics: async () => undefined,
    isConnected: () => true,
    removeBroker: () => undefined,
    findTopicPartitionMetadata: () => [0, 1].map((p) => ({ partitionId: p, leader: leaders[p] })),
    findLeaderForPartitions: (_topic: string, partitions: string[]) => {
      const byLeader: Record<number, number[]> = {};
      for (const p of partitions.map(Number)) (byLeader[leaders[p]] ??= []).push(p);
      return byLeader;
    },
    findBroker: async ({ nodeId }: { nodeId: number | string }) => brokers.get(Number(nodeId)),
  };
  const eosManager = {
    isTransactional: () => false,
    getSequence: () => 0,
    updateSequence: () => undefined,
    getProducerId: () => 1,
    getProducerEpoch: () => 0,
    acquireBrokerLock: async () => undefined,
    releaseBrokerLock: async () => undefined,
  };
  const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const send = createSendMessages({
    logger,
    cluster,
    partitioner: recordingPartitioner(),
    eosManager,
    retrier: createRetry({ retries: 3, initialRetryTime: 1, maxRetryTime: 5 }),
  });
  const producer = {
    sendBatch: ({ acks, topicMessages }: { acks: number; topicMessages: TopicMessages[] }): Promise<RecordMetadata[]> => send({ acks, topicMessages }),
  } as unknown as Producer;
  return { producer, written };
}

const twoPartitions = (): TopicMessages[] => [
  {
    topic: 'candidate-sourced',
    messages: [0, 1].map((partition): Message => ({ partition, key: `k${partition}`, value: `v${partition}` })),
  },
];

describe('idempotent producer: a send is only done when every partition acknowledged it', () => {
  it('kafkajs alone reports success although partition 1 was never written (the bug this guards against)', async () => {
    const { producer, written } = leaderKillDuringSend();
    const acks = await producer.sendBatch({ acks: -1, topicMessages: twoPartitions() });
    expect(acks.map((a) => a.partition)).toEqual([0]);
    expect(written.some((w) => w.partition === 1)).toBe(false);
  });

  it('sendAcknowledged refuses that send, naming the partition that never answered', async () => {
    const { producer } = leaderKillDuringSend();
    const sent = sendAcknowledged(producer, twoPartitions());
    await expect(sent).rejects.toBeInstanceOf(UnacknowledgedPartitionsError);
    await expect(sent).rejects.toMatchObject({ partitions: [{ topic: 'candidate-sourced', partition: 1 }] });
  });

  it('sendAcknowledged resolves when both partitions are written and acknowledged', async () => {
    const { producer, written } = leaderKillDuringSend();
    await expect(sendAcknowledged(producer, [{ topic: 'candidate-sourced', messages: [{ partition: 0, value: 'a' }] }])).resolves.toHaveLength(1);
    // Broker 2 is now dead and partition 1 led by broker 1: a fresh send reaches both partitions.
    await expect(sendAcknowledged(producer, [{ topic: 'candidate-sourced', messages: [{ partition: 1, value: 'b' }] }])).resolves.toHaveLength(1);
    const acks = await sendAcknowledged(producer, twoPartitions());
    expect(acks.map((a) => a.partition).sort()).toEqual([0, 1]);
    expect(written.filter((w) => w.partition === 1).map((w) => w.node)).toEqual([1, 1]);
  });

  it('refuses a producer whose partitioner did not record the partitions', async () => {
    const producer = { sendBatch: async () => [] } as unknown as Producer;
    await expect(sendAcknowledged(producer, twoPartitions())).rejects.toThrow(/createIdempotentProducer/);
  });

  it('unacknowledgedPartitions: missing or errored partitions, each named once', () => {
    const written = [
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 1 },
      { topic: 'b', partition: 0 },
    ];
    expect(unacknowledgedPartitions(written, [{ topicName: 'a', partition: 0, errorCode: 0 }, { topicName: 'b', partition: 0, errorCode: 0 }, { topicName: 'a', partition: 1, errorCode: 0 }])).toEqual([]);
    expect(unacknowledgedPartitions(written, [{ topicName: 'a', partition: 0, errorCode: 0 }, { topicName: 'a', partition: 1, errorCode: 6 }])).toEqual([
      { topic: 'a', partition: 1 },
      { topic: 'b', partition: 0 },
    ]);
  });
});

// kafkajs builds these from a protocol error description ({ type, code, ... });
// its typings only declare the Error form.
const protocolError = (type: string, code: number) => new KafkaJSProtocolError({ type, code, retriable: false, message: type } as unknown as Error);

describe('producerStateLost: when the relay or the dead-letter publisher must replace its producer', () => {
  it('replaces it after the broker refuses its sequence numbers, producer id or epoch', () => {
    expect(producerStateLost(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe(true);
    expect(producerStateLost(protocolError('UNKNOWN_PRODUCER_ID', 59))).toBe(true);
    expect(producerStateLost(protocolError('INVALID_PRODUCER_EPOCH', 47))).toBe(true);
  });

  it('finds the cause inside a retries-exceeded error', () => {
    const wrapped = new KafkaJSNumberOfRetriesExceeded(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45), { retryCount: 5, retryTime: 100 });
    expect(producerStateLost(wrapped)).toBe(true);
  });

  it('keeps it for errors a retry with the same producer survives', () => {
    expect(producerStateLost(protocolError('NOT_LEADER_OR_FOLLOWER', 6))).toBe(false);
    expect(producerStateLost(protocolError('NOT_ENOUGH_REPLICAS', 19))).toBe(false);
    expect(producerStateLost(new Error('connection refused'))).toBe(false);
    expect(producerStateLost(undefined)).toBe(false);
  });
});

describe('refusedAsTooLarge: when the relay parks a row instead of retrying it', () => {
  it('names the size refusals, also inside kafkajs wrappers', () => {
    expect(refusedAsTooLarge(protocolError('MESSAGE_TOO_LARGE', 10))).toBe('MESSAGE_TOO_LARGE');
    expect(refusedAsTooLarge(protocolError('RECORD_LIST_TOO_LARGE', 18))).toBe('RECORD_LIST_TOO_LARGE');
    // What kafkajs' retrier rejects with when a send bails (retry/index.js: the cause set by its constructor).
    const refused = protocolError('MESSAGE_TOO_LARGE', 10);
    const bailed = Object.assign(new KafkaJSNonRetriableError(refused), { cause: refused });
    expect(refusedAsTooLarge(bailed)).toBe('MESSAGE_TOO_LARGE');
  });

  it('is undefined for every other failure (those keep the row in the outbox and are retried)', () => {
    expect(refusedAsTooLarge(protocolError('NOT_LEADER_OR_FOLLOWER', 6))).toBeUndefined();
    expect(refusedAsTooLarge(new Error('message too large'))).toBeUndefined();
    expect(refusedAsTooLarge(undefined)).toBeUndefined();
  });
});
