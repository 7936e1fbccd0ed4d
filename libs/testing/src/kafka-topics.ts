import type { Admin, ITopicConfig } from 'kafkajs';
import { waitForTopicLeaders } from '@hiring/messaging';

/**
 * Creates a per-test topic (the broker runs with auto.create.topics.enable=false)
 * and returns once every partition has a leader, so the first produce does not
 * race leader election. Replication factor 1: the local broker is single-node.
 */
export async function createTopic(
  admin: Admin,
  name: string,
  partitions: number,
  configEntries: ITopicConfig['configEntries'] = [],
): Promise<void> {
  const created = await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1, configEntries }],
  });
  await waitForTopicLeaders(admin, [name]);
  if (!created) {
    // Existing topic: fine only if it is the same shape; a clash of names
    // between tests would otherwise show up as mysterious extra messages.
    const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
    const actual = topics[0]?.partitions.length ?? 0;
    if (actual !== partitions) {
      throw new Error(`topic ${name} already exists with ${actual} partitions, wanted ${partitions}`);
    }
  }
}

/** Best-effort cleanup of per-test topics; unknown topics are ignored. */
export async function deleteTopics(admin: Admin, names: string[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const topics = names.filter((n) => existing.has(n));
  if (topics.length > 0) await admin.deleteTopics({ topics });
}
