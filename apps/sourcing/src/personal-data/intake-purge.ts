// Agencies produce `recruiting.submissions.v1` in clear (name, email, phone,
// profile text), and its dead letters keep those original bytes. Sourcing
// seals everything it keeps, so once its consumer group has committed past a
// record, the record has no further use on the topic: the intake topic is a
// transit buffer. This is the rule of how far it may be cut: up to the
// committed offset of sourcing's group, never past a partition another live
// consumer group still reads, so nothing accepted is lost. The Kafka side
// (DeleteRecords) is intake-purge.reader.ts.

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
