import { createRequire } from 'node:module';
import { kafkajsEncoder, streamlineKafkaEncoder } from './kafka-encoder';

// kafkajs' own encoders, as its producer uses them.
const requireKafkajs = createRequire(__filename);
interface Encoder {
  buffer: Buffer;
  writeVarInt(v: number): Encoder;
  writeUVarInt(v: number): Encoder;
  writeVarLong(v: unknown): Encoder;
  writeInt32(v: number): Encoder;
  writeVarIntBytes(v: Buffer | string | null): Encoder;
}
const EncoderClass = kafkajsEncoder() as unknown as new (size?: number) => Encoder;
type Headers = Record<string, string | Buffer | Array<string | Buffer>>;
interface Message {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Headers;
  timestamp?: number;
}
const Record = requireKafkajs('kafkajs/src/protocol/recordBatch/record/v0') as (r: Message & { offsetDelta: number; timestampDelta: number }) => Encoder;
const ProduceV3 = requireKafkajs('kafkajs/src/protocol/requests/produce/v3/request') as (r: {
  acks: number;
  timeout: number;
  transactionalId?: string;
  producerId: number;
  producerEpoch: number;
  compression?: number;
  topicData: Array<{ topic: string; partitions: Array<{ partition: number; firstSequence: number; messages: Message[] }> }>;
}) => { encode(): Promise<Buffer | { buffer: Buffer }> };

const UVARINTS = [0, 1, 63, 64, 127, 128, 255, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32 + 5, -1, -2, -128, -(2 ** 31), 300.7];
const VARINTS = [0, 1, -1, 63, -64, -65, 64, 1000, -1000, 2 ** 29, -(2 ** 29), 2 ** 30 - 1, -(2 ** 30), 2 ** 31 - 1, -(2 ** 31)];
const VARLONGS: unknown[] = [0, 1, -1, 63, -64, 64, 1000, -1000, 2 ** 30 - 1, -(2 ** 30 - 1), 2 ** 30, -(2 ** 30), 2 ** 31, -(2 ** 31) - 1, 2 ** 40 + 3, -(2 ** 40), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, '9223372036854775807', '-42'];

// Deterministic, so a failure can be replayed.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function messages(seed: number, count: number): Message[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const text = (n: number) => Array.from({ length: n }, () => pick(['a', 'é', '€', '😀', '{', '"', '\u0000', '1'])).join('');
  const out: Message[] = [];
  for (let i = 0; i < count; i++) {
    const size = pick([0, 1, 100, 511, 512, 513, 4000, 5000, 20000]);
    const headers: Headers = {};
    for (let h = 0; h < pick([0, 1, 3]); h++) headers[`h-${text(h + 1)}`] = pick([text(size % 300), Buffer.from(text(20)), [text(3), Buffer.from('x')]]);
    out.push({
      key: pick([null, text(36), Buffer.from(text(10))]),
      value: pick([null, text(size), Buffer.from(text(size))]),
      headers,
      timestamp: pick([undefined, 1_796_441_271_060 + Math.floor(rnd() * 5000), 1_796_441_271_060 - Math.floor(rnd() * 5000), 1_796_441_271_060 + 2 ** 31]),
    });
  }
  return out;
}

function varintBytes(): Buffer[] {
  return [
    ...UVARINTS.map((v) => new EncoderClass().writeUVarInt(v).buffer),
    ...VARINTS.map((v) => new EncoderClass().writeVarInt(v).buffer),
    ...VARLONGS.map((v) => new EncoderClass().writeVarLong(v).buffer),
    // many in one encoder, crossing its growth from 512 bytes
    VARINTS.concat(VARINTS, VARINTS, VARINTS, VARINTS, VARINTS, VARINTS, VARINTS, VARINTS, VARINTS)
      .reduce((e, v, i) => e.writeVarInt(v).writeUVarInt(UVARINTS[i % UVARINTS.length]).writeVarLong(VARLONGS[i % VARLONGS.length]).writeInt32(i), new EncoderClass())
      .buffer,
  ].map((b) => Buffer.from(b));
}

function recordBytes(): Buffer[] {
  return messages(7, 120).map((m, i) => Buffer.from(Record({ ...m, offsetDelta: i, timestampDelta: (m.timestamp ?? 0) - 1_796_441_271_060 }).buffer));
}

async function produceBytes(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const seed of [1, 2, 3, 4]) {
    const request = ProduceV3({
      acks: -1,
      timeout: 30000,
      producerId: 4711,
      producerEpoch: 2,
      topicData: [
        { topic: 'recruiting.candidate-sourced.v1', partitions: [{ partition: 0, firstSequence: 10, messages: messages(seed, 40) }, { partition: 3, firstSequence: 0, messages: messages(seed + 100, 1) }] },
        { topic: 'recruiting.candidate-scored.v1', partitions: [{ partition: 1, firstSequence: 2 ** 20, messages: messages(seed + 200, 7) }] },
      ],
    });
    const encoded = await request.encode();
    out.push(Buffer.from(Buffer.isBuffer(encoded) ? encoded : encoded.buffer));
  }
  return out;
}

describe('streamlineKafkaEncoder', () => {
  // kafkajs' own encoding first, then the same inputs through the replacements.
  let before: { varints: Buffer[]; records: Buffer[]; produce: Buffer[] };
  const now = jest.spyOn(Date, 'now').mockReturnValue(1_796_441_271_060);

  beforeAll(async () => {
    before = { varints: varintBytes(), records: recordBytes(), produce: await produceBytes() };
    streamlineKafkaEncoder();
  });
  afterAll(() => now.mockRestore());

  it('writes varints and varlongs byte for byte as kafkajs does (edges of every length, negatives, Longs, fractions)', () => {
    const after = varintBytes();
    expect(after).toHaveLength(before.varints.length);
    after.forEach((b, i) => expect(b.toString('hex')).toBe(before.varints[i].toString('hex')));
  });

  it('encodes records the same (keys, values and headers as text and bytes, null, multi-byte, sizes across the growth steps)', () => {
    const after = recordBytes();
    after.forEach((b, i) => expect(b.equals(before.records[i])).toBe(true));
  });

  it('encodes whole produce requests the same (record batches with their CRC, several topics and partitions)', async () => {
    const after = await produceBytes();
    after.forEach((b, i) => expect(b.equals(before.produce[i])).toBe(true));
  });

  it('hands out only what was written: a grown, unfilled buffer leaks nothing past the offset', () => {
    const e = new EncoderClass(1);
    e.writeVarIntBytes(Buffer.alloc(3000, 0xab)).writeUVarInt(1);
    expect(e.buffer.length).toBe(2 + 3000 + 1);
  });

  it('is idempotent', () => {
    streamlineKafkaEncoder();
    expect(new EncoderClass().writeVarInt(-65).buffer.toString('hex')).toBe('8101');
  });
});
