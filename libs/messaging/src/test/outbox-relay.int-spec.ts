import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CLOUDEVENTS_CONTENT_TYPE } from '@hiring/contracts';
import { asTx } from '@hiring/platform/tx';
import { Outbox, OutboxRelay } from '../index';
import { pgClientConfig } from '../lib/pg-connection';
import { createTopics, deleteTopics, dropSchema, kafka, openDataSource, prepareSchema, quietLogger, topicSize, uniqueName, waitFor } from './int-harness';

async function readAll(k: Kafka, topic: string, expected: number): Promise<Array<{ partition: number; key: string; value: string; headers: Record<string, string> }>> {
  const consumer = k.consumer({ groupId: uniqueName('reader') });
  const out: Array<{ partition: number; key: string; value: string; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [h, v] of Object.entries(message.headers ?? {})) headers[h] = String(v);
      out.push({ partition, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers });
    },
  });
  try {
    await waitFor(`${expected} records on ${topic}`, () => out.length >= expected);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

describe('transactional outbox and relay against the real Kafka and Postgres', () => {
  let k: Kafka;
  let ds: DataSource;
  let schema: string;
  let topic: string;
  const relays: OutboxRelay[] = [];

  beforeEach(async () => {
    k = kafka();
    schema = uniqueName('obx');
    topic = uniqueName('it.outbox');
    await createTopics(k, [{ topic, partitions: 3 }], false);
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
  });

  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop().catch(() => undefined);
    await dropSchema(ds, schema);
    await ds.destroy();
    await deleteTopics(k, [topic]);
  });

  // A published row is deleted, so every row in the table is unpublished.
  const unpublished = async (): Promise<number> => ((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`)) as Array<{ n: number }>)[0].n;

  it('a crash between the DB commit and the publish: a new relay delivers the event exactly once', async () => {
    const eventId = randomUUID();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'outbox-crash.child.ts')], {
      cwd: path.resolve(__dirname, '../../../..'),
      env: { ...process.env, CRASH_SCHEMA: schema, CRASH_TOPIC: topic, CRASH_EVENT_ID: eventId },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect({ exit, stdout, stderr: stderr.slice(0, 500) }).toMatchObject({ exit: { signal: 'SIGKILL' }, stdout: 'committed\nclaimed\n' });

    // The effect and the outbox row committed together; nothing reached Kafka.
    expect(((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".effects WHERE event_id = $1`, [eventId])) as Array<{ n: number }>)[0].n).toBe(1);
    expect(await unpublished()).toBe(1);
    expect(await topicSize(k, topic)).toBe(0);

    const relay = new OutboxRelay(k, ds, { schema, logger: quietLogger, pollIntervalMs: 60_000 });
    relays.push(relay);
    await relay.start();
    await waitFor('row published and deleted', async () => (await unpublished()) === 0);
    const records = await readAll(k, topic, 1);
    expect(records).toHaveLength(1);
    expect(await topicSize(k, topic)).toBe(1);
    expect(JSON.parse(records[0].value)).toMatchObject({ id: eventId, type: 'test.thing-happened.v1' });
    expect(records[0]).toMatchObject({ key: 'cand-1', headers: { 'content-type': expect.stringContaining('cloudevents') } });
  });

  /** A LISTEN of its own on the schema's outbox channel: the NOTIFYs the trigger sent. */
  async function notifications(): Promise<{ count: () => number; stop: () => Promise<void> }> {
    const client = new Client(pgClientConfig(ds));
    let n = 0;
    client.on('notification', () => n++);
    await client.connect();
    await client.query(`LISTEN "${schema}_outbox"`);
    return { count: () => n, stop: () => client.end() };
  }

  it('wakes on NOTIFY: a row another process commits is published well before the safety poll', async () => {
    const relay = new OutboxRelay(k, ds, { schema, logger: quietLogger, pollIntervalMs: 120_000 });
    relays.push(relay);
    await relay.start();
    await waitFor('relay idle', async () => (await unpublished()) === 0);
    // Another process: its own pool, no relay of its own in it.
    const other = await openDataSource(schema);
    const outbox = new Outbox(schema, () => ({ topic, key: 'cand-9' }));
    try {
      await other.transaction((tx) => outbox.enqueue(asTx(tx), [{ topic, key: 'cand-9', value: '{"hello":1}' }]));
    } finally {
      await other.destroy();
    }
    await waitFor('published', async () => (await topicSize(k, topic)) === 1, { timeoutMs: 10_000, intervalMs: 20 });
    // The record is readable on the topic a moment before the relay's delete commits.
    await waitFor('row deleted', async () => (await relay.backlog()).count === 0, { timeoutMs: 10_000, intervalMs: 20 });
    expect(await relay.backlog()).toEqual({ count: 0, oldestAgeSeconds: 0, parked: 0 });
  });

  it("wakes in process: a row the relay's own process commits (in a transaction or not) is published without a NOTIFY", async () => {
    const relay = new OutboxRelay(k, ds, { schema, logger: quietLogger, pollIntervalMs: 120_000 });
    relays.push(relay);
    await relay.start();
    await waitFor('relay idle', async () => (await unpublished()) === 0);
    const listen = await notifications();
    try {
      const outbox = new Outbox(schema, () => ({ topic, key: 'cand-8' }));
      await ds.transaction((tx) => outbox.enqueue(asTx(tx), [{ topic, key: 'cand-8', value: '{"in":"transaction"}' }]));
      await waitFor('published', async () => (await topicSize(k, topic)) === 1, { timeoutMs: 10_000, intervalMs: 20 });
      await outbox.enqueue(asTx(ds.manager), [{ topic, key: 'cand-8', value: '{"in":"autocommit"}' }]);
      await waitFor('published', async () => (await topicSize(k, topic)) === 2, { timeoutMs: 10_000, intervalMs: 20 });
      // A rolled-back transaction wakes nothing and publishes nothing.
      await expect(
        ds.transaction(async (tx) => {
          await outbox.enqueue(asTx(tx), [{ topic, key: 'cand-8', value: '{"rolled":"back"}' }]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      // A write from outside the process still notifies: once its NOTIFY is here, any earlier one would be too (commit order).
      const other = await openDataSource(schema);
      try {
        await other.transaction((tx) => outbox.enqueue(asTx(tx), [{ topic, key: 'cand-8', value: '{"from":"elsewhere"}' }]));
      } finally {
        await other.destroy();
      }
      await waitFor('the other process\' NOTIFY', async () => listen.count() >= 1, { timeoutMs: 10_000, intervalMs: 20 });
      expect(listen.count()).toBe(1);
      await waitFor('published', async () => (await topicSize(k, topic)) === 3, { timeoutMs: 10_000, intervalMs: 20 });
      expect(await unpublished()).toBe(0);
    } finally {
      await listen.stop();
    }
  });

  it('a row that commits after rows with larger ids were published is still published, and the scan cursor then moves past it', async () => {
    // A full scan only at start: what finds the late row here is the cursor rule, not the safety scan.
    const relay = new OutboxRelay(k, ds, { schema, logger: quietLogger, pollIntervalMs: 60_000, fullScanIntervalMs: 3_600_000 });
    relays.push(relay);
    await relay.start();
    const outbox = new Outbox(schema, () => ({ topic, key: null }));
    const enqueueCommitted = (value: string): Promise<number> => ds.transaction((tx) => outbox.enqueue(asTx(tx), [{ topic, key: `k-${value}`, value }]));
    let published = 0;
    const publishOne = async (value: string): Promise<void> => {
      await enqueueCommitted(value);
      published++;
      await waitFor(`${value} published`, async () => (await topicSize(k, topic)) === published, { timeoutMs: 10_000, intervalMs: 20 });
    };
    await publishOne('before');

    // The late transaction takes its id now and commits only after several claims published larger ids.
    const late = ds.createQueryRunner();
    await late.connect();
    await late.startTransaction();
    await outbox.enqueue(asTx(late.manager), [{ topic, key: 'k-late', value: 'late' }]);
    const lateId = BigInt(((await late.query(`SELECT max(id)::text AS id FROM "${schema}".outbox`)) as Array<{ id: string }>)[0].id);
    try {
      for (let i = 0; i < 6; i++) await publishOne(`during-${i}`);
      expect(relay.scanCursor).toBeLessThanOrEqual(lateId);
      await late.commitTransaction();
    } finally {
      await late.release();
    }
    published++;
    await waitFor('the late row published', async () => (await topicSize(k, topic)) === published && (await unpublished()) === 0, { timeoutMs: 10_000, intervalMs: 20 });
    expect((await readAll(k, topic, published)).map((r) => r.value)).toContain('late');

    // With nothing left open, a few more claims move the cursor past everything published.
    for (let i = 0; i < 4 && relay.scanCursor <= lateId; i++) await publishOne(`after-${i}`);
    expect(relay.scanCursor).toBeGreaterThan(lateId);
  });

  it('a failed send rolls the delete back: the row stays and the next attempt publishes it once', async () => {
    let failures = 0;
    const relay = new OutboxRelay(k, ds, {
      schema,
      logger: quietLogger,
      pollIntervalMs: 60_000,
      beforePublish: () => {
        failures++;
        if (failures === 1) throw new Error('broker unreachable (test)');
      },
    });
    relays.push(relay);
    const outbox = new Outbox(schema, () => ({ topic, key: 'cand-3' }));
    await ds.transaction((tx) => outbox.enqueue(asTx(tx), [{ topic, key: 'cand-3', value: '{"attempt":1}' }]));
    await relay.start();
    await waitFor('published after the failed attempt', async () => (await topicSize(k, topic)) === 1 && (await unpublished()) === 0);
    expect(failures).toBe(2);
    expect(await readAll(k, topic, 1)).toHaveLength(1);
  });

  it('a claim larger than Kafka takes on one partition (500 rows of 2.5 KB, one key: 1.25 MB) is published in parts, nothing stuck', async () => {
    const outbox = new Outbox(schema, () => ({ topic, key: null }));
    const filler = 'x'.repeat(2500);
    await ds.transaction((tx) =>
      outbox.enqueue(asTx(tx), Array.from({ length: 500 }, (_, seq) => ({ topic, key: 'one-agency', value: JSON.stringify({ seq, filler }) }))),
    );
    const relay = new OutboxRelay(k, ds, { schema, logger: quietLogger, batchSize: 500, pollIntervalMs: 60_000 });
    relays.push(relay);
    await relay.start();
    const records = await readAll(k, topic, 500);
    await waitFor('all published and deleted', async () => (await unpublished()) === 0);
    expect(records.map((r) => (JSON.parse(r.value) as { seq: number }).seq)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(await topicSize(k, topic)).toBe(500);
  });

  it('three relays on one schema (SKIP LOCKED): every row published once, per-key order kept, published rows deleted', async () => {
    const outbox = new Outbox(schema, () => ({ topic, key: null }));
    const keys = 40;
    const perKey = 50;
    // Many small transactions, like a service under load.
    for (let s = 1; s <= perKey; s++) {
      await ds.transaction((tx) =>
        outbox.enqueue(
          asTx(tx),
          Array.from({ length: keys }, (_, i) => ({ topic, key: `cand-${i}`, value: JSON.stringify({ key: `cand-${i}`, seq: s }) })),
        ),
      );
    }
    expect((await new OutboxRelay(k, ds, { schema }).backlog()).count).toBe(keys * perKey);
    for (let i = 0; i < 3; i++) {
      // A short safety poll: a relay that held rows back looks again soon anyway.
      const r = new OutboxRelay(k, ds, { schema, logger: quietLogger, batchSize: 37, pollIntervalMs: 200 });
      relays.push(r);
    }
    await Promise.all(relays.map((r) => r.start()));
    const records = await readAll(k, topic, keys * perKey);
    await waitFor('all published and deleted', async () => (await unpublished()) === 0);
    expect(await topicSize(k, topic)).toBe(keys * perKey);
    const last = new Map<string, number>();
    const violations: string[] = [];
    for (const r of records) {
      const { key, seq } = JSON.parse(r.value) as { key: string; seq: number };
      if (seq !== (last.get(key) ?? 0) + 1) violations.push(`${key}: ${seq} after ${last.get(key) ?? 0}`);
      last.set(key, seq);
    }
    expect(violations).toEqual([]);
  });

  it('stores a CloudEvent as the UTF-8 bytes of its JSON, whatever text it holds; a raw record keeps its own bytes (a tombstone stays null, an empty value empty)', async () => {
    const outbox = new Outbox(schema, (e) => ({ topic, key: e.subject ?? null }));
    const awkward = ['Zoë Ünal', '測試', '🚀 launch', 'quote " back \\ slash', 'nul \u0000 here', 'lone \ud800 half', 'line\u2028sep', '\\x41 not hex'];
    const events = awkward.map((text, i) => ({ specversion: '1.0', id: randomUUID(), type: 'test.v1', source: '/test', subject: `s-${i}`, data: { text, i } }));
    const raw = randomBytes(64); // not UTF-8: must come back byte for byte
    await ds.transaction(async (tx) => {
      await outbox.enqueue(asTx(tx), events);
      await outbox.enqueue(asTx(tx), [
        { topic, key: 'raw', value: raw },
        { topic, key: 'tombstone', value: null },
        { topic, key: 'empty', value: '' },
        { topic, key: 'text', value: 'plain Zoë' },
      ]);
    });
    const rows = (await ds.query(`SELECT key, value, headers FROM "${schema}".outbox ORDER BY id`)) as Array<{ key: string; value: Buffer; headers: Record<string, string> }>;
    expect(rows.map((r) => r.key)).toEqual([...events.map((e) => e.subject), 'raw', 'tombstone', 'empty', 'text']);
    events.forEach((e, i) => {
      expect(rows[i]!.value.equals(Buffer.from(JSON.stringify(e), 'utf8'))).toBe(true);
      expect(rows[i]!.headers).toEqual({ 'content-type': CLOUDEVENTS_CONTENT_TYPE });
    });
    expect(rows[events.length]!.value.equals(raw)).toBe(true);
    expect(rows[events.length + 1]!.value).toBeNull();
    expect(rows[events.length + 2]!.value.equals(Buffer.alloc(0))).toBe(true);
    expect(rows[events.length + 3]!.value.equals(Buffer.from('plain Zoë', 'utf8'))).toBe(true);
  });

  it('an event of 3 KB (a sealed profile: ciphertext) stays in its outbox row: nothing goes to TOAST', async () => {
    const toastBytes = async (): Promise<number> =>
      ((await ds.query(`SELECT pg_relation_size(reltoastrelid)::int AS n FROM pg_class WHERE oid = $1::regclass`, [`"${schema}".outbox`])) as Array<{ n: number }>)[0].n;
    await ds.query(`INSERT INTO "${schema}".outbox (topic, key, value) SELECT $1, 'k' || g, $2::bytea FROM generate_series(1, 20) g`, [topic, randomBytes(3000)]);
    expect(await unpublished()).toBe(20);
    expect(await toastBytes()).toBe(0);
  });
});
