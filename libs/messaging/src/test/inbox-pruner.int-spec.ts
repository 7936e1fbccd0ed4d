// The inbox pruner (inbox/inbox-pruner.ts) on the real Postgres: it deletes
// rows past the retention in batches and keeps the rest, two instances never
// prune the same schema at once, stop() ends a wait and a run cleanly, and a
// recent event redelivered after a prune is still dropped by the inbox.
import { VACUUM_EVERY_INSERTED_ROWS } from '@hiring/platform';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { InboxPruner, MessagingMetrics, type InboxPrunerOptions } from '../index';
import { INBOX_BRIN_PAGES_PER_RANGE, INBOX_PRUNE_LOCK_NAMESPACE, inboxPruneStatements } from '../lib/inbox/inbox-pruner';
import { DAY_MS } from '../lib/inbox/inbox-retention';
import { consumerFixture, metricValue, type ConsumerFixture } from './consumer-fixture';
import { countEffects, dropSchema, keyedStream, openDataSource, prepareSchema, produce, quietLogger, testEvent, uniqueName, waitFor } from './int-harness';

const RETENTION_MS = 7 * DAY_MS;

/** `n` inbox rows of `group` processed `ageSql` ago (a Postgres interval), one second apart going back. */
async function seed(ds: DataSource, schema: string, group: string, n: number, ageSql: string): Promise<void> {
  await ds.query(
    `INSERT INTO "${schema}".inbox (consumer_group, event_id, processed_at)
     SELECT $1, 'hiring/test ' || gen_random_uuid(), now() - $2::interval - make_interval(secs => i) FROM generate_series(1, $3::int) AS i`,
    [group, ageSql, n],
  );
}

async function inboxRows(ds: DataSource, schema: string): Promise<{ total: number; old: number }> {
  const [r] = (await ds.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE processed_at < now() - make_interval(secs => $1::double precision / 1000))::int AS old FROM "${schema}".inbox`,
    [RETENTION_MS],
  )) as Array<{ total: number; old: number }>;
  return r;
}

/** The plan of a batch's delete (EXPLAIN with these options, as JSON text), in a transaction rolled back. */
async function explainBatch(ds: DataSource, schema: string, options: string): Promise<string> {
  const sql = inboxPruneStatements(`"${schema}"."inbox"`, schema);
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query(sql.lock, [INBOX_PRUNE_LOCK_NAMESPACE, schema]);
    const [row] = (await runner.query(`EXPLAIN (${options}) ${sql.delete}`, [new Date(Date.now() - RETENTION_MS), 5_000, INBOX_BRIN_PAGES_PER_RANGE])) as Array<{ 'QUERY PLAN': unknown }>;
    return JSON.stringify(row['QUERY PLAN']);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Heap blocks a batch's bitmap scan reads to find the old rows (EXPLAIN ANALYZE of the delete, rolled back). */
async function batchHeapBlocks(ds: DataSource, schema: string): Promise<number> {
  const text = await explainBatch(ds, schema, 'ANALYZE, BUFFERS, FORMAT JSON');
  return [...text.matchAll(/"(?:Exact|Lossy) Heap Blocks":(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
}

/** Summarizes the ranges of the inbox's BRIN index that have none, and says how many there were (not undone by a rollback: index pages). */
async function summarizeUnsummarized(ds: DataSource, schema: string): Promise<number> {
  const [r] = (await ds.query(inboxPruneStatements(`"${schema}"."inbox"`, schema).summarizeNew)) as Array<{ ranges: number }>;
  return r.ranges;
}

describe('inbox pruner against the real Postgres', () => {
  let ds: DataSource;
  let schema: string;
  let registry: Registry;
  const pruners: InboxPruner[] = [];

  const pruner = (options: Partial<InboxPrunerOptions> = {}, dataSource = ds): InboxPruner => {
    const p = new InboxPruner(dataSource, { schema, retentionMs: RETENTION_MS, batchSize: 1_000, metrics: new MessagingMetrics(registry), logger: quietLogger, ...options });
    pruners.push(p);
    return p;
  };

  beforeEach(async () => {
    schema = uniqueName('inp');
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
    registry = new Registry();
  });

  afterEach(async () => {
    for (const p of pruners.splice(0)) await p.stop();
    await dropSchema(ds, schema);
    await ds.destroy();
  });

  it('deletes the rows older than the retention in several batches, of every group, and keeps the newer ones', async () => {
    await seed(ds, schema, 'screening', 1_800, '30 days');
    await seed(ds, schema, 'screening.progress', 700, '8 days');
    await seed(ds, schema, 'screening', 300, '6 days 23 hours');
    await seed(ds, schema, 'screening', 200, '1 hour');
    expect(await inboxRows(ds, schema)).toEqual({ total: 3_000, old: 2_500 });

    const r = await pruner().pruneOnce();
    expect(r).toMatchObject({ outcome: 'done', deleted: 2_500, batches: 3 });
    expect(await inboxRows(ds, schema)).toEqual({ total: 500, old: 0 });
    expect(await metricValue(registry, 'messaging_inbox_pruned_total')).toBe(2_500);

    // Nothing left past the retention: the next run deletes nothing in one batch.
    expect(await pruner().pruneOnce()).toMatchObject({ outcome: 'done', deleted: 0, batches: 1 });
  });

  it("a batch finds the old rows through processed_at's BRIN index and deletes them by ctid, not by scanning the table", async () => {
    await seed(ds, schema, 'screening', 20_000, '30 days');
    await seed(ds, schema, 'screening', 20_000, '1 hour');
    await ds.query(`ANALYZE "${schema}".inbox`);
    const text = await explainBatch(ds, schema, 'FORMAT JSON');
    expect(text).toContain('"Index Name":"inbox_processed_at_brin"');
    expect(text).toContain('"Node Type":"Tid Scan"');
    expect(text).not.toContain('Seq Scan');
  });

  it('a batch drops the summaries of the ranges it deleted from: once vacuum frees the pages and new rows fill them, a batch reads only what it deletes', async () => {
    await seed(ds, schema, 'screening', 40_000, '30 days');
    await seed(ds, schema, 'screening', 2_000, '1 hour');
    const first = pruner({ batchSize: 50_000 });
    const r = await first.pruneOnce();
    expect(r).toMatchObject({ deleted: 40_000 });
    expect(r.rangesDesummarized).toBeGreaterThan(1);
    await ds.query(`VACUUM "${schema}".inbox`); // summarizes the ranges without a summary, the deleted rows gone
    await seed(ds, schema, 'screening', 40_000, '1 minute'); // new rows in the freed pages
    expect(await first.pruneOnce()).toMatchObject({ deleted: 0 });
    // What a batch now reads to find the old rows: with the deleted rows' bounds kept, every range they had been in.
    expect(await batchHeapBlocks(ds, schema)).toBeLessThan(10);
  });

  it('without a vacuum between, the next run summarizes the ranges the last one deleted from, and a batch reads only what it deletes', async () => {
    await seed(ds, schema, 'screening', 40_000, '30 days');
    await seed(ds, schema, 'screening', 2_000, '1 hour');
    const first = pruner({ batchSize: 50_000 });
    const deleting = await first.pruneOnce();
    expect(deleting.deleted).toBe(40_000);
    expect(deleting.rangesDesummarized).toBeGreaterThan(1);
    const next = await pruner().pruneOnce(); // another process: what to renew is in the index, not in memory
    expect(next.deleted).toBe(0);
    expect(next.rangesSummarized).toBeGreaterThanOrEqual(deleting.rangesDesummarized);
    expect(await summarizeUnsummarized(ds, schema)).toBe(0);
    expect(await batchHeapBlocks(ds, schema)).toBeLessThan(10);
  });

  it("a process's first run on a summarized inbox with nothing to delete renews no range: its cost does not grow with the table", async () => {
    await seed(ds, schema, 'screening', 60_000, '1 hour');
    await ds.query(`VACUUM "${schema}".inbox`); // every range summarized, as after the table's vacuums
    const [{ ranges }] = (await ds.query(`SELECT (pg_relation_size('"${schema}".inbox') / current_setting('block_size')::bigint / 128)::int AS ranges`)) as Array<{ ranges: number }>;
    expect(ranges).toBeGreaterThanOrEqual(4);
    const r = await pruner().pruneOnce();
    // At most the last range, still being filled (vacuum leaves it to the inserts).
    expect(r.rangesSummarized).toBeLessThanOrEqual(1);
    expect(r).toMatchObject({ deleted: 0, rangesDesummarized: 0 });
    expect(await summarizeUnsummarized(ds, schema)).toBe(0);
  });

  it('the migrations have autovacuum visit the inbox after a fixed number of inserted rows, not after a fifth of the table', async () => {
    const [row] = (await ds.query(`SELECT reloptions FROM pg_class WHERE oid = '"${schema}".inbox'::regclass`)) as Array<{ reloptions: string[] | null }>;
    expect(row.reloptions).toEqual(expect.arrayContaining(['autovacuum_vacuum_insert_scale_factor=0', `autovacuum_vacuum_insert_threshold=${VACUUM_EVERY_INSERTED_ROWS}`]));
  });

  it('a second instance does not prune while another holds the schema: it leaves the run and deletes nothing', async () => {
    await seed(ds, schema, 'screening', 1_500, '30 days');
    // Another instance's batch in progress: its transaction holds the schema's prune lock.
    const other = ds.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [INBOX_PRUNE_LOCK_NAMESPACE, schema]);
    try {
      expect(await pruner().pruneOnce()).toMatchObject({ outcome: 'contended', deleted: 0, batches: 0 });
      expect((await inboxRows(ds, schema)).old).toBe(1_500);
    } finally {
      await other.commitTransaction();
      await other.release();
    }
    expect(await pruner().pruneOnce()).toMatchObject({ outcome: 'done', deleted: 1_500 });
  });

  it('two instances started together delete every old row once between them, without an error', async () => {
    await seed(ds, schema, 'screening', 12_000, '30 days');
    await seed(ds, schema, 'screening', 100, '1 hour');
    const runs = await Promise.all([pruner({ batchSize: 500 }).pruneOnce(), pruner({ batchSize: 500 }).pruneOnce()]);
    // One found the lock taken and left; the other (or both, taking turns between batches) deleted all of it.
    expect(runs.map((r) => r.outcome)).toContain('done');
    expect(runs[0].deleted + runs[1].deleted).toBe(12_000);
    expect(await inboxRows(ds, schema)).toEqual({ total: 100, old: 0 });
  });

  it('stop() ends the wait for the first run at once, and a started run after the batch in hand', async () => {
    const waiting = pruner({ firstDelayMs: 600_000 });
    waiting.start();
    // Without the wake-up this would wait the ten minutes out (past the test's timeout).
    await waiting.stop();

    await seed(ds, schema, 'screening', 30_000, '30 days');
    const running = pruner({ firstDelayMs: 0, batchSize: 500 });
    running.start();
    await waitFor('a first batch committed', async () => (await metricValue(registry, 'messaging_inbox_pruned_total')) > 0, { intervalMs: 5 });
    await running.stop();
    const pruned = await metricValue(registry, 'messaging_inbox_pruned_total');
    const [stopped] = (await registry.getSingleMetric('messaging_inbox_prune_runs_total')?.get())?.values ?? [];
    expect(stopped?.labels).toMatchObject({ schema, outcome: 'stopped' });
    // Whole batches only, and nothing deleted after stop() returned.
    expect(pruned % 500).toBe(0);
    expect(pruned).toBeLessThan(30_000);
    expect((await inboxRows(ds, schema)).old).toBe(30_000 - pruned);
    const [active] = (await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%DELETE FROM "${schema}".inbox%' AND state = 'active' AND pid <> pg_backend_pid()`)) as Array<{ n: number }>;
    expect(active.n).toBe(0);
  });
});

describe('inbox pruner with a consumer', () => {
  let f: ConsumerFixture;
  afterEach(async () => {
    await f?.cleanup();
  });

  it('after a prune, a recent event redelivered is still dropped as a duplicate', async () => {
    f = await consumerFixture(3);
    const stream = keyedStream(10, 5);
    const messages = stream.map((e) => ({ key: e.key, value: testEvent({ key: e.key, seq: e.seq }, e.id) }));
    await produce(f.k, f.topic, messages);
    const consumer = f.newConsumer();
    await consumer.start();
    await waitFor('applied and committed', async () => (await countEffects(f.ds, f.schema)).rows === stream.length && (await f.lag()) === 0);
    await seed(f.ds, f.schema, f.groupId, 2_000, '8 days');

    const r = await new InboxPruner(f.ds, { schema: f.schema, retentionMs: RETENTION_MS, batchSize: 1_000, logger: quietLogger }).pruneOnce();
    expect(r).toMatchObject({ outcome: 'done', deleted: 2_000 });
    expect(await inboxRows(f.ds, f.schema)).toEqual({ total: stream.length, old: 0 });

    await produce(f.k, f.topic, messages); // the same ids again
    await waitFor('redelivery consumed and committed', async () => (await f.lag()) === 0);
    expect(await metricValue(f.registry, 'messaging_messages_duplicate_total')).toBe(stream.length);
    expect(await countEffects(f.ds, f.schema)).toEqual({ rows: stream.length, distinct: stream.length });
  });
});
