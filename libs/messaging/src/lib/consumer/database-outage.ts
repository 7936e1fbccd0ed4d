// A database outage seen by the consumer: the affected topics are paused, one
// prober (shared by every partition) waits for Postgres with backoff, and the
// topics resume together when it answers.
import type { Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { backoffDelay, classifyFailure, errorMessage, type RetryPolicy } from '../failure-policy';
import type { MessagingMetrics } from '../messaging.metrics';
import { delay, type MessagingLogger } from '../util';
import type { PartitionBatch } from './partition-batch';

export class DatabaseOutage {
  private outage: Promise<void> | undefined;
  private readonly pausedTopics = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: () => Consumer | undefined,
    private readonly probePolicy: RetryPolicy,
    private readonly heartbeatInterval: number,
    private readonly stopping: () => boolean,
    private readonly logger: MessagingLogger,
    private readonly metrics: MessagingMetrics | undefined,
  ) {}

  get isPaused(): boolean {
    return this.pausedTopics.size > 0;
  }

  /** Pauses the batch's topic until the database answers, heartbeating meanwhile. False if the batch stopped first. */
  async waitOut(batch: PartitionBatch): Promise<boolean> {
    this.pause(batch.topic);
    if (!this.outage) {
      this.outage = this.probeUntilUp().finally(() => {
        this.outage = undefined;
        for (const topic of [...this.pausedTopics]) this.resume(topic);
      });
    }
    const outage = this.outage;
    let up = false;
    void outage.then(() => {
      up = true;
    });
    while (!up) {
      await Promise.race([outage, delay(this.heartbeatInterval)]);
      if (up) break;
      if (!batch.isActive()) return false;
      await batch.heartbeat();
    }
    return batch.isActive();
  }

  private async probeUntilUp(): Promise<void> {
    for (let attempt = 1; !this.stopping(); attempt++) {
      try {
        await this.dataSource.query('SELECT 1');
        this.logger.log('database reachable again, resuming', {});
        return;
      } catch (err) {
        if (classifyFailure(err) !== 'database-unavailable') this.logger.warn('database probe failed', { error: errorMessage(err) });
        await delay(backoffDelay(this.probePolicy, attempt));
      }
    }
  }

  private pause(topic: string): void {
    if (this.pausedTopics.has(topic)) return;
    this.pausedTopics.add(topic);
    this.consumer()?.pause([{ topic }]);
    this.metrics?.paused.set({ topic }, 1);
  }

  private resume(topic: string): void {
    if (!this.pausedTopics.delete(topic)) return;
    this.consumer()?.resume([{ topic }]);
    this.metrics?.paused.set({ topic }, 0);
  }
}
