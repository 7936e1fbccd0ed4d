// One partition's batch as the consumer works through it: keeps the group
// session alive while a chunk runs or a wait lasts, and says when to stop
// (shutdown, a rebalance, or the batch going stale).
import type { EachBatchPayload } from 'kafkajs';
import { errorMessage } from '../failure-policy';
import { delay, type MessagingLogger } from '../util';

export class PartitionBatch {
  /** A heartbeat failed (REBALANCE_IN_PROGRESS etc.): finish the current chunk, then hand the partition back. */
  private rebalancing = false;

  constructor(
    private readonly payload: EachBatchPayload,
    private readonly heartbeatInterval: number,
    private readonly consumerStopping: () => boolean,
    private readonly logger: MessagingLogger,
  ) {}

  get topic(): string {
    return this.payload.batch.topic;
  }

  get partition(): number {
    return this.payload.batch.partition;
  }

  /** Worth starting another chunk: the consumer runs, the batch is current and no rebalance is pending. */
  get canContinue(): boolean {
    return this.isActive() && !this.rebalancing;
  }

  isActive(): boolean {
    return !this.consumerStopping() && this.payload.isRunning() && !this.payload.isStale();
  }

  async heartbeat(): Promise<void> {
    try {
      await this.payload.heartbeat();
    } catch (err) {
      this.rebalancing = true;
      this.logger.warn('heartbeat failed during batch', { topic: this.topic, partition: this.partition, error: errorMessage(err) });
    }
  }

  async withHeartbeats<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void this.heartbeat(), this.heartbeatInterval);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Waits `ms` in heartbeat-sized steps; returns early when the batch stops being active. */
  async sleepActive(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && this.isActive()) {
      await delay(Math.min(this.heartbeatInterval, until - Date.now()));
      await this.heartbeat();
    }
  }
}
