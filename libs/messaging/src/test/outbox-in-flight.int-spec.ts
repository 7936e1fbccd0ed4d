// What the outbox keeps while a chunk's insert runs (lane 20a): the packed
// rows, not the events they were packed from. Under load an insert waits
// tens to hundreds of milliseconds (a busy pool, a lock, a slow disk), and
// what is referenced across that wait outlives two scavenges and is promoted
// to V8's old generation, whose peak is a multiple of it. Here the insert is
// made to wait on a table lock held by another connection, and the events
// handed to enqueue() must be collectable while it waits.
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataSource, QueryRunner } from 'typeorm';
import { asTx } from '@hiring/platform/tx';
import { Outbox } from '../index';
import { dropSchema, openDataSource, prepareSchema, uniqueName, waitFor } from './int-harness';

// A context created after the flag is set has `gc`; the test process itself needs no flag.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Ends the current job (WeakRefs are kept alive until it ends), then collects twice: young and old generation. */
async function collect(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

describe('outbox: a chunk\'s events are not held while its insert waits', () => {
  let ds: DataSource;
  let schema: string;
  let blocker: QueryRunner;

  beforeEach(async () => {
    schema = uniqueName('obf');
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
    blocker = ds.createQueryRunner();
    await blocker.connect();
  });

  afterEach(async () => {
    await blocker.query('ROLLBACK').catch(() => undefined);
    await blocker.release();
    await dropSchema(ds, schema);
    await ds.destroy();
  });

  it('the events handed to enqueue() are collectable once it has returned, before the insert completes; the rows are written', async () => {
    const outbox = new Outbox(schema, () => ({ topic: 'it.in-flight', key: null }));
    const alive: Array<WeakRef<object>> = [];
    /** Builds the chunk here, so that nothing but enqueue() can hold its events afterwards. */
    const enqueueChunk = (tx: Parameters<typeof asTx>[0]): Promise<number> => {
      const events = Array.from({ length: 50 }, (_, i) => ({ specversion: '1.0', id: randomUUID(), type: 'it.event', source: '/it', subject: `s-${i}`, data: { text: `${'x'.repeat(2_000)}${i}` } }));
      for (const e of events) alive.push(new WeakRef(e));
      return outbox.enqueue(asTx(tx), events);
    };

    // The insert (RowExclusiveLock) waits for this connection's lock; readers do not.
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE "${schema}".outbox IN EXCLUSIVE MODE`);
    const written = ds.transaction((tx) => enqueueChunk(tx));
    await waitFor(
      'the outbox insert waiting on the lock',
      async () => {
        const rows = (await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "${schema}"."outbox"%'`)) as Array<{ n: number }>;
        return rows[0].n === 1;
      },
      { timeoutMs: 20_000, intervalMs: 20 },
    );

    await collect();
    expect(alive).toHaveLength(50);
    expect(alive.filter((r) => r.deref() !== undefined)).toHaveLength(0);

    await blocker.query('COMMIT');
    await expect(written).resolves.toBe(50);
    const stored = (await ds.query(`SELECT count(*)::int AS n, min(length(value))::int AS shortest FROM "${schema}".outbox`)) as Array<{ n: number; shortest: number }>;
    expect(stored[0]).toEqual({ n: 50, shortest: expect.any(Number) });
    expect(stored[0].shortest).toBeGreaterThan(2_000);
  });
});
