import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { OutboxBacklog } from './messaging.metrics';
import type { OutboxRelay } from './outbox/outbox-relay';
import { withTimeout } from './util';

/** Readiness probes for /health/ready: Kafka reachable, database reachable, outbox backlog. */
export class MessagingHealth {
  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly relay?: OutboxRelay,
  ) {}

  async isKafkaReady(timeoutMs = 3_000): Promise<boolean> {
    const admin = this.kafka.admin();
    try {
      await withTimeout(
        (async () => {
          await admin.connect();
          const cluster = await admin.describeCluster();
          if (cluster.brokers.length === 0) throw new Error('no brokers');
        })(),
        timeoutMs,
        'kafka describeCluster',
      );
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async isDatabaseReady(timeoutMs = 3_000): Promise<boolean> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), timeoutMs, 'database ping');
      return true;
    } catch {
      return false;
    }
  }

  async outboxBacklog(): Promise<OutboxBacklog | undefined> {
    return this.relay?.backlog();
  }
}
