// Real-broker helpers for this service's integration tests: a consumer group
// that starts at the current end of its topics, a recorder of what a topic
// carries (from the beginning, filtered later by key), and waits on committed offsets.
import { Kafka, type Admin, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import { testKafkaConfig, uniqueName, waitFor } from '@hiring/testing';

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const one = Array.isArray(v) ? v[v.length - 1] : v;
    if (one !== undefined) out[k] = Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
  }
  return out;
}

export class KafkaTestKit {
  readonly kafka = new Kafka(testKafkaConfig({ clientId: uniqueName('it_client') }));
  readonly admin: Admin = this.kafka.admin();
  readonly producer: Producer = this.kafka.producer({ allowAutoTopicCreation: false });
  private readonly consumers: Consumer[] = [];
  readonly recorded: RecordedMessage[] = [];

  async connect(): Promise<void> {
    await this.admin.connect();
    await this.producer.connect();
  }

  /** Commits offsets at the current end of `topics` for `groupId`, so a service joining it reads only what the test produces. */
  async startGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
    for (const topic of topics) {
      const offsets = await this.admin.fetchTopicOffsets(topic);
      await this.admin.setOffsets({ groupId, topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })) });
    }
  }

  /** Records every message of `topics` from the beginning (unique group) into `recorded`. */
  async record(topics: readonly string[]): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: uniqueName('it_recorder'), allowAutoTopicCreation: false });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    let assigned = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (assigned = true));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.recorded.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString('utf8') : null,
          value: message.value ? message.value.toString('utf8') : null,
          headers: headerStrings(message.headers),
        });
      },
    });
    await waitFor(() => assigned, { timeoutMs: 30_000, description: `recorder joined its group for ${topics.join(', ')}` });
  }

  messages(topic: string, key: string): RecordedMessage[] {
    return this.recorded.filter((m) => m.topic === topic && m.key === key);
  }

  /** Produces one record; returns where it landed. */
  async produce(topic: string, key: string, value: string): Promise<{ partition: number; offset: string }> {
    const [meta] = await this.producer.send({ topic, acks: -1, messages: [{ key, value }] });
    return { partition: meta.partition, offset: meta.baseOffset ?? '0' };
  }

  /** Waits until `groupId` has committed past `offset` on `topic`/`partition`: the record was processed. */
  async waitCommittedPast(groupId: string, topic: string, at: { partition: number; offset: string }, timeoutMs = 30_000): Promise<void> {
    await waitFor(
      async () => {
        const [t] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
        const p = t.partitions.find((x) => x.partition === at.partition);
        return p !== undefined && Number(p.offset) > Number(at.offset);
      },
      { timeoutMs, intervalMs: 200, description: `group ${groupId} committed past ${topic}[${at.partition}]@${at.offset}` },
    );
  }

  async close(): Promise<void> {
    for (const c of this.consumers) await c.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
