import type { Admin } from 'kafkajs';
import { delay } from './util';

/**
 * Returns once the broker serves metadata for every partition of `topics`
 * with a leader, or throws at the deadline. kafkajs' own `waitForLeaders`
 * gives up when a KRaft broker briefly answers "does not host this
 * topic-partition" right after creation; here that answer means "not yet".
 */
export async function waitForTopicLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      last = 'partitions without a leader';
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`no leaders for ${topics.join(', ')} after ${timeoutMs}ms: ${last instanceof Error ? last.message : String(last)}`);
    }
    await delay(100);
  }
}
