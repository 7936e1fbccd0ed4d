// Agencies produce `recruiting.submissions.v1` in clear (name, email, phone,
// profile text), and its dead letters keep those original bytes. Sourcing
// seals everything it keeps, so once its consumer group has committed past a
// record, the record has no further use on the topic: the intake topic is a
// transit buffer. This purges (Kafka DeleteRecords, `admin.deleteTopicRecords`) each partition up to the
// committed offset of sourcing's group, never past a partition another live
// consumer group still reads, so nothing accepted is lost.
import type { Admin } from 'kafkajs';
import { AssignerProtocol } from 'kafkajs';

/** Committed offsets of one consumer group on one topic: partition → offset (-1: nothing committed). */
export type CommittedOffsets = ReadonlyMap<number, bigint>;

export interface PartitionPurge {
  partition: number;
  /** Records before this offset are deleted. */
  offset: bigint;
}

/**
 * Where each partition can be cut: the lowest offset every reading group has
 * committed (a partition any of them has not committed on is left alone),
 * when that is past the partition's current start. Pure, so the rule is
 * tested without Kafka.
 */
export function purgeTargets(start: ReadonlyMap<number, bigint>, groups: readonly CommittedOffsets[]): PartitionPurge[] {
  if (groups.length === 0) return [];
  const out: PartitionPurge[] = [];
  for (const [partition, low] of start) {
    const committed = groups.map((g) => g.get(partition) ?? -1n);
    if (committed.some((c) => c < 0n)) continue;
    const offset = committed.reduce((a, b) => (b < a ? b : a));
    if (offset > low) out.push({ partition, offset });
  }
  return out;
}

/** What one purge of a topic did. */
export interface TopicPurge {
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
export async function partitionStarts(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.low)]));
}

/** Each partition's end (the high watermark). */
export async function partitionEnds(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  return new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
}

/** Whether `ownGroup` has committed at or past `marks` on every partition that still holds records before its mark. */
export async function consumedUpTo(admin: Admin, topic: string, ownGroup: string, marks: ReadonlyMap<number, bigint>): Promise<boolean> {
  const committed = await committedOffsets(admin, ownGroup, topic);
  const start = await partitionStarts(admin, topic);
  return [...marks].every(([partition, mark]) => (start.get(partition) ?? 0n) >= mark || (committed.get(partition) ?? -1n) >= mark);
}

/**
 * Deletes the records of `topic` that `ownGroup` and every other live reader
 * have committed past. With `marks`, also says whether each partition now
 * starts at or past its mark (an erasure passes the ends it saw).
 */
export async function purgeConsumed(admin: Admin, topic: string, ownGroup: string, marks?: ReadonlyMap<number, bigint>): Promise<TopicPurge> {
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
