// CPU per record of kafkajs' produce request encoding (records, record batch
// with its CRC, the request), as the outbox relay sends the pipeline's events:
// one content-type header, the candidate id as key, a JSON value of the
// sizes the pipeline produces per candidate (submission, candidate-sourced,
// -screened, -scored, offer guidance). With --streamlined, after
// libs/messaging's streamlineKafkaEncoder (what the services run); without,
// kafkajs as released. One process per way: alternate them.
//   node -r @swc-node/register tools/bench/kafka-produce-encode.ts [--streamlined] [--records 500] [--rounds 40]
// No broker needed: only the encoding runs.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { streamlineKafkaEncoder } from '@hiring/messaging';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const records = flag('records', 500);
const rounds = flag('rounds', 40);
const streamlined = argv.includes('--streamlined');
if (streamlined) streamlineKafkaEncoder();

type Encode = () => Promise<unknown>;
const ProduceV3 = createRequire(__filename)('kafkajs/src/protocol/requests/produce/v3/request') as (r: unknown) => { encode: Encode };

/** Bytes per event as measured on the topics (docs/performance.md, lane 20b): the five events of a candidate. */
const SIZES = [3300, 4060, 2213, 1155, 519];
const value = (size: number) => JSON.stringify({ specversion: '1.0', id: randomUUID(), data: 'x'.repeat(Math.max(0, size - 60)) });
const messages = SIZES.map((size) =>
  Array.from({ length: records }, () => ({ key: randomUUID(), value: Buffer.from(value(size)), headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' } })),
);

async function encodeAll(): Promise<void> {
  for (const [i, batch] of messages.entries()) {
    await ProduceV3({ acks: -1, timeout: 30000, producerId: 1, producerEpoch: 0, topicData: [{ topic: `t${i}`, partitions: [{ partition: 0, firstSequence: 0, messages: batch }] }] }).encode();
  }
}

async function main(): Promise<void> {
  for (let i = 0; i < 5; i++) await encodeAll(); // warm-up: let V8 compile the encoder
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await encodeAll();
  const used = process.cpuUsage(start);
  const perCandidate = (used.user + used.system) / 1000 / (rounds * records);
  console.log(`${streamlined ? 'streamlined' : 'kafkajs    '}: ${perCandidate.toFixed(4)} ms CPU per candidate (its ${SIZES.length} events encoded once each), ${rounds} rounds of ${records}`);
}

void main();
