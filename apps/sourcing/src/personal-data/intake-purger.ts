// Runs the intake purge (intake-purge.ts): every SUBMISSIONS_PURGE_INTERVAL_MS
// on the submissions topic, and on both the topic and its dead letters when a
// candidate is erased. Kafka trouble is logged and left to the next run: the
// records stay where they are, nothing is lost, and the topics' retention is
// the backstop (docs/sourcing.md, "The intake topic and its dead letters").
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { delay, MESSAGING_KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from '@hiring/messaging';
import { SourcingConfig } from '../sourcing.config';
import { consumedUpTo, partitionEnds, purgeConsumed, type TopicPurge } from './intake-purge';

/** The topics that carry what agencies sent in clear. */
export const INTAKE_TOPICS: readonly string[] = [TOPICS.submissions, deadLetterTopic(TOPICS.submissions)];

const CONSUMED_POLL_MS = 200;

@Injectable()
export class IntakePurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntakePurge');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly config: SourcingConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.SUBMISSIONS_PURGE_INTERVAL_MS;
    // Off in a produce-only process: without our consumer nothing is committed, so nothing could be purged.
    if (every <= 0 || this.options.consumer?.enabled === false) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.purgeSubmissions()
        .catch((error: unknown) => this.logger.warn(`submissions purge failed (retried next run): ${message(error)}`))
        .finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Deletes the submissions sourcing has consumed (the periodic run). */
  purgeSubmissions(): Promise<TopicPurge> {
    return this.withAdmin((admin) => purgeConsumed(admin, TOPICS.submissions, this.options.groupId));
  }

  /**
   * After an erasure: waits (at most ERASURE_PURGE_WAIT_MS) until sourcing has
   * consumed everything both intake topics held when it was called, then
   * deletes what was consumed. true when both now start past those ends, so no
   * record the person could be in is left; false (logged) when the wait ran
   * out or Kafka failed: repeating the erasure purges again.
   */
  async purgeAfterErasure(): Promise<boolean> {
    try {
      return await this.withAdmin(async (admin) => {
        const deadline = Date.now() + this.config.ERASURE_PURGE_WAIT_MS;
        let complete = true;
        for (const topic of INTAKE_TOPICS) {
          const marks = await partitionEnds(admin, topic);
          while (!(await consumedUpTo(admin, topic, this.options.groupId, marks)) && Date.now() < deadline) await delay(CONSUMED_POLL_MS);
          const purge = await purgeConsumed(admin, topic, this.options.groupId, marks);
          if (!purge.reachedMarks) this.logger.warn(`erasure purge of ${topic} stopped short: records not yet consumed by every reader remain (deleted ${purge.deleted})`);
          complete = complete && purge.reachedMarks;
        }
        return complete;
      });
    } catch (error) {
      this.logger.warn(`erasure purge of the intake topics failed: ${message(error)}`);
      return false;
    }
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
