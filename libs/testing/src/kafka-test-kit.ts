// One broker connection per integration suite: an admin, a producer, and the
// way a suite points a service at the real topics without racing it or
// replaying history: `startGroupAtEnd` commits the service's (unique) consumer
// group at the current end of its input topics BEFORE the service starts, so
// the service reads exactly what the test produces from then on.
// What the service writes is watched with `probe` (a TopicProbe, from "now");
// "every record so far was processed" is `waitForGroupCaughtUp`.
import { Kafka, type Admin, type Producer } from 'kafkajs';
import { testKafkaConfig } from './test-env';
import { TopicProbe } from './topic-probe';
import { uniqueName } from './unique-name';

export interface ProducedRecord {
  key: string | null;
  /** null is a tombstone. */
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

export class KafkaTestKit {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly producer: Producer;
  private readonly probes: TopicProbe[] = [];

  constructor(kafka = new Kafka(testKafkaConfig({ clientId: uniqueName('it_client') }))) {
    this.kafka = kafka;
    this.admin = kafka.admin();
    this.producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
  }

  async connect(): Promise<void> {
    await this.admin.connect();
    await this.producer.connect();
  }

  /**
   * Commits `groupId`'s offsets at the current end of `topics`. Call it before
   * the service (configured with KAFKA_CONSUMER_GROUP=groupId) starts: whenever
   * its consumer joins, it resumes from there, so nothing the test produces
   * afterwards is missed and nothing older is replayed. The group must be new
   * (the broker refuses offsets for a group with live members).
   */
  async startGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
    for (const topic of topics) {
      const offsets = await this.admin.fetchTopicOffsets(topic);
      await this.admin.setOffsets({ groupId, topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })) });
    }
  }

  /** Produces records (acks=all); returns where the last one landed. */
  async produce(topic: string, ...records: ProducedRecord[]): Promise<{ partition: number; offset: string }> {
    const metas = await this.producer.send({ topic, acks: -1, messages: records });
    const last = metas[metas.length - 1];
    return { partition: last.partition, offset: last.baseOffset ?? '0' };
  }

  /** Starts a TopicProbe on `topic` (records from now on); stopped by close(). */
  async probe(topic: string): Promise<TopicProbe> {
    const probe = await TopicProbe.start(topic, this.kafka);
    this.probes.push(probe);
    return probe;
  }

  async close(): Promise<void> {
    for (const p of this.probes) await p.stop().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
