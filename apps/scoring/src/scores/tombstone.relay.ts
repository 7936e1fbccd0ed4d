// STOPGAP until Outbox.enqueue accepts `{topic, key, value: null}`: publishes
// the rows of scoring.tombstones as null-valued records. A tombstone waits while
// an earlier outbox row of its topic+key is unpublished, so it can never be
// overtaken by the score it erases; rows are claimed FOR UPDATE SKIP LOCKED and
// deleted in the same transaction once the broker acked (at least once).
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MESSAGING_KAFKA } from '@hiring/messaging';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../scoring.config';

const BATCH = 200;

@Injectable()
export class TombstoneRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('tombstone-relay');
  private producer: Producer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    @Inject(ScoringConfig) private readonly config: ScoringConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.producer?.disconnect().catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.config.TOMBSTONE_POLL_MS));
    }, ms);
  }

  private async tick(): Promise<void> {
    try {
      let sent: number;
      do {
        sent = await this.publishBatch();
      } while (sent === BATCH && !this.stopped);
    } catch (error) {
      this.logger.warn(`tombstones not published yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Sends one batch of ready tombstones; returns how many. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: Array<{ id: string; topic: string; key: string }> = await tx.query(
        `SELECT t.id::text AS id, t.topic, t.key FROM scoring.tombstones t
          WHERE NOT EXISTS (SELECT 1 FROM scoring.outbox o WHERE o.published_at IS NULL AND o.topic = t.topic AND o.key = t.key)
          ORDER BY t.id LIMIT ${BATCH} FOR UPDATE OF t SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const producer = await this.connectedProducer();
      const byTopic = new Map<string, string[]>();
      for (const r of rows) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r.key]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, keys]) => ({ topic, messages: keys.map((key) => ({ key, value: null })) })),
      });
      await tx.query('DELETE FROM scoring.tombstones WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      this.logger.log(`published ${rows.length} tombstone(s)`);
      return rows.length;
    });
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
