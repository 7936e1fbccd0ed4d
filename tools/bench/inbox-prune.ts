// How long the inbox pruner (libs/messaging InboxPruner) takes on a big inbox,
// against the real local Postgres (no Kafka needed).
//
//   node -r @swc-node/register tools/bench/inbox-prune.ts [OLD_ROWS]
//   (OLD_ROWS defaults to 500000; DATABASE_URL is read too)
//
// Two schemas get the same inbox (through messagingMigrations): OLD_ROWS rows
// processed 30 to 8 days ago and RECENT_ROWS over the last 6 days, in time
// order as consumers append them. Then, side by side:
//   1. baseline: one DELETE ... WHERE processed_at < cutoff (one statement, one transaction)
//   2. InboxPruner.pruneOnce() with the services' defaults (7 days, batches of 5000)
//   3. a later run after vacuum let new rows fill the pages the prune freed:
//      the clock moved two days on, so the run deletes a day of the recent rows
// and prints, per case, rows deleted, seconds, rows/s, the longest transaction,
// and the buffers the batch's inner SELECT reads (EXPLAIN ANALYZE, BUFFERS).
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InboxPruner, messagingMigrations, type MessagingLogger } from '@hiring/messaging';

const OLD_ROWS = Number(process.argv[2] ?? process.env['BENCH_OLD_ROWS'] ?? 500_000);
const RECENT_ROWS = Math.round(OLD_ROWS * 0.134); // the lead's inbox: ~567,000 rows
const NEW_ROWS = 100_000;
const DAY_MS = 86_400_000;
const url = process.env['DATABASE_URL'] ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring';
const quiet: MessagingLogger = { log: () => undefined, warn: (m, c) => console.warn(m, c), error: (m, c) => console.error(m, c) };

async function openSchema(schema: string): Promise<DataSource> {
  const ds = new DataSource({ type: 'postgres', url, migrations: [...messagingMigrations(schema)], migrationsTableName: `${schema}_migrations`, extra: { max: 4 } });
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}

/** `n` rows from `fromAgo` to `toAgo` (Postgres intervals) in time order, ids like the services' ("<source> <uuid>"). */
async function seed(ds: DataSource, schema: string, n: number, fromAgo: string, toAgo: string): Promise<void> {
  await ds.query(
    `INSERT INTO "${schema}".inbox (consumer_group, event_id, processed_at)
     SELECT 'screening', 'hiring/sourcing ' || gen_random_uuid(),
            now() - $2::interval + (($2::interval - $3::interval) * i / $1::int)
       FROM generate_series(1, $1::int) AS i`,
    [n, fromAgo, toAgo],
  );
}

interface PlanJson {
  Plan: { Plans?: Array<{ 'Node Type': string }>; 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
  'Execution Time': number;
}

/** The batch's inner scan, planned as the pruner runs it (sequential scans off) or as the planner would pick. */
async function innerSelectBuffers(ds: DataSource, schema: string, cutoff: Date, seqscan: 'off' | 'on' = 'off'): Promise<string> {
  const sql = `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT ctid FROM "${schema}".inbox WHERE processed_at < $1 LIMIT 5000`;
  const plan = await ds.transaction(async (m) => {
    await m.query(`SELECT set_config('enable_seqscan', $1, true)`, [seqscan]);
    return (await m.query(sql, [cutoff])) as Array<{ 'QUERY PLAN': PlanJson[] }>;
  });
  const p = plan[0]['QUERY PLAN'][0];
  return `${p.Plan.Plans?.[0]?.['Node Type'] ?? '?'}, ${p.Plan['Shared Hit Blocks'] + p.Plan['Shared Read Blocks']} buffers, ${p['Execution Time'].toFixed(1)} ms`;
}

async function count(ds: DataSource, schema: string): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".inbox`)) as Array<{ n: number }>)[0].n;
}

async function main(): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const schemas = [`bench_prune_base_${suffix}`, `bench_prune_${suffix}`];
  const [base, pruned] = await Promise.all(schemas.map(openSchema));
  const rows: string[] = [];
  const line = (c: string, deleted: number, ms: number, longestMs: number, buffers: string): void => {
    rows.push(`| ${c} | ${deleted} | ${(ms / 1000).toFixed(2)} | ${Math.round(deleted / (ms / 1000))} | ${Math.round(longestMs)} | ${buffers} |`);
  };
  try {
    for (const [ds, schema] of [[base, schemas[0]], [pruned, schemas[1]]] as const) {
      await seed(ds, schema, OLD_ROWS, '30 days', '8 days');
      await seed(ds, schema, RECENT_ROWS, '6 days', '0 days');
      await ds.query(`VACUUM ANALYZE "${schema}".inbox`);
    }
    const size = ((await pruned.query(`SELECT pg_size_pretty(pg_total_relation_size($1)) AS s`, [`"${schemas[1]}".inbox`])) as Array<{ s: string }>)[0].s;
    const cutoff = new Date(Date.now() - 7 * DAY_MS);

    const baseBuffers = await innerSelectBuffers(base, schemas[0], cutoff);
    const t0 = performance.now();
    const [, baseDeleted] = (await base.query(`DELETE FROM "${schemas[0]}".inbox WHERE processed_at < $1`, [cutoff])) as [unknown, number];
    const baseMs = performance.now() - t0;
    line('baseline: one DELETE', baseDeleted, baseMs, baseMs, `${baseBuffers} (first batch's scan, for comparison)`);

    const firstBuffers = await innerSelectBuffers(pruned, schemas[1], cutoff);
    const firstSeq = await innerSelectBuffers(pruned, schemas[1], cutoff, 'on');
    const r = await new InboxPruner(pruned, { schema: schemas[1], retentionMs: 7 * DAY_MS, logger: quiet, now: () => cutoff.getTime() + 7 * DAY_MS }).pruneOnce();
    line(`InboxPruner, first run (${r.batches} batches)`, r.deleted, r.durationMs, r.longestBatchMs, `first batch: ${firstBuffers}; planner's pick: ${firstSeq}`);

    // New rows fill the freed pages; two days later a day of the recent rows (6 to 5 days old then 8 to 7) is past the retention.
    await pruned.query(`VACUUM "${schemas[1]}".inbox`);
    await seed(pruned, schemas[1], NEW_ROWS, '1 hour', '0 days');
    await pruned.query(`ANALYZE "${schemas[1]}".inbox`);
    const later = Date.now() + 2 * DAY_MS;
    const laterBuffers = await innerSelectBuffers(pruned, schemas[1], new Date(later - 7 * DAY_MS));
    const laterSeq = await innerSelectBuffers(pruned, schemas[1], new Date(later - 7 * DAY_MS), 'on');
    const r2 = await new InboxPruner(pruned, { schema: schemas[1], retentionMs: 7 * DAY_MS, logger: quiet, now: () => later }).pruneOnce();
    line(`InboxPruner, two days later, freed pages refilled (${r2.batches} batches)`, r2.deleted, r2.durationMs, r2.longestBatchMs, `first batch: ${laterBuffers}; planner's pick: ${laterSeq}`);

    console.log(`inbox of ${OLD_ROWS + RECENT_ROWS} rows (${OLD_ROWS} past the 7-day retention), ${size} with indexes; rows left: baseline ${await count(base, schemas[0])}, pruned ${await count(pruned, schemas[1])}`);
    console.log('| case | rows deleted | s | rows/s | longest transaction ms | inner SELECT ctid … LIMIT 5000 |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const row of rows) console.log(row);
  } finally {
    for (const [ds, schema] of [[base, schemas[0]], [pruned, schemas[1]]] as const) {
      await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await ds.query(`DROP TABLE IF EXISTS "${schema}_migrations"`);
      await ds.destroy();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
