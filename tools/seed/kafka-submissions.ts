// The Kafka path of the seeder: signed recruiting.submission.v1 events, as an
// agency's own producer would send them; waiting until sourcing's consumer
// group has read past them; finding the forged sample in the dead letters.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { buildEvent, deadLetterTopic, toKafkaRecord, TOPICS, type SubmissionEvent } from '@hiring/contracts';
import { listDeadLetters, withTimeout, type DeadLetter } from '@hiring/messaging/dead-letters';
import { SeedError } from './seed-config';

const CONNECT_TIMEOUT_MS = 5_000;

export interface SentSubmission {
  key: string;
  partition: number;
  offset: string;
}

export class SubmissionProducer {
  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly brokers: string[],
  ) {}

  static async connect(brokers: string[]): Promise<SubmissionProducer> {
    const kafka = new Kafka({
      clientId: 'hiring-seed',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
    });
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    try {
      await withTimeout(admin.connect(), CONNECT_TIMEOUT_MS, 'connecting');
      await withTimeout(admin.describeCluster(), CONNECT_TIMEOUT_MS, 'describing the cluster');
      await withTimeout(producer.connect(), CONNECT_TIMEOUT_MS, 'connecting the producer');
    } catch (error) {
      void admin.disconnect().catch(() => undefined);
      void producer.disconnect().catch(() => undefined);
      throw new SeedError(`Kafka at ${brokers.join(',')} (KAFKA_BROKERS) did not answer: ${(error as Error).message}. Is it running? bash deploy/local/infra.sh status`);
    }
    return new SubmissionProducer(kafka, admin, producer, brokers);
  }

  /**
   * Signs with `signingSecret`; a forged sample passes a secret that is not the
   * agency's, so the signature is well-formed but does not verify.
   */
  async send(data: SubmissionEvent, agencySlug: string, signingSecret: string): Promise<SentSubmission> {
    const event = buildEvent('recruiting.submission.v1', { source: `/agencies/${agencySlug}`, data, signingSecret });
    const record = toKafkaRecord(event);
    const [meta] = await this.producer.send({ topic: TOPICS.submissions, acks: -1, messages: [record] });
    if (!meta) throw new SeedError(`no acknowledgement from Kafka for ${record.key}`);
    return { key: record.key, partition: meta.partition, offset: meta.baseOffset ?? '-1' };
  }

  /** Waits until `group` has committed past every record sent; false at the deadline. */
  async waitConsumed(group: string, sent: SentSubmission[], deadline: number): Promise<boolean> {
    const needed = new Map<number, bigint>();
    for (const s of sent) needed.set(s.partition, BigInt(s.offset) + 1n > (needed.get(s.partition) ?? 0n) ? BigInt(s.offset) + 1n : (needed.get(s.partition) ?? 0n));
    while (Date.now() < deadline) {
      const [committed] = await this.admin.fetchOffsets({ groupId: group, topics: [TOPICS.submissions] });
      const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
      if ([...needed].every(([partition, offset]) => (at.get(partition) ?? -1n) >= offset)) return true;
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  }

  /** Dead letters of recruiting.submissions.v1 under the given record keys (every run of a forged sample adds one). */
  async deadLettersFor(keys: string[]): Promise<DeadLetter[]> {
    const offsets = await this.admin.fetchTopicOffsets(deadLetterTopic(TOPICS.submissions));
    const depth = offsets.reduce((n, o) => n + Number(BigInt(o.high) - BigInt(o.low)), 0);
    if (depth === 0) return [];
    const letters = await listDeadLetters(this.kafka, TOPICS.submissions, { limit: depth, timeoutMs: 30_000 });
    return letters.filter((l) => l.key !== null && keys.includes(l.key));
  }

  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }

  get brokerList(): string {
    return this.brokers.join(',');
  }
}

/** A secret that is certainly not the agency's: the forged sample's signature is well-formed and wrong. */
export function forgedSecret(): string {
  return randomBytes(32).toString('base64url');
}
