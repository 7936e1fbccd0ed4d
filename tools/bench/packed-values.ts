// CPU per event of an outbox insert, two ways in the same run on the same
// connection: (a) the values as a text[] parameter (escaped by us, parsed by
// Postgres' array_in: how the outbox sent them before), (b) the values packed
// in one binary bytea parameter, each row reading its slice (packValues, what
// the outbox sends now). Client CPU is this process's, server CPU the backend's
// (/proc), so a busy machine moves them little.
//   node -r @swc-node/register tools/bench/packed-values.ts [--events 500] [--rounds 6] [--value-bytes 2600] [--sealed]
// --sealed: the value is a bare sealed text (base64, nothing to escape), as
// screening's and sourcing's sealed columns, rather than an event's JSON.
// Needs the local Postgres (npm run infra:up); writes only a scratch table it drops.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { packValues } from '@hiring/platform';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const events = flag('events', 500);
const rounds = flag('rounds', 6);
const valueBytes = flag('value-bytes', 2600);
const sealedOnly = argv.includes('--sealed');

const HEADERS = JSON.stringify({ 'content-type': 'application/cloudevents+json; charset=UTF-8' });
const TABLE = 'public.bench_packed_outbox';

/** A candidate-sourced-like event: ids, a few fields with quotes, a sealed (base64) profile. */
const event = () => ({
  specversion: '1.0',
  id: randomUUID(),
  type: 'recruiting.candidate-sourced.v1',
  source: '/sourcing',
  subject: randomUUID(),
  time: new Date().toISOString(),
  data: { candidateId: randomUUID(), submissionId: randomUUID(), role: 'ai-tech-lead', note: 'a "quoted" word', sealedProfile: `pd1.${randomBytes(valueBytes).toString('base64')}` },
});

const ESCAPED = /["\\]/g;
const valueOf = (e: ReturnType<typeof event>) => (sealedOnly ? e.data.sealedProfile : JSON.stringify(e));
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(ESCAPED, '\\$&')}"`).join(',')}}`;

const WAYS = {
  'text[] literal (before)': {
    sql: `INSERT INTO ${TABLE} (topic, key, value, headers, event_id) SELECT e.topic, e.key, convert_to(e.value, 'UTF8'), e.headers, e.event_id
            FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[]) AS e (topic, key, value, headers, event_id)`,
    values: (batch: ReturnType<typeof event>[]) => [batch.map(() => 'topic'), batch.map((e) => e.subject), textArray(batch.map(valueOf)), batch.map(() => HEADERS), batch.map((e) => e.id)],
  },
  'packed bytea (now)': {
    sql: `INSERT INTO ${TABLE} (topic, key, value, headers, event_id) SELECT e.topic, e.key, substring($3::bytea FROM e.start FOR e.length), e.headers, e.event_id
            FROM unnest($1::text[], $2::text[], $4::int[], $5::int[], $6::jsonb[], $7::text[]) AS e (topic, key, start, length, headers, event_id)`,
    values: (batch: ReturnType<typeof event>[]) => {
      const packed = packValues(batch.map(valueOf));
      return [batch.map(() => 'topic'), batch.map((e) => e.subject), packed.bytes, packed.starts, packed.lengths, batch.map(() => HEADERS), batch.map((e) => e.id)];
    },
  },
} as const;

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring' });
  await db.connect();
  await db.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await db.query(`CREATE TABLE ${TABLE} (id bigserial PRIMARY KEY, topic text NOT NULL, key text, value bytea, headers jsonb, event_id text) WITH (toast_tuple_target = 8160)`);
  const backend = ((await db.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
  const serverSeconds = () => {
    const f = readFileSync(`/proc/${backend}/stat`, 'utf8').split(')').pop()?.trim().split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  const batches = Array.from({ length: 8 }, () => Array.from({ length: events }, event));
  const eventBytes = Buffer.byteLength(valueOf(batches[0]?.[0] as ReturnType<typeof event>));
  const results: Record<string, { client: number[]; server: number[] }> = {};
  // Alternated, twice each, so drift on a shared machine hits both ways alike.
  for (const pass of [1, 2]) {
    for (const [name, way] of Object.entries(WAYS)) {
      const statement = { name: `bench_packed_${name.length}`, text: way.sql };
      for (const b of batches.slice(0, 2)) await db.query({ ...statement, values: way.values(b) as unknown[] }); // warm: plan, JIT
      await db.query(`TRUNCATE ${TABLE}`);
      const client0 = process.cpuUsage();
      const server0 = serverSeconds();
      let n = 0;
      for (let r = 0; r < rounds; r++) {
        for (const b of batches) {
          await db.query({ ...statement, values: way.values(b) as unknown[] });
          n += b.length;
        }
      }
      const client = process.cpuUsage(client0);
      (results[name] ??= { client: [], server: [] }).client.push(((client.user + client.system) / n));
      results[name].server.push(((serverSeconds() - server0) * 1e6) / n);
      await db.query(`TRUNCATE ${TABLE}`);
      console.error(`[bench] pass ${pass}: ${name} done`);
    }
  }
  await db.query(`DROP TABLE ${TABLE}`);
  await db.end();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`| outbox insert, ${events} ${sealedOnly ? 'sealed texts' : 'events'} of ${eventBytes} bytes per statement, ${rounds * batches.length} statements per pass, 2 passes | client CPU µs per event | Postgres CPU µs per event |`);
  console.log('|---|---:|---:|');
  for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${mean(r.client).toFixed(1)} (${r.client.map((x) => x.toFixed(1)).join(', ')}) | ${mean(r.server).toFixed(1)} (${r.server.map((x) => x.toFixed(1)).join(', ')}) |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
