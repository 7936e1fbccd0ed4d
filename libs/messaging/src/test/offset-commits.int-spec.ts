// The batch consumer commits offsets once per autoCommitInterval, not once per
// batch (offset-commits.ts): events that arrive one at a time, each its own
// batch, cost no OffsetCommit each; what they resolved is still committed
// an interval after the flow stops, and before the consumer leaves the group.
import { consumerFixture, metricValue, type ConsumerFixture } from './consumer-fixture';
import { countEffects, testEvent, waitFor } from './int-harness';

const COMMITS = 'messaging_consumer_offset_commits_total';

/** Sends `n` events one at a time, each applied before the next is sent, so each is a batch of its own. */
async function oneAtATime(f: ConsumerFixture, n: number): Promise<void> {
  const producer = f.k.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let seq = 1; seq <= n; seq++) {
      await producer.send({ topic: f.topic, acks: -1, messages: [{ key: 'cand-1', value: testEvent({ key: 'cand-1', seq }) }] });
      await waitFor(`event ${seq} applied`, async () => (await countEffects(f.ds, f.schema)).rows === seq, { intervalMs: 20 });
    }
  } finally {
    await producer.disconnect();
  }
}

describe('batch consumer offset commits against the real Kafka', () => {
  let f: ConsumerFixture;
  afterEach(async () => {
    await f?.cleanup();
  });

  it('twenty single-event batches within one interval send no OffsetCommit; stop() commits them all before leaving', async () => {
    f = await consumerFixture(1);
    const consumer = f.newConsumer({ autoCommitInterval: 120_000 });
    await consumer.start();
    await oneAtATime(f, 20);
    // kafkajs' own autoCommit would have committed after each of the 20 batches.
    expect(await metricValue(f.registry, COMMITS)).toBe(0);
    expect(await f.lag()).toBe(20);
    await consumer.stop();
    expect(await f.lag()).toBe(0);
    expect(await metricValue(f.registry, COMMITS)).toBe(1);
  });

  it('an idle consumer commits what its last batches resolved an interval after them', async () => {
    f = await consumerFixture(1);
    const consumer = f.newConsumer({ autoCommitInterval: 300 });
    await consumer.start();
    await oneAtATime(f, 3);
    // No batch follows: only the consumer's own timer can commit the last offset.
    await waitFor('committed while idle', async () => (await f.lag()) === 0, { timeoutMs: 15_000 });
    expect(await metricValue(f.registry, COMMITS)).toBeLessThanOrEqual(3);
    await consumer.stop();
  });
});
