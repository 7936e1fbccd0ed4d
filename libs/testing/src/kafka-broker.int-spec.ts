// Proves the local broker (the Kafka version pinned in deploy/local/kafka/pom.xml)
// works with kafkajs 2.2.4 for what the pipeline relies on: explicit topics,
// an idempotent acks=all producer, a consumer group reading with eachBatch,
// offset commits, and a restarted group member resuming from those commits.
import { Kafka, Partitioners, type Admin, type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import { createTopic, deleteTopics } from './kafka-topics';
import { testKafkaConfig } from './test-env';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

const PARTITIONS = 6;
const FIRST_BATCH = 240;
const SECOND_BATCH = 120;
const CANDIDATES = 30; // keys: ordering is per candidate

interface Received {
  partition: number;
  offset: number;
  key: string;
  seq: number;
}

describe('local Kafka broker with kafkajs 2.2.4', () => {
  const kafka = new Kafka(testKafkaConfig({ clientId: 'kafka-broker-int-spec' }));
  const topic = uniqueName('it_broker');
  const groupId = uniqueName('it_broker_group');
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await createTopic(admin, topic, PARTITIONS);
    producer = kafka.producer({
      idempotent: true, // requires acks=all; kafkajs caps in-flight requests accordingly
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.allSettled(consumers.map((c) => c.disconnect()));
    await producer?.disconnect();
    if (admin) {
      await deleteTopics(admin, [topic]).catch(() => undefined);
      await admin.disconnect();
    }
  });

  async function produce(fromSeq: number, count: number) {
    const messages = Array.from({ length: count }, (_, i) => {
      const seq = fromSeq + i;
      return { key: `candidate-${seq % CANDIDATES}`, value: JSON.stringify({ seq }) };
    });
    return producer.send({ topic, acks: -1, messages });
  }

  /** A group member that records what it sees and commits after each batch. */
  async function startMember(received: Received[]): Promise<Consumer> {
    const consumer = kafka.consumer({ groupId, heartbeatInterval: 500, sessionTimeout: 10_000 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false, // commit explicitly, as the inbox pattern does after its transaction
      eachBatch: async ({ batch, resolveOffset, heartbeat }: EachBatchPayload) => {
        for (const message of batch.messages) {
          if (!message.value || !message.key) throw new Error(`unkeyed or empty record at offset ${message.offset}`);
          const { seq } = JSON.parse(message.value.toString()) as { seq: number };
          received.push({ partition: batch.partition, offset: Number(message.offset), key: message.key.toString(), seq });
          resolveOffset(message.offset);
        }
        if (batch.messages.length > 0) {
          const next = (Number(batch.lastOffset()) + 1).toString();
          await consumer.commitOffsets([{ topic, partition: batch.partition, offset: next }]);
        }
        await heartbeat();
      },
    });
    return consumer;
  }

  async function committedTotal(): Promise<number> {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets.partitions.reduce((sum, p) => sum + Math.max(Number(p.offset), 0), 0);
  }

  it('creates the topic with 6 led partitions', async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(topics[0].partitions).toHaveLength(PARTITIONS);
    expect(topics[0].partitions.every((p) => p.leader >= 0)).toBe(true);
  });

  it('delivers every message once, in key order, and a restarted member resumes from committed offsets', async () => {
    // Phase 1: produce, consume everything through the group, commit.
    const firstMeta = await produce(0, FIRST_BATCH);
    expect(firstMeta.every((m) => m.errorCode === 0)).toBe(true);

    const phase1: Received[] = [];
    const first = await startMember(phase1);
    await waitFor(() => phase1.length >= FIRST_BATCH, {
      description: `first member consumed ${FIRST_BATCH} messages (got ${phase1.length})`,
      timeoutMs: 60_000,
    });
    await waitFor(async () => (await committedTotal()) === FIRST_BATCH, {
      description: `group ${groupId} committed ${FIRST_BATCH} offsets`,
      timeoutMs: 30_000,
    });
    expect(phase1).toHaveLength(FIRST_BATCH);
    expect(new Set(phase1.map((r) => r.seq)).size).toBe(FIRST_BATCH);
    // Per-key order: the idempotent producer never reorders or duplicates a key's records.
    const byKey = new Map<string, number[]>();
    for (const r of phase1) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.seq]);
    for (const seqs of byKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Keys spread over every partition (fixed keys + murmur2: deterministic).
    expect(new Set(phase1.map((r) => r.partition)).size).toBe(PARTITIONS);

    // "Restart": the member leaves the group; new records arrive meanwhile.
    await first.disconnect();
    const committedBefore = await admin.fetchOffsets({ groupId, topics: [topic] });
    await produce(FIRST_BATCH, SECOND_BATCH);

    // Phase 2: a fresh member of the same group sees only the new records.
    const phase2: Received[] = [];
    await startMember(phase2);
    await waitFor(() => phase2.length >= SECOND_BATCH, {
      description: `restarted member consumed ${SECOND_BATCH} new messages (got ${phase2.length})`,
      timeoutMs: 60_000,
    });
    await waitFor(async () => (await committedTotal()) === FIRST_BATCH + SECOND_BATCH, {
      description: `group ${groupId} committed ${FIRST_BATCH + SECOND_BATCH} offsets`,
      timeoutMs: 30_000,
    });

    expect(phase2.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: SECOND_BATCH }, (_, i) => FIRST_BATCH + i),
    );
    // Each partition resumed exactly at its committed offset: nothing re-delivered.
    const committed = new Map(committedBefore[0].partitions.map((p) => [p.partition, Number(p.offset)]));
    for (let partition = 0; partition < PARTITIONS; partition++) {
      const offsets = phase2.filter((r) => r.partition === partition).map((r) => r.offset);
      expect(offsets.length).toBeGreaterThan(0);
      expect(Math.min(...offsets)).toBe(committed.get(partition));
    }

    // The log holds exactly what was sent: no duplicate from producer retries.
    const watermarks = await admin.fetchTopicOffsets(topic);
    expect(watermarks.reduce((sum, p) => sum + Number(p.high), 0)).toBe(FIRST_BATCH + SECOND_BATCH);
  });
});
