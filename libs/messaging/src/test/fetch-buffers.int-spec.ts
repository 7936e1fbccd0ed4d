// What a consumed record's bytes keep alive (lane 21c). kafkajs decodes a
// fetch response into slices of the whole response; a batch held while its
// chunks are written is promoted by V8 and keeps that response until the next
// full collection. With kafka-fetch-buffers.ts each record batch is a copy of
// its own, freed when the consumer is done with its batch.
import { consumerFixture, metricValue, type ConsumerFixture } from './consumer-fixture';
import { countEffects, keyedStream, produce, testDecode, testEvent, waitFor } from './int-harness';
import type { DecodeFn } from '../index';

describe('consumed records: bytes of their own, freed with their batch', () => {
  let f: ConsumerFixture;
  afterEach(async () => {
    await f?.cleanup();
  });

  it('two record batches fetched together: each record holds its own batch\'s copy, not the response, and reads empty once its batch is done', async () => {
    f = await consumerFixture(1);
    const stream = keyedStream(10, 6);
    const messages = stream.map((e) => ({ key: e.key, value: testEvent({ key: e.key, seq: e.seq }, e.id) }));
    const produced = messages.reduce((n, m) => n + m.value.length, 0);
    // Two produce requests: two record batches in the partition, both in the consumer's first fetch.
    await produce(f.k, f.topic, messages, messages.length / 2);

    const seen: Array<{ value: Buffer; storeBytes: number }> = [];
    const decode: DecodeFn = (message, ctx) => {
      if (message.value) seen.push({ value: message.value, storeBytes: message.value.buffer.byteLength });
      return testDecode(message, ctx);
    };
    const consumer = f.newConsumer({ decode });
    await consumer.start();
    await waitFor('every event applied', async () => (await countEffects(f.ds, f.schema)).rows === stream.length);
    await waitFor('the batch released', async () => (await metricValue(f.registry, 'messaging_fetch_bytes_released_total')) > 0);

    expect(seen).toHaveLength(stream.length);
    // Each record's memory is its record batch: about half of what was produced, never the response holding both.
    const stores = new Set(seen.map((s) => s.value.buffer));
    expect(stores.size).toBe(2);
    for (const s of seen) expect(s.storeBytes).toBeLessThan(produced * 0.75);
    // Freed (detached) when the batch was done: the Buffers the decoder saw read empty.
    expect(seen.every((s) => s.value.length === 0)).toBe(true);
    expect(await metricValue(f.registry, 'messaging_fetch_bytes_released_total')).toBeGreaterThanOrEqual(produced);
  });
});
