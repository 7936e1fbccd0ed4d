import { randomUUID } from 'node:crypto';
import { deadLetterTopic } from '@hiring/contracts';
import { DomainError, DomainErrorCode } from '@hiring/domain';
import { ServiceException, entityManagerOf, type ExceptionMappings, type Tx } from '@hiring/platform';
import { DLQ_HEADERS, listDeadLetters, replayDeadLetter, TransientError, type ConsumedEvent } from '../index';
import { consumerFixture, metricValue, recordEffects, type ConsumerFixture } from './consumer-fixture';
import {
  countEffects,
  TEST_TYPE,
  DbProxy,
  keyedStream,
  openDataSource,
  orderingViolations,
  produce,
  proxiedUrl,
  testEvent,
  topicSize,
  waitFor,
  type TestPayload,
} from './int-harness';

type ShelfCode = 'SHELF_BUSY';
const SHELF: ExceptionMappings<ShelfCode> = { SHELF_BUSY: { http: { status: 503, slug: 'shelf-busy', title: 'Shelf busy' }, kafka: 'retry' } };
class ShelfException extends ServiceException<ShelfCode> {
  override readonly name = 'ShelfException';
  protected readonly mappings = SHELF;
}

const toMessages = (stream: Array<{ id: string; key: string; seq: number }>) =>
  stream.map((e) => ({ key: e.key, value: testEvent({ key: e.key, seq: e.seq }, e.id) }));

describe('batch consumer against the real Kafka and Postgres', () => {
  let f: ConsumerFixture;
  afterEach(async () => {
    await f?.cleanup();
  });

  it('redelivery of processed batches (offsets reset to 0, same ids re-produced) causes no second effect', async () => {
    f = await consumerFixture();
    const stream = keyedStream(30, 10);
    await produce(f.k, f.topic, toMessages(stream));
    const first = f.newConsumer();
    await first.start();
    await waitFor('first pass applied', async () => (await countEffects(f.ds, f.schema)).rows === stream.length);
    await waitFor('first pass committed', async () => (await f.lag()) === 0);
    await first.stop();

    // Replay the whole partition log and publish 50 of the same events again.
    const admin = f.k.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: f.groupId, topic: f.topic, earliest: true });
    await admin.disconnect();
    await produce(f.k, f.topic, toMessages(stream.slice(0, 50)));
    expect(await f.lag()).toBe(stream.length + 50);

    const second = f.newConsumer();
    await second.start();
    await waitFor('redelivered log consumed and committed', async () => (await f.lag()) === 0);
    expect(await metricValue(f.registry, 'messaging_messages_duplicate_total')).toBeGreaterThanOrEqual(stream.length + 50);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
  });

  it('a topic whose every handler opted out of the inbox (inbox: false) writes no inbox rows and hands a redelivery to the handler again', async () => {
    f = await consumerFixture();
    const stream = keyedStream(10, 5);
    await produce(f.k, f.topic, toMessages(stream));
    const handlers = [{ topic: f.topic, types: [TEST_TYPE], name: 'effects', inbox: false, handle: (events: ConsumedEvent[], tx: Tx) => recordEffects(events as ConsumedEvent<TestPayload>[], entityManagerOf(tx), f.schema) }];
    const consumer = f.newConsumer({ handlers });
    await consumer.start();
    await waitFor('applied and committed', async () => (await countEffects(f.ds, f.schema)).rows === stream.length && (await f.lag()) === 0);
    await produce(f.k, f.topic, toMessages(stream.slice(0, 20))); // the same ids again
    await waitFor('redelivery applied and committed', async () => (await countEffects(f.ds, f.schema)).rows === stream.length + 20 && (await f.lag()) === 0);
    // This handler is not idempotent (one row per call), so the second copies show: only a handler whose effect is may opt out.
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length + 20, distinct: stream.length });
    expect(await f.ds.query(`SELECT count(*)::int AS n FROM "${f.schema}".inbox`)).toEqual([{ n: 0 }]);
    expect(await metricValue(f.registry, 'messaging_messages_duplicate_total')).toBe(0);
    expect(await metricValue(f.registry, 'messaging_messages_processed_total')).toBe(stream.length + 20);
  });

  it('1% poison messages in ~1000: good ones applied, each bad one dead-lettered with its reason, no partition stuck', async () => {
    f = await consumerFixture();
    const stream = keyedStream(50, 20);
    const messages = toMessages(stream);
    const bad = new Map<string, Buffer>();
    // 10 invalid payloads (validation) and 3 the handler rejects (isolated from their batch).
    for (let i = 0; i < 13; i++) {
      const at = 37 + i * 71;
      const id = randomUUID();
      const key = stream[at].key;
      const value = i < 10 ? testEvent({ key, seq: 'not-a-number' }, id) : testEvent({ key, seq: 0, explode: true }, id);
      bad.set(id, value);
      messages.splice(at, 0, { key, value });
    }
    await produce(f.k, f.topic, messages);
    const consumer = f.newConsumer();
    await consumer.start();

    await waitFor('all good events applied', async () => (await countEffects(f.ds, f.schema)).rows === stream.length);
    await waitFor('every bad one dead-lettered', async () => (await topicSize(f.k, deadLetterTopic(f.topic))) >= bad.size);
    await waitFor('every partition committed to the end', async () => (await f.lag()) === 0);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
    expect(await orderingViolations(f.ds, f.schema)).toEqual([]);

    const letters = await listDeadLetters(f.k, f.topic, { limit: 100 });
    expect(letters).toHaveLength(bad.size);
    const reasons = letters.map((l) => l.reason.split(':')[0]).sort();
    expect(reasons).toEqual([...Array(3).fill('HANDLER_ERROR'), ...Array(10).fill('INVALID_PAYLOAD')]);
    for (const l of letters) {
      const id = (JSON.parse(l.value?.toString('utf8') ?? '{}') as { id: string }).id;
      expect(l.value?.equals(bad.get(id) ?? Buffer.alloc(0))).toBe(true); // original bytes
      expect(l.key).toMatch(/^cand-/);
      expect(l.sourceTopic).toBe(f.topic);
      expect(l.consumerGroup).toBe(f.groupId);
      expect(l.sourceOffset).toMatch(/^\d+$/);
      expect(Date.parse(l.failedAt)).not.toBeNaN();
      expect(l.attempts).toBeGreaterThanOrEqual(1);
      if (l.reason.startsWith('INVALID_PAYLOAD')) expect(l.errors.map((e) => e.path)).toEqual(['data.seq']);
    }

    // Replay one: it comes back to the source topic with its original bytes and a dlq-replayed-from header.
    const target = letters.find((l) => l.reason.startsWith('INVALID_PAYLOAD'));
    const replay = await replayDeadLetter(f.k, deadLetterTopic(f.topic), target?.partition ?? 0, target?.offset ?? '0');
    expect(replay.topic).toBe(f.topic);
    await waitFor('replayed letter dead-lettered again', async () => (await topicSize(f.k, deadLetterTopic(f.topic))) === bad.size + 1);
    const again = (await listDeadLetters(f.k, f.topic, { limit: 100 })).at(-1);
    expect(again?.headers[DLQ_HEADERS.replayedFrom]).toBe(`${deadLetterTopic(f.topic)}/${target?.partition}/${target?.offset}`);
    expect(again?.value?.equals(target?.value ?? Buffer.alloc(0))).toBe(true);
  });

  it("a rule's refusal goes where the platform's table says, the same in every service: a domain error dead-lettered at once with its code, a retry code retried first", async () => {
    f = await consumerFixture(1);
    const refused = randomUUID();
    const busy = randomUUID();
    const aloneRuns = new Map<string, number>();
    const stream = keyedStream(5, 4);
    const messages = toMessages(stream);
    messages.splice(7, 0, { key: stream[7].key, value: testEvent({ key: stream[7].key, seq: 0 }, refused) });
    messages.splice(13, 0, { key: stream[13].key, value: testEvent({ key: stream[13].key, seq: 0 }, busy) });
    await produce(f.k, f.topic, messages);
    const consumer = f.newConsumer({
      retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
      handlers: [
        {
          topic: f.topic,
          types: [TEST_TYPE],
          name: 'refusing',
          handle: async (events, tx) => {
            if (events.length === 1) aloneRuns.set(events[0].id, (aloneRuns.get(events[0].id) ?? 0) + 1);
            if (events.some((e) => e.id === refused)) throw new DomainError(DomainErrorCode.RUBRIC_MISMATCH, 'screening was made with r1@1, not r1@2');
            if (events.some((e) => e.id === busy)) throw new ShelfException('SHELF_BUSY', 'the shelf is busy');
            await recordEffects(events as ConsumedEvent<TestPayload>[], entityManagerOf(tx), f.schema);
          },
        },
      ],
    });
    await consumer.start();

    await waitFor('both refused events dead-lettered', async () => (await topicSize(f.k, deadLetterTopic(f.topic))) >= 2);
    await waitFor('the rest applied and committed', async () => (await f.lag()) === 0);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
    const letters = await listDeadLetters(f.k, f.topic, { limit: 10 });
    const letterOf = (id: string) => letters.find((l) => (JSON.parse(l.value?.toString('utf8') ?? '{}') as { id: string }).id === id);
    expect(letterOf(refused)).toMatchObject({ reason: expect.stringMatching(/^RUBRIC_MISMATCH: DomainError: /), attempts: 1 });
    expect(letterOf(busy)).toMatchObject({ reason: expect.stringMatching(/^RETRIES_EXHAUSTED: ShelfException: the shelf is busy/), attempts: 3 });
    // Once isolated from its chunk, the domain error is not tried again; the retry code is, up to the budget.
    expect(aloneRuns.get(refused)).toBe(1);
    expect(aloneRuns.get(busy)).toBe(3);
  });

  it("a handler's prepare runs before the chunk's transaction opens, its result reaches the handler, and its transient failure is retried with nothing lost", async () => {
    f = await consumerFixture(2);
    const stream = keyedStream(6, 5);
    await produce(f.k, f.topic, toMessages(stream));
    let failuresLeft = 1;
    const handled: { xactStart: Date; prepared: { ids: string[]; at: Date }; ids: string[] }[] = [];
    const consumer = f.newConsumer({
      handlers: [
        {
          topic: f.topic,
          types: [TEST_TYPE],
          name: 'prepared-effects',
          // Stands for a call to another service (a key lookup): it must not run inside the transaction.
          prepare: async (events) => {
            if (failuresLeft-- > 0) throw new TransientError('the other service is busy');
            const [{ now }] = (await f.ds.query('SELECT clock_timestamp() AS now')) as { now: Date }[];
            return { ids: events.map((e) => e.id), at: now };
          },
          handle: async (events, tx, prepared) => {
            const em = entityManagerOf(tx);
            const [{ xact_start }] = (await em.query('SELECT xact_start FROM pg_stat_activity WHERE pid = pg_backend_pid()')) as { xact_start: Date }[];
            handled.push({ xactStart: xact_start, prepared: prepared as { ids: string[]; at: Date }, ids: events.map((e) => e.id) });
            await recordEffects(events as ConsumedEvent<TestPayload>[], em, f.schema);
          },
        },
      ],
    });
    await consumer.start();
    await waitFor('every event applied', async () => (await countEffects(f.ds, f.schema)).rows === stream.length);
    expect(failuresLeft).toBeLessThan(0);
    expect(handled.length).toBeGreaterThan(0);
    for (const h of handled) {
      expect(h.prepared.ids).toEqual(expect.arrayContaining(h.ids));
      // Postgres' own clock: the prepare finished before the handler's transaction began.
      expect(h.prepared.at.getTime()).toBeLessThanOrEqual(h.xactStart.getTime());
    }
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
  });

  it('a second instance joins and leaves mid-stream: nothing lost, nothing applied twice', async () => {
    f = await consumerFixture();
    const stream = keyedStream(60, 50);
    const a = f.newConsumer({ maxChunkSize: 50 });
    await a.start();
    const producing = (async () => {
      for (let i = 0; i < stream.length; i += 250) await produce(f.k, f.topic, toMessages(stream.slice(i, i + 250)));
    })();
    await waitFor('A is applying', async () => (await countEffects(f.ds, f.schema)).rows >= 300);
    const b = f.newConsumer({ maxChunkSize: 50 });
    await b.start();
    await waitFor('B got partitions and applied some', async () => (await metricValue(f.registry, 'messaging_messages_processed_total')) >= 1500);
    await b.stop();
    await producing;
    await waitFor('all applied', async () => (await countEffects(f.ds, f.schema)).rows >= stream.length);
    await waitFor('all committed', async () => (await f.lag()) === 0);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
    expect(await orderingViolations(f.ds, f.schema)).toEqual([]);
  });

  it('keeps per-key order with partitions processed concurrently', async () => {
    f = await consumerFixture(6);
    const stream = keyedStream(24, 100);
    await produce(f.k, f.topic, toMessages(stream));
    const c = f.newConsumer({ partitionsConsumedConcurrently: 6, maxChunkSize: 40 });
    await c.start();
    await waitFor('all applied', async () => (await countEffects(f.ds, f.schema)).rows === stream.length);
    const partitions = (await f.ds.query(`SELECT count(DISTINCT partition)::int AS n FROM "${f.schema}".effects`)) as Array<{ n: number }>;
    expect(partitions[0].n).toBeGreaterThan(1);
    expect(await orderingViolations(f.ds, f.schema)).toEqual([]);
  });

  it('Postgres unreachable mid-stream: consumption pauses, then completes with nothing lost or duplicated', async () => {
    f = await consumerFixture();
    const target = new URL(process.env['DATABASE_URL'] ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring');
    const proxy = new DbProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = await openDataSource(f.schema, proxiedUrl(proxy.port), { connectionTimeoutMillis: 1_000 });
    try {
      const stream = keyedStream(40, 50);
      const c = f.newConsumer({ maxChunkSize: 50, retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 }, databaseProbe: { initialDelayMs: 100, maxDelayMs: 500 } }, viaProxy);
      await c.start();
      const producing = (async () => {
        for (let i = 0; i < stream.length; i += 200) await produce(f.k, f.topic, toMessages(stream.slice(i, i + 200)));
      })();
      await waitFor('some applied', async () => (await countEffects(f.ds, f.schema)).rows >= 200);
      proxy.block();
      await waitFor('consumer paused on the outage', () => c.isPaused, { timeoutMs: 20_000, intervalMs: 20 });
      const duringOutage = (await countEffects(f.ds, f.schema)).rows;
      // The outage lasts ~3 s of wall time; that is the scenario, not a synchronisation.
      await new Promise((r) => setTimeout(r, 3_000));
      expect((await countEffects(f.ds, f.schema)).rows).toBe(duringOutage);
      expect(c.isPaused).toBe(true);
      proxy.unblock();
      await producing;
      await waitFor('resumed', () => !c.isPaused, { timeoutMs: 20_000 });
      await waitFor('all applied', async () => (await countEffects(f.ds, f.schema)).rows >= stream.length);
      await waitFor('all committed', async () => (await f.lag()) === 0);
      expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
      expect(await topicSize(f.k, deadLetterTopic(f.topic))).toBe(0);
      expect(await orderingViolations(f.ds, f.schema)).toEqual([]);
      await c.stop();
    } finally {
      await viaProxy.destroy().catch(() => undefined);
      await proxy.stop();
    }
  });
});
