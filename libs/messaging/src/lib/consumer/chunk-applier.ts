// What happens to a chunk whose transaction fails: retry it with backoff, wait
// out a database outage, or split it to find the message responsible and
// dead-letter that one. It never returns with an item unaccounted for.
import {
  backoffDelay,
  classifyFailure,
  errorMessage,
  failureAction,
  handlerFailureReason,
  type RetryPolicy,
} from '../failure-policy';
import type { MessagingMetrics } from '../messaging.metrics';
import type { MessagingLogger } from '../util';
import type { DecodedItem } from './chunk-decoder';
import type { DatabaseOutage } from './database-outage';
import type { DeadLetterPublisher } from './dead-letter-publisher';
import type { PartitionBatch } from './partition-batch';

export type Outcome = 'done' | 'aborted';

export class ChunkApplier {
  constructor(
    /** The chunk's transaction (inbox claims, handlers, outbox rows). */
    private readonly applyInTransaction: (topic: string, items: readonly DecodedItem[]) => Promise<void>,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly outage: DatabaseOutage,
    private readonly retry: RetryPolicy,
    private readonly logger: MessagingLogger,
    private readonly metrics: MessagingMetrics | undefined,
  ) {}

  /** `firstAttempt`: the chunk's first transaction already ran and failed (alone in a group commit); go on from there. */
  async apply(batch: PartitionBatch, items: readonly DecodedItem[], firstAttempt?: { failure: unknown }): Promise<Outcome> {
    let attempt = 0;
    let alreadyFailed = firstAttempt;
    for (;;) {
      attempt++;
      let failure: unknown;
      if (alreadyFailed) {
        failure = alreadyFailed.failure;
        alreadyFailed = undefined;
      } else {
        try {
          await this.applyInTransaction(batch.topic, items);
          return 'done';
        } catch (err) {
          failure = err;
        }
      }
      const kind = classifyFailure(failure);
      const action = failureAction(kind);
      if (action === 'retry-with-backoff' || action === 'pause-and-probe') {
        if (attempt < this.retry.maxAttempts) {
          this.metrics?.retried.inc({ topic: batch.topic });
          await batch.sleepActive(backoffDelay(this.retry, attempt));
          if (!batch.isActive()) return 'aborted';
          continue;
        }
        if (action === 'pause-and-probe') {
          this.logger.warn('database unavailable, pausing consumption', { topic: batch.topic, error: errorMessage(failure) });
          if (!(await this.outage.waitOut(batch))) return 'aborted';
          attempt = 0;
          continue;
        }
      }
      // A handler error (or transient retries exhausted): find the message(s) responsible.
      if (items.length > 1) {
        this.logger.warn('batch failed, isolating per message', { topic: batch.topic, partition: batch.partition, size: items.length, error: errorMessage(failure) });
        for (const item of items) {
          if ((await this.apply(batch, [item])) === 'aborted') return 'aborted';
        }
        return 'done';
      }
      const reason = handlerFailureReason(kind, failure);
      this.logger.error('dead-lettering message', { topic: batch.topic, offset: items[0].raw.offset, code: reason.code, error: reason.message });
      await this.deadLetters.publish(batch, [{ raw: items[0].raw, reason }], attempt);
      return 'done';
    }
  }
}
