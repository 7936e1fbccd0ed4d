// A busy consumer's fetch linger (consumer/fetch-linger.ts) against the real
// Kafka and Postgres: after a fetch of several events the consumer holds its
// next fetch back, so what arrives meanwhile comes in one batch and one
// transaction; after a fetch of a single event it fetches again at once.
import type { Producer } from 'kafkajs';
import type { Tx } from '@hiring/platform';
import { entityManagerOf } from '@hiring/platform/tx';
import type { ConsumedEvent } from '../index';
import { consumerFixture, metricValue, recordEffects, type ConsumerFixture } from './consumer-fixture';
import { countEffects, testEvent, TEST_TYPE, waitFor, type TestPayload } from './int-harness';

const LINGERS = 'messaging_consumer_fetch_lingers_total';

describe('consumer fetch linger (real Kafka and Postgres)', () => {
  let f: ConsumerFixture;
  let producer: Producer | undefined;
  afterEach(async () => {
    await producer?.disconnect();
    producer = undefined;
    await f?.cleanup();
  });

  async function send(...seqs: number[]): Promise<void> {
    producer ??= f.k.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic: f.topic, acks: -1, messages: seqs.map((seq) => ({ key: 'cand-1', value: testEvent({ key: 'cand-1', seq }) })) });
  }

  /** The handler's calls, as the seq of the events each got. */
  function recordingConsumer(fetchLingerMs: number) {
    const calls: number[][] = [];
    const handle = async (events: ConsumedEvent[], tx: Tx): Promise<void> => {
      calls.push(events.map((e) => (e.data as TestPayload).seq));
      await recordEffects(events as ConsumedEvent<TestPayload>[], entityManagerOf(tx), f.schema);
    };
    const consumer = f.newConsumer({ fetchLingerMs, handlers: [{ topic: f.topic, types: [TEST_TYPE], name: 'effects', handle }] });
    return { consumer, calls };
  }

  it('after a fetch of two events, holds the next fetch: events sent meanwhile come in one batch', async () => {
    f = await consumerFixture(1);
    await send(1, 2); // one fetch of two
    const { consumer, calls } = recordingConsumer(15_000);
    await consumer.start();
    await waitFor('first two applied', async () => (await countEffects(f.ds, f.schema)).rows === 2, { intervalMs: 20 });
    // Fails without the linger: the consumer goes straight back to fetching.
    await waitFor('holding the next fetch', () => consumer.lingering, { intervalMs: 5 });
    await send(3);
    await send(4);
    // Both sent while it held its fetch: neither fetched yet.
    expect(consumer.lingering).toBe(true);
    expect((await countEffects(f.ds, f.schema)).rows).toBe(2);
    await waitFor('all four applied', async () => (await countEffects(f.ds, f.schema)).rows === 4, { intervalMs: 20 });
    expect(calls).toEqual([[1, 2], [3, 4]]);
    expect(await metricValue(f.registry, LINGERS)).toBeGreaterThanOrEqual(1);
  });

  it('after a fetch of a single event, fetches again at once (a lone event waits for nothing)', async () => {
    f = await consumerFixture(1);
    const { consumer, calls } = recordingConsumer(600_000);
    await consumer.start();
    for (let seq = 1; seq <= 3; seq++) {
      await send(seq);
      // Well under the linger: fails if a single event held the next fetch back.
      await waitFor(`event ${seq} applied`, async () => (await countEffects(f.ds, f.schema)).rows === seq, { intervalMs: 20, timeoutMs: 30_000 });
    }
    expect(calls).toEqual([[1], [2], [3]]);
    expect(consumer.lingering).toBe(false);
    expect(await metricValue(f.registry, LINGERS)).toBe(0);
  });
});
