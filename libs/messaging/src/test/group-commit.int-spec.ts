// Group commit across partitions (consumer/chunk-group.ts) against the real
// Kafka and Postgres: the events one fetch carries on several partitions are
// applied in one transaction, a poison event on one partition costs the others
// nothing, and an event seen twice is still applied once.
import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { deadLetterTopic } from '@hiring/contracts';
import { entityManagerOf, type Tx } from '@hiring/platform';
import { listDeadLetters, type ConsumedEvent } from '../index';
import type { EventHandlerRegistration } from '../lib/consumer/handler-table';
import { consumerFixture, metricValue, recordEffects, type ConsumerFixture } from './consumer-fixture';
import { countEffects, orderingViolations, produce, TEST_TYPE, testEvent, topicSize, waitFor, type TestPayload } from './int-harness';

const PARTITIONS = 6;

/** The handler's calls: which (partition, offset) each got, in the order it got them. */
function recordingHandler(f: ConsumerFixture): { calls: Array<Array<{ partition: number; offset: number }>>; handlers: EventHandlerRegistration[] } {
  const calls: Array<Array<{ partition: number; offset: number }>> = [];
  const handle = async (events: ConsumedEvent[], tx: Tx): Promise<void> => {
    calls.push(events.map((e) => ({ partition: e.partition, offset: Number(e.offset) })));
    await recordEffects(events as ConsumedEvent<TestPayload>[], entityManagerOf(tx), f.schema);
  };
  return { calls, handlers: [{ topic: f.topic, types: [TEST_TYPE], name: 'effects', handle }] };
}

const partitionsOf = (call: ReadonlyArray<{ partition: number }>) => new Set(call.map((e) => e.partition)).size;

/** `perPartition` events on each partition, key `cand-<p>`, seq 1..perPartition; `explode` marks (partition, seq) poison. */
function onEveryPartition(perPartition: number, explode?: { partition: number; seq: number }): Array<Message & { id: string }> {
  const out: Array<Message & { id: string }> = [];
  for (let seq = 1; seq <= perPartition; seq++) {
    for (let p = 0; p < PARTITIONS; p++) {
      const id = randomUUID();
      const poison = explode?.partition === p && explode.seq === seq;
      out.push({ id, partition: p, key: `cand-${p}`, value: testEvent({ key: `cand-${p}`, seq, ...(poison ? { explode: true } : {}) }, id) });
    }
  }
  return out;
}

describe('group commit across partitions (real Kafka and Postgres)', () => {
  let f: ConsumerFixture;
  afterEach(async () => {
    await f?.cleanup();
  });

  it('applies the events one fetch carries on six partitions in fewer transactions than partitions, each partition in offset order', async () => {
    f = await consumerFixture(PARTITIONS);
    const messages = onEveryPartition(3);
    await produce(f.k, f.topic, messages); // all there before the consumer's first fetch
    const { calls, handlers } = recordingHandler(f);
    await f.newConsumer({ handlers, partitionsConsumedConcurrently: PARTITIONS }).start();
    await waitFor('all applied and committed', async () => (await countEffects(f.ds, f.schema)).rows === messages.length && (await f.lag()) === 0);

    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: messages.length, distinct: messages.length });
    expect(calls.length).toBeLessThan(PARTITIONS); // one call per partition without the group
    expect(Math.max(...calls.map(partitionsOf))).toBeGreaterThan(1);
    expect(await metricValue(f.registry, 'messaging_consumer_transactions_total')).toBe(calls.length);
    for (const call of calls) {
      for (let p = 0; p < PARTITIONS; p++) {
        const offsets = call.filter((e) => e.partition === p).map((e) => e.offset);
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      }
    }
    expect(await orderingViolations(f.ds, f.schema)).toEqual([]);
  });

  it("a poison event on one partition is dead-lettered alone; the other partitions' events of its group are applied once", async () => {
    f = await consumerFixture(PARTITIONS);
    const messages = onEveryPartition(2, { partition: 2, seq: 1 });
    const poison = messages.find((m) => m.partition === 2 && m.key === 'cand-2' && String(m.value).includes('"explode":true'));
    await produce(f.k, f.topic, messages);
    const { calls, handlers } = recordingHandler(f);
    await f.newConsumer({ handlers, partitionsConsumedConcurrently: PARTITIONS }).start();
    await waitFor('the poison dead-lettered', async () => (await topicSize(f.k, deadLetterTopic(f.topic))) >= 1);
    await waitFor('every partition committed to the end', async () => (await f.lag()) === 0);

    const good = messages.length - 1;
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: good, distinct: good });
    const letters = await listDeadLetters(f.k, f.topic, { limit: 10 });
    expect(letters).toHaveLength(1);
    expect(letters[0].reason).toMatch(/^HANDLER_ERROR/);
    expect((JSON.parse(String(letters[0].value)) as { id: string }).id).toBe(poison?.id);
    // The group held the poison with other partitions' events (and failed), then each chunk went alone.
    expect(calls.some((call) => partitionsOf(call) > 1 && call.some((e) => e.partition === 2))).toBe(true);
    expect(await metricValue(f.registry, 'messaging_messages_dead_lettered_total')).toBe(1);
    expect(await orderingViolations(f.ds, f.schema)).toEqual([]);
  });

  it('drops duplicates in a group: the same event on two partitions, and a redelivered log, are applied once', async () => {
    f = await consumerFixture(PARTITIONS);
    const messages = onEveryPartition(1);
    const twice = messages[0]; // partition 0; its copy goes to partition 3 under another key
    messages.push({ id: twice.id, partition: 3, key: 'cand-3', value: testEvent({ key: 'cand-3', seq: 2 }, twice.id) });
    await produce(f.k, f.topic, messages);
    const { calls, handlers } = recordingHandler(f);
    const first = f.newConsumer({ handlers, partitionsConsumedConcurrently: PARTITIONS });
    await first.start();
    await waitFor('applied and committed', async () => (await countEffects(f.ds, f.schema)).rows >= PARTITIONS && (await f.lag()) === 0);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: PARTITIONS, distinct: PARTITIONS });
    expect(calls.some((call) => partitionsOf(call) > 1)).toBe(true);
    await first.stop();

    const admin = f.k.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: f.groupId, topic: f.topic, earliest: true });
    await admin.disconnect();
    await f.newConsumer({ handlers, partitionsConsumedConcurrently: PARTITIONS }).start();
    await waitFor('redelivery consumed and committed', async () => (await f.lag()) === 0);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: PARTITIONS, distinct: PARTITIONS });
    expect(await metricValue(f.registry, 'messaging_messages_duplicate_total')).toBe(1 + messages.length);
  });
});
