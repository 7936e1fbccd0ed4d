// One Kafka connection for one dlq (or erasures) command: brokers from KAFKA_BROKERS, an
// admin client connected under a deadline (a broker that accepts TCP but never
// answers must not hang a terminal), and topic offsets with the catalogue's
// "not provisioned" case told apart from "down".
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { noDelaySocketFactory, withTimeout } from '@hiring/messaging/dead-letters';
import { CliUnavailableError } from '../io/cli-error';
import { KAFKA_BROKERS_VARIABLE, parseKafkaBrokers } from './kafka-brokers';

/** How long the first answer from the broker may take. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** How long reading a dead-letter topic may take (a throwaway consumer group joins first). */
export const READ_TIMEOUT_MS = 30_000;

export interface PartitionOffsets {
  partition: number;
  /** First retained offset. */
  low: bigint;
  /** Next offset to be written: the partition holds [low, high). */
  high: bigint;
}

function isUnknownTopic(error: unknown): boolean {
  const e = error as { type?: string; message?: string } | undefined;
  return e?.type === 'UNKNOWN_TOPIC_OR_PARTITION' || /does not host this topic-partition|unknown topic/i.test(e?.message ?? '');
}

export class KafkaSession {
  private constructor(
    readonly kafka: Kafka,
    private readonly admin: Admin,
    readonly brokers: string[],
  ) {}

  static async open(env: NodeJS.ProcessEnv = process.env): Promise<KafkaSession> {
    const brokers = parseKafkaBrokers(env[KAFKA_BROKERS_VARIABLE]);
    const kafka = new Kafka({
      clientId: 'hiring-cli',
      brokers,
      // kafkajs logs retried connection errors as JSON on stdout; the command reports failures itself.
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
      socketFactory: noDelaySocketFactory,
    });
    const admin = kafka.admin();
    try {
      await withTimeout(admin.connect(), CONNECT_TIMEOUT_MS, 'connecting');
      // connect() succeeds on TCP alone with some brokers; a metadata round trip proves one answers.
      await withTimeout(admin.describeCluster(), CONNECT_TIMEOUT_MS, 'describing the cluster');
    } catch (error) {
      // Not awaited: disconnect() waits for the pending connect, which is what timed out.
      void admin.disconnect().catch(() => undefined);
      throw new CliUnavailableError(
        `Kafka at ${brokers.join(',')} (${KAFKA_BROKERS_VARIABLE}) did not answer: ${(error as Error).message}. ` +
          'Is it running? (bash deploy/local/infra.sh status)',
      );
    }
    return new KafkaSession(kafka, admin, brokers);
  }

  /** Offsets per partition, or undefined when the topic does not exist on the broker. */
  async offsets(topic: string): Promise<PartitionOffsets[] | undefined> {
    try {
      const offsets = await withTimeout(this.admin.fetchTopicOffsets(topic), READ_TIMEOUT_MS, `fetching offsets of ${topic}`);
      return offsets.map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) })).sort((a, b) => a.partition - b.partition);
    } catch (error) {
      if (isUnknownTopic(error)) return undefined;
      throw error;
    }
  }

  /**
   * Per partition, the first offset whose record was written at or after `timestampMs`
   * (the partition's end when none was), or undefined when the topic does not exist.
   */
  async offsetsAt(topic: string, timestampMs: number): Promise<Map<number, bigint> | undefined> {
    try {
      const offsets = await withTimeout(this.admin.fetchTopicOffsetsByTimestamp(topic, timestampMs), READ_TIMEOUT_MS, `fetching offsets of ${topic} at ${timestampMs}`);
      return new Map(offsets.map((o) => [o.partition, BigInt(o.offset)]));
    } catch (error) {
      if (isUnknownTopic(error)) return undefined;
      throw error;
    }
  }

  /** Like offsets(), but a missing topic is an error that says how to provision it. */
  async requireOffsets(topic: string): Promise<PartitionOffsets[]> {
    const offsets = await this.offsets(topic);
    if (!offsets) throw new CliUnavailableError(`topic ${topic} does not exist on Kafka at ${this.brokers.join(',')}; provision the catalogue with npm run infra:up`);
    return offsets;
  }

  async close(): Promise<void> {
    await this.admin.disconnect().catch(() => undefined);
  }
}

/** Opens a session, runs `fn`, always closes it. */
export async function withKafka<T>(fn: (session: KafkaSession) => Promise<T>): Promise<T> {
  const session = await KafkaSession.open();
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
