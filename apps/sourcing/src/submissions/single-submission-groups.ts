import { Injectable, Logger } from '@nestjs/common';
import { SourcingConfig } from '../sourcing.config';
import { GroupQueue } from './group-queue';
import { SubmissionGroupMetrics } from './submission-group.metrics';
import { SubmissionIntakeService, type IntakeItem, type IntakeResult } from './submission-intake.service';

interface Waiting {
  item: IntakeItem;
  resolve(result: IntakeResult): void;
  reject(error: unknown): void;
}

/**
 * Single submissions (HTTP single POSTs) that arrive while a write of single
 * submissions is in flight are written together, as one intake chunk, when
 * it finishes: a chunk costs about as many statements for many items as for
 * one, so concurrent single POSTs stop each paying a whole transaction. No
 * timer: a request that finds nothing in flight is written at once.
 *
 * Each request gets its own item's result, as if it had come alone: the intake
 * takes an item repeating an earlier one of the chunk (same externalId or
 * Idempotency-Key) a round later, and decides ownership item after item, so a
 * group behaves as its requests one after another. If the group's call throws
 * (not a per-item result), every request of it is written alone, so one
 * request's failure is never another's.
 *
 * SINGLE_SUBMISSION_GROUP_MAX_ITEMS = 0 turns grouping off (each request
 * writes alone, concurrently).
 */
@Injectable()
export class SingleSubmissionGroups {
  private readonly logger = new Logger('SingleSubmissionGroups');
  private readonly queue: GroupQueue<Waiting> | undefined;

  constructor(
    private readonly intake: SubmissionIntakeService,
    private readonly metrics: SubmissionGroupMetrics,
    config: SourcingConfig,
  ) {
    const max = config.SINGLE_SUBMISSION_GROUP_MAX_ITEMS;
    this.queue = max > 0 ? new GroupQueue<Waiting>(max) : undefined;
  }

  /** The item's own result; throws only what its own intake call threw. */
  submit(item: IntakeItem): Promise<IntakeResult> {
    if (!this.queue) return this.alone(item);
    const queue = this.queue;
    return new Promise<IntakeResult>((resolve, reject) => {
      const group = queue.arrive({ item, resolve, reject });
      if (group) void this.writeWhileWaiting(queue, group);
    });
  }

  /** Requests waiting for the group in flight (tests wait on it). */
  get waiting(): number {
    return this.queue?.waiting ?? 0;
  }

  /** Writes the group, then every group that gathered meanwhile, until none waits. Never throws. */
  private async writeWhileWaiting(queue: GroupQueue<Waiting>, first: Waiting[]): Promise<void> {
    for (let group: Waiting[] | undefined = first; group; group = queue.finished()) await this.write(group);
  }

  private async write(group: readonly Waiting[]): Promise<void> {
    this.metrics.size.observe(group.length);
    if (group.length === 1) {
      const [only] = group as [Waiting];
      await this.alone(only.item).then(only.resolve, only.reject);
      return;
    }
    let results: IntakeResult[];
    try {
      results = await this.intake.submitAll(group.map((w) => w.item));
    } catch (error) {
      this.metrics.fallbacks.inc();
      this.logger.warn(`a group of ${group.length} single submissions failed (${error instanceof Error ? error.message : String(error)}); writing each alone`);
      await Promise.all(group.map((w) => this.alone(w.item).then(w.resolve, w.reject)));
      return;
    }
    group.forEach((w, i) => {
      const result = results[i];
      if (result) w.resolve(result);
      else w.reject(new Error('submission intake returned no result'));
    });
  }

  private async alone(item: IntakeItem): Promise<IntakeResult> {
    const [result] = await this.intake.submitAll([item]);
    if (!result) throw new Error('submission intake returned no result');
    return result;
  }
}
