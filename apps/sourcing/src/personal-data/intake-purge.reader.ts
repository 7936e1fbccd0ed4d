// The Kafka side of the intake purge (the cut rule is intake-purge.ts): every
// SUBMISSIONS_PURGE_INTERVAL_MS on the submissions topic, and on both the topic
// and its dead letters when a candidate is erased. Kafka trouble is logged and left to the next run: the
// records stay where they are, nothing is lost, and the topics' retention is
// the backstop (docs/sourcing.md, "The intake topic and its dead letters").
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { delay, MESSAGING_KAFKA, MESSAGING_OPTIONS, type MessagingModuleOptions } from '@hiring/messaging';
import { SourcingConfig } from '../sourcing.config';
import { purgeTargets, type CommittedOffsets } from './intake-purge';

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

  /** Deletes the submissions sourcing has consumed (the periodic run); resolves with how many. */
  purgeSubmissions(): Promise<{ topic: string; deleted: number }> {
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

/** What one purge of a topic did. */
interface TopicPurge {
  topic: string;
  /** Records deleted (sum over partitions of new start minus old start). */
  deleted: number;
  /** true when every partition now starts at or past `marks` (when marks were given). */
  reachedMarks: boolean;
}

/** The consumer groups other than `ownGroup` that are alive and subscribed to (or assigned) `topic`. */
async function otherReadingGroups(admin: Admin, topic: string, ownGroup: string): Promise<string[]> {
  const ids = (await admin.listGroups()).groups.filter((g) => g.groupId !== ownGroup && (g.protocolType === 'consumer' || g.protocolType === '')).map((g) => g.groupId);
  if (ids.length === 0) return [];
  const described = await admin.describeGroups(ids);
  return described.groups
    .filter((g) => g.state !== 'Empty' && g.state !== 'Dead')
    .filter((g) =>
      g.members.some((m) => {
        const subscribed = safely(() => AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? []);
        const assigned = safely(() => Object.keys(AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {}));
        return subscribed.includes(topic) || assigned.includes(topic);
      }),
    )
    .map((g) => g.groupId);
}

function safely(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    // A member of another protocol or mid-join: nothing decodable, not a reader of ours.
    return [];
  }
}

async function committedOffsets(admin: Admin, groupId: string, topic: string): Promise<CommittedOffsets> {
  const [mine] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return new Map((mine?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
}

/** Each partition's first offset still stored (the low watermark). */
async function partitionStarts(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.low)]));
}

/** Each partition's end (the high watermark). */
async function partitionEnds(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
}

/** Whether `ownGroup` has committed at or past `marks` on every partition that still holds records before its mark. */
async function consumedUpTo(admin: Admin, topic: string, ownGroup: string, marks: ReadonlyMap<number, bigint>): Promise<boolean> {
  const committed = await committedOffsets(admin, ownGroup, topic);
  const start = await partitionStarts(admin, topic);
  return [...marks].every(([partition, mark]) => (start.get(partition) ?? 0n) >= mark || (committed.get(partition) ?? -1n) >= mark);
}

/**
 * Deletes the records of `topic` that `ownGroup` and every other live reader
 * have committed past. With `marks`, also says whether each partition now
 * starts at or past its mark (an erasure passes the ends it saw).
 */
async function purgeConsumed(admin: Admin, topic: string, ownGroup: string, marks?: ReadonlyMap<number, bigint>): Promise<TopicPurge> {
  const start = await partitionStarts(admin, topic);
  const readers = [await committedOffsets(admin, ownGroup, topic)];
  for (const group of await otherReadingGroups(admin, topic, ownGroup)) readers.push(await committedOffsets(admin, group, topic));
  const targets = purgeTargets(start, readers);
  if (targets.length > 0) {
    await admin.deleteTopicRecords({ topic, partitions: targets.map((t) => ({ partition: t.partition, offset: t.offset.toString() })) });
  }
  const after = await partitionStarts(admin, topic);
  const deleted = [...after].reduce((sum, [p, low]) => sum + Number(low - (start.get(p) ?? low)), 0);
  const reachedMarks = marks === undefined || [...marks].every(([p, mark]) => (after.get(p) ?? 0n) >= mark);
  return { topic, deleted, reachedMarks };
}
