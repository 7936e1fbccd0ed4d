import type { Admin, Kafka } from 'kafkajs';
import type { LagSample } from './messaging.metrics';

export interface PartitionLag extends LagSample {
  /** -1 when the group has not committed on this partition yet. */
  committedOffset: string;
  highWatermark: string;
}

/** Lag of a consumer group: high watermark minus committed offset (or minus the low watermark if nothing committed). */
export class ConsumerLag {
  constructor(private readonly kafka: Kafka) {}

  async lag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      const out: PartitionLag[] = [];
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const end of ends) {
          const c = mine.find((p) => p.partition === end.partition)?.offset ?? '-1';
          const base = BigInt(c) >= 0n ? BigInt(c) : BigInt(end.low);
          const lag = BigInt(end.high) - base;
          out.push({ groupId, topic, partition: end.partition, committedOffset: c, highWatermark: end.high, lag: Number(lag > 0n ? lag : 0n) });
        }
      }
      return out;
    } finally {
      await admin.disconnect();
    }
  }

  async total(groupId: string, topics: readonly string[]): Promise<number> {
    return (await this.lag(groupId, topics)).reduce((sum, p) => sum + p.lag, 0);
  }
}
