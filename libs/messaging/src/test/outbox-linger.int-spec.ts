// The relay's linger (relay-linger.ts) on the real Kafka and Postgres: a busy
// relay gathers the rows committed while it lingers into one claim, an idle one
// claims at once, and stop() does not wait a linger out. The lingers are long
// (seconds, a minute) so that what the tests observe, claims and rows, does not
// depend on how fast this machine is.
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { asTx } from '@hiring/platform/tx';
import { Outbox, OutboxRelay, type OutboxRelayOptions } from '../index';
import { withTimeout } from '../lib/util';
import { createTopics, deleteTopics, dropSchema, kafka, openDataSource, prepareSchema, quietLogger, topicSize, uniqueName, waitFor } from './int-harness';

describe('outbox relay: a busy relay lingers between claims, an idle one claims at once', () => {
  let k: Kafka;
  let ds: DataSource;
  let schema: string;
  let topic: string;
  let outbox: Outbox;
  const relays: OutboxRelay[] = [];
  /** Ids of each claim that had rows to send, in order (the beforePublish seam). */
  let claims: string[][];

  beforeEach(async () => {
    k = kafka();
    schema = uniqueName('obl');
    topic = uniqueName('it.linger');
    await createTopics(k, [{ topic, partitions: 3 }], false);
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
    outbox = new Outbox(schema, () => ({ topic, key: null }));
    claims = [];
  });

  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop().catch(() => undefined);
    await dropSchema(ds, schema);
    await ds.destroy();
    await deleteTopics(k, [topic]);
  });

  const unpublished = async (): Promise<number> => ((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`)) as Array<{ n: number }>)[0].n;

  /** One row in a transaction of its own, committed by the relay's own process (it wakes the relay in process). */
  const commitRow = (value: string): Promise<number> => ds.transaction((tx) => outbox.enqueue(asTx(tx), [{ topic, key: `k-${value}`, value }]));

  async function startRelay(options: Partial<OutboxRelayOptions>): Promise<OutboxRelay> {
    const relay = new OutboxRelay(k, ds, {
      schema,
      logger: quietLogger,
      // No safety poll during a test: only wake-ups and the linger decide when claims run.
      pollIntervalMs: 600_000,
      beforePublish: (rows) => {
        claims.push(rows.map((r) => r.id));
      },
      ...options,
    });
    relays.push(relay);
    await relay.start();
    return relay;
  }

  it('busy: rows committed one by one right after a publish go out together in the next claim, not one claim each', async () => {
    await startRelay({ lingerMs: 2_000 });
    await commitRow('first');
    await waitFor('the first row published', async () => (await unpublished()) === 0 && (await topicSize(k, topic)) === 1, { timeoutMs: 15_000, intervalMs: 10 });
    expect(claims).toHaveLength(1);

    // Nine commits, each waking the relay, all well within the two seconds after the first claim started.
    for (let i = 0; i < 9; i++) await commitRow(`next-${i}`);
    await waitFor('all ten published', async () => (await unpublished()) === 0 && (await topicSize(k, topic)) === 10, { timeoutMs: 20_000, intervalMs: 20 });
    expect(claims.map((c) => c.length)).toEqual([1, 9]);
  });

  it('idle: a row committed when nothing was published within lingerMs is claimed at once, not after the linger', async () => {
    // A minute's linger: had the relay lingered, the row would not be out within the 15 s waited here.
    const relay = await startRelay({ lingerMs: 60_000 });
    await commitRow('lone');
    await waitFor('the row published', async () => (await unpublished()) === 0 && (await topicSize(k, topic)) === 1, { timeoutMs: 15_000, intervalMs: 10 });
    expect(claims).toHaveLength(1);
    expect(relay.lingering).toBe(false);
  });

  it('stop() does not wait a linger out: the row it would have claimed stays in the outbox, and a relay started later publishes it', async () => {
    const relay = await startRelay({ lingerMs: 60_000 });
    await commitRow('published');
    await waitFor('the first row published', async () => (await unpublished()) === 0 && (await topicSize(k, topic)) === 1, { timeoutMs: 15_000, intervalMs: 10 });
    await commitRow('kept');
    await waitFor('the relay lingering, woken by the second row', () => relay.lingering, { timeoutMs: 15_000, intervalMs: 10 });

    await withTimeout(relay.stop(), 15_000, 'relay.stop() during a one-minute linger');
    expect(await unpublished()).toBe(1);
    expect(await topicSize(k, topic)).toBe(1);
    expect(claims).toHaveLength(1);

    await startRelay({ lingerMs: 0 });
    await waitFor('the kept row published by the next relay', async () => (await unpublished()) === 0 && (await topicSize(k, topic)) === 2, { timeoutMs: 15_000, intervalMs: 20 });
  });
});
