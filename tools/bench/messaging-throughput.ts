// Throughput of @hiring/messaging against the real local Kafka + Postgres.
//
//   node -r @swc-node/register tools/bench/messaging-throughput.ts [N]
//   (N defaults to 20000; BENCH_N, KAFKA_BROKERS and DATABASE_URL are read too)
//
// Runs, on the same N events:
//   1. baseline: plain kafkajs eachBatch loop that does nothing
//   2. baseline: plain kafkajs eachMessage loop, one INSERT (autocommit) per message
//   3. @hiring/messaging: batch consume -> one tx per chunk (inbox + effect row + outbox row)
//      -> relay publishes the outbox to a second topic; timed until every output record is on Kafka
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { entityManagerOf } from '@hiring/platform/tx';
import { deadLetterTopic } from '@hiring/contracts';
import { BatchConsumer, waitForTopicLeaders, cloudEventEnvelopeDecoder, messagingMigrations, Outbox, OutboxRelay, type MessagingLogger } from '@hiring/messaging';

const N = Number(process.argv[2] ?? process.env['BENCH_N'] ?? 20_000);
const PARTITIONS = 6;
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const url = process.env['DATABASE_URL'] ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring';
const quiet: MessagingLogger = { log: () => undefined, warn: (m, c) => console.warn(m, c), error: (m, c) => console.error(m, c) };
const suffix = randomUUID().slice(0, 8);
const inTopic = `bench.messaging.in.${suffix}`;
const outTopic = `bench.messaging.out.${suffix}`;
const schema = `bench_${suffix}`;

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function topicSize(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return offsets.reduce((s, o) => s + Number(o.high) - Number(o.low), 0);
}

interface Row {
  scenario: string;
  seconds: number;
}

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = [
    { topic: inTopic, numPartitions: PARTITIONS, replicationFactor: 1 },
    { topic: deadLetterTopic(inTopic), numPartitions: 1, replicationFactor: 1 },
    { topic: outTopic, numPartitions: PARTITIONS, replicationFactor: 1 },
  ];
  await admin.createTopics({ waitForLeaders: false, topics });
  await waitForTopicLeaders(admin, topics.map((t) => t.topic));
  await admin.disconnect();
  const ds = new DataSource({ type: 'postgres', url, migrations: [...messagingMigrations(schema)], migrationsTableName: `${schema}_migrations`, extra: { max: 10 } });
  await ds.initialize();
  await ds.runMigrations();
  await ds.query(`CREATE TABLE "${schema}".effects (event_id text NOT NULL, key text NOT NULL, seq int NOT NULL)`);
  await ds.query(`CREATE TABLE "${schema}".plain_effects (event_id text NOT NULL, key text NOT NULL, seq int NOT NULL)`);

  console.log(`producing ${N} events to ${inTopic} (${PARTITIONS} partitions)...`);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < N; i += 1000) {
    const messages = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const key = `cand-${j % 500}`;
      const value = JSON.stringify({ specversion: '1.0', id: randomUUID(), type: 'bench.thing.v1', source: 'hiring/bench', subject: key, time: new Date().toISOString(), data: { key, seq: j } });
      messages.push({ key, value });
    }
    await producer.send({ topic: inTopic, acks: -1, messages });
  }
  await producer.disconnect();
  const rows: Row[] = [];

  // 1. plain eachBatch, no work
  {
    const consumer = kafka.consumer({ groupId: `bench-noop-${suffix}` });
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topics: [inTopic], fromBeginning: true });
    const t0 = Date.now();
    await consumer.run({ partitionsConsumedConcurrently: 3, eachBatch: async ({ batch }) => void (seen += batch.messages.length) });
    await until('noop consume', () => seen >= N);
    rows.push({ scenario: 'kafkajs eachBatch, no work (baseline)', seconds: (Date.now() - t0) / 1000 });
    await consumer.disconnect();
  }

  // 2. plain eachMessage, one INSERT per message
  {
    const consumer = kafka.consumer({ groupId: `bench-plain-${suffix}` });
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topics: [inTopic], fromBeginning: true });
    const t0 = Date.now();
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => {
        const e = JSON.parse(message.value?.toString() ?? '{}') as { id: string; data: { key: string; seq: number } };
        await ds.query(`INSERT INTO "${schema}".plain_effects (event_id, key, seq) VALUES ($1, $2, $3)`, [e.id, e.data.key, e.data.seq]);
        seen++;
      },
    });
    await until('per-message inserts', () => seen >= N);
    rows.push({ scenario: 'kafkajs eachMessage, 1 INSERT each (baseline)', seconds: (Date.now() - t0) / 1000 });
    await consumer.disconnect();
  }

  // 3. @hiring/messaging end to end
  {
    const outbox = new Outbox(schema, () => ({ topic: outTopic, key: null }));
    const relay = new OutboxRelay(kafka, ds, { schema, batchSize: 1000, logger: quiet });
    let applied = 0;
    const consumer = new BatchConsumer(kafka, ds, {
      groupId: `bench-messaging-${suffix}`,
      schema,
      decode: cloudEventEnvelopeDecoder,
      partitionsConsumedConcurrently: 3,
      maxChunkSize: 500,
      logger: quiet,
      handlers: [
        {
          topic: inTopic,
          name: 'bench',
          handle: async (events, tx) => {
            const data = events.map((e) => e.data as { key: string; seq: number });
            await entityManagerOf(tx).query(`INSERT INTO "${schema}".effects (event_id, key, seq) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`, [
              events.map((e) => e.id),
              data.map((d) => d.key),
              data.map((d) => d.seq),
            ]);
            await outbox.enqueue(
              tx,
              events.map((e, i) => ({ topic: outTopic, key: e.key, value: JSON.stringify({ derivedFrom: e.id, seq: data[i].seq }) })),
            );
            applied += events.length;
          },
        },
      ],
    });
    await relay.start();
    const t0 = Date.now();
    await consumer.start();
    await until('effects committed', () => applied >= N);
    const tApplied = (Date.now() - t0) / 1000;
    await until('outbox published', async () => (await topicSize(kafka, outTopic)) >= N);
    const tPublished = (Date.now() - t0) / 1000;
    rows.push({ scenario: '@hiring/messaging: consume -> tx(inbox+effect+outbox)', seconds: tApplied });
    rows.push({ scenario: '@hiring/messaging: ... -> relay published (end to end)', seconds: tPublished });
    await consumer.stop();
    await relay.stop();
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".effects`)) as Array<{ n: number }>;
    if (n !== N) throw new Error(`expected ${N} effects, found ${n}`);
  }

  console.log(`\nN = ${N} events, ${PARTITIONS} partitions, single-node Kafka + Postgres 15 on localhost\n`);
  const w = Math.max(...rows.map((r) => r.scenario.length));
  console.log(`${'scenario'.padEnd(w)} | ${'seconds'.padStart(8)} | ${'msg/s'.padStart(8)}`);
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(8)}-|-${'-'.repeat(8)}`);
  for (const r of rows) console.log(`${r.scenario.padEnd(w)} | ${r.seconds.toFixed(2).padStart(8)} | ${Math.round(N / r.seconds).toString().padStart(8)}`);

  await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
  await ds.query(`DROP TABLE "${schema}_migrations"`);
  await ds.destroy();
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteTopics({ topics: [inTopic, deadLetterTopic(inTopic), outTopic] }).catch(() => undefined);
  await cleanup.disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
