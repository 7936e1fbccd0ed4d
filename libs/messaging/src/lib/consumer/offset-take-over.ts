// A topic moved from one named consumer to another changes Kafka group, and a
// group new to a topic starts at the configured reset: from the beginning
// replays the topic's whole history, from the end skips what was published
// while the service was being upgraded. Before the new group first joins, it
// takes the former group's committed offsets of the topic instead (once: a
// group that has offsets on the topic keeps them).
import type { Kafka } from 'kafkajs';
import { errorMessage } from '../failure-policy';
import type { MessagingLogger } from '../util';

export interface OffsetTakeOver {
  topic: string;
  /** The Kafka group that read the topic before. */
  fromGroup: string;
}

/** Committed offsets worth taking: partitions the former group had committed on (Kafka's -1 means none). */
export function offsetsToTake(
  own: ReadonlyArray<{ partition: number; offset: string }>,
  former: ReadonlyArray<{ partition: number; offset: string }>,
): Array<{ partition: number; offset: string }> {
  if (own.some((p) => Number(p.offset) >= 0)) return [];
  return former.filter((p) => Number(p.offset) >= 0).map(({ partition, offset }) => ({ partition, offset }));
}

/**
 * Never throws for a topic it could not take over (logged; the group then
 * starts at the configured reset, as without the option): another instance
 * starting at the same time may have joined the group first, and then it has
 * taken the offsets itself. Throws only when Kafka cannot be reached (the
 * consumer's start fails and is retried as a whole).
 */
export async function takeOverOffsets(kafka: Kafka, groupId: string, moves: readonly OffsetTakeOver[], logger: MessagingLogger): Promise<void> {
  if (moves.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const own = await admin.fetchOffsets({ groupId, topics: moves.map((m) => m.topic) });
    for (const move of moves) {
      const mine = own.find((t) => t.topic === move.topic)?.partitions ?? [];
      if (mine.some((p) => Number(p.offset) >= 0)) continue;
      const [former] = await admin.fetchOffsets({ groupId: move.fromGroup, topics: [move.topic] });
      const partitions = offsetsToTake(mine, former?.partitions ?? []);
      if (partitions.length === 0) continue;
      try {
        // Joins the group briefly with a consumer of its own and commits these offsets (refused if a member runs).
        await admin.setOffsets({ groupId, topic: move.topic, partitions });
        logger.log('consumer group took over the former group\'s offsets', { groupId, topic: move.topic, fromGroup: move.fromGroup, partitions: partitions.length });
      } catch (err) {
        logger.warn('could not take over the former group\'s offsets; the group starts at the configured reset', { groupId, topic: move.topic, fromGroup: move.fromGroup, error: errorMessage(err) });
      }
    }
  } finally {
    await admin.disconnect();
  }
}
