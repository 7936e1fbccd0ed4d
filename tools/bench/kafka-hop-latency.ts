// One Kafka hop as the pipeline makes it (an idempotent producer with acks=all
// to a consumer group's batch consumer), timed from send() to eachBatch, for
// kafkajs's default socket factory against noDelaySocketFactory. The two take
// turns message by message, so load from other work on the machine hits both
// alike.
//   node -r @swc-node/register tools/bench/kafka-hop-latency.ts [N=300]
// KAFKA_BROKERS: the brokers (default 127.0.0.1:9092).
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { createIdempotentProducer, noDelaySocketFactory, sendAcknowledged } from '@hiring/messaging';

interface Side {
  name: string;
  producer: Producer;
  consumer: Consumer;
  topic: string;
  sendMs: number[];
  hopMs: number[];
  waiting: Map<string, { sentAt: number; done: () => void }>;
}

async function side(name: string, brokers: string[], noDelay: boolean): Promise<Side> {
  const kafka = new Kafka({ clientId: `hop-${name}`, brokers, logLevel: logLevel.NOTHING, ...(noDelay ? { socketFactory: noDelaySocketFactory } : {}) });
  const topic = `bench.hop.${name}.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const s: Side = { name, producer: createIdempotentProducer(kafka), consumer: kafka.consumer({ groupId: topic, maxWaitTimeInMs: 5_000 }), topic, sendMs: [], hopMs: [], waiting: new Map() };
  await s.producer.connect();
  await s.consumer.connect();
  await s.consumer.subscribe({ topics: [topic], fromBeginning: true });
  await s.consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        const w = s.waiting.get(m.value?.toString() ?? '');
        if (!w) continue;
        s.hopMs.push(performance.now() - w.sentAt);
        w.done();
      }
    },
  });
  return s;
}

async function hop(s: Side): Promise<void> {
  const id = randomUUID();
  const arrived = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${s.name}: no delivery within 30 s`)), 30_000);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    s.waiting.set(id, { sentAt: performance.now(), done });
  });
  const t0 = performance.now();
  await sendAcknowledged(s.producer, [{ topic: s.topic, messages: [{ key: id, value: id }] }]);
  s.sendMs.push(performance.now() - t0);
  await arrived;
  s.waiting.delete(id);
}

const pct = (xs: number[], p: number): string => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
};

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 300);
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const sides = [await side('default', brokers, false), await side('nodelay', brokers, true)];
  // Warm-up: group joins, metadata, first fetches.
  for (const s of sides) for (let i = 0; i < 10; i++) await hop(s);
  for (const s of sides) {
    s.sendMs.length = 0;
    s.hopMs.length = 0;
  }
  for (let i = 0; i < n; i++) {
    for (const s of i % 2 === 0 ? sides : [...sides].reverse()) await hop(s);
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`| ${n} hops each, ms | send (acks=all) p50 | p95 | send to eachBatch p50 | p95 | p99 |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const s of sides) console.log(`| ${s.name} | ${pct(s.sendMs, 50)} | ${pct(s.sendMs, 95)} | ${pct(s.hopMs, 50)} | ${pct(s.hopMs, 95)} | ${pct(s.hopMs, 99)} |`);
  const admin = new Kafka({ clientId: 'hop-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  for (const s of sides) {
    await s.consumer.disconnect();
    await s.producer.disconnect();
  }
  await admin.connect();
  await admin.deleteTopics({ topics: sides.map((s) => s.topic) }).catch(() => undefined);
  await admin.disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
