// The consumer's way to `<topic>.dlq`: publishes with the broker's ack and
// keeps retrying while the partition's batch is active, so a message is never
// skipped without its dead letter being durable.
import type { Kafka, Producer } from 'kafkajs';
import { deadLetterTopic } from '@hiring/contracts';
import { backoffDelay, errorMessage, type RetryPolicy } from '../failure-policy';
import { createIdempotentProducer, producerStateLost, sendAcknowledged } from '../idempotent-producer';
import type { MessagingMetrics } from '../messaging.metrics';
import type { MessagingLogger } from '../util';
import { deadLetterMessage } from '../dead-letters/dead-letter-record';
import type { RejectedRecord } from './chunk-decoder';
import type { PartitionBatch } from './partition-batch';

/** The batch stopped (shutdown, rebalance) before the work was durable: its offsets must not be resolved. */
export class Aborted extends Error {}

export class DeadLetterPublisher {
  private producer: Producer | undefined;
  private replacing: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly retry: RetryPolicy,
    private readonly logger: MessagingLogger,
    private readonly metrics: MessagingMetrics | undefined,
  ) {}

  async connect(): Promise<void> {
    const producer = createIdempotentProducer(this.kafka);
    await producer.connect();
    this.producer = producer;
  }

  /**
   * Takes no more dead letters from now on (a chunk still publishing aborts and
   * keeps its offsets unresolved); returns the disconnect, to run once the
   * consumer has stopped.
   */
  close(): () => Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    return async () => {
      await producer?.disconnect();
    };
  }

  /** Throws Aborted when the batch stops (or the consumer disconnects) before the broker acknowledged. */
  async publish(batch: PartitionBatch, records: readonly RejectedRecord[], attempts: number): Promise<void> {
    const messages = records.map((r) =>
      deadLetterMessage({ topic: batch.topic, partition: batch.partition, message: r.raw }, this.groupId, r.reason, attempts, new Date()),
    );
    for (let attempt = 1; ; attempt++) {
      const producer = this.producer;
      if (!producer) throw new Aborted();
      try {
        await sendAcknowledged(producer, [{ topic: deadLetterTopic(batch.topic), messages }]);
        for (const r of records) this.metrics?.deadLettered.inc({ topic: batch.topic, reason: r.reason.code });
        return;
      } catch (err) {
        this.logger.warn('dead-letter publish failed, retrying', { topic: batch.topic, error: errorMessage(err) });
        if (producerStateLost(err)) await this.replace(producer);
        await batch.sleepActive(backoffDelay({ ...this.retry, maxDelayMs: 10_000 }, attempt));
        if (!batch.isActive()) throw new Aborted();
      }
    }
  }

  /**
   * A new producer after the broker refused the old one's idempotence state
   * (see producerStateLost). Partitions processed in parallel share the
   * producer: one replacement at a time, and the old one is kept until the new
   * one is connected (a failed connect is retried on the next refused send).
   */
  private replace(broken: Producer): Promise<void> {
    if (!this.replacing && this.producer === broken) {
      this.replacing = (async () => {
        this.logger.warn('dead-letter producer replaced (idempotence state lost)', {});
        const next = createIdempotentProducer(this.kafka);
        await next.connect();
        if (this.producer !== broken) {
          await next.disconnect(); // stopped meanwhile
          return;
        }
        this.producer = next;
        await broken.disconnect().catch(() => undefined);
      })()
        .catch((err: unknown) => this.logger.warn('dead-letter producer replacement failed', { error: errorMessage(err) }))
        .finally(() => {
          this.replacing = undefined;
        });
    }
    return this.replacing ?? Promise.resolve();
  }
}
