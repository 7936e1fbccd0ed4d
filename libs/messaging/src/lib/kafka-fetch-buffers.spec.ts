import { createRequire } from 'node:module';
import type { KafkaMessage } from 'kafkajs';
import { copyFetchedRecordBatches, isOwnedFetchCopy, releaseFetchedRecords } from './kafka-fetch-buffers';

// kafkajs' own encoders and the fetch response's record decoding, as its consumer uses them.
const requireKafkajs = createRequire(__filename);
interface Encoder {
  buffer: Buffer;
}
type Headers = Record<string, string | Buffer>;
const Record = requireKafkajs('kafkajs/src/protocol/recordBatch/record/v0') as (r: {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Headers;
  offsetDelta: number;
  timestampDelta: number;
}) => Encoder;
const { RecordBatch } = requireKafkajs('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (b: { firstOffset: unknown; records: Encoder[]; lastOffsetDelta: number }) => Promise<Encoder> };
const Long = requireKafkajs('kafkajs/src/utils/long') as { fromInt(n: number): unknown };
const Decoder = requireKafkajs('kafkajs/src/protocol/decoder') as new (b: Buffer) => { forward(n: number): void };
const decodeMessages = requireKafkajs('kafkajs/src/protocol/requests/fetch/v4/decodeMessages') as (d: unknown) => Promise<KafkaMessage[]>;
const Connection = requireKafkajs('kafkajs/src/network/connection') as {
  prototype: { processData(this: FakeConnection, data: Buffer): void };
};
interface FakeConnection {
  chunks: Buffer[];
  bytesBuffered: number;
  bytesNeeded: number;
  requestQueue: { fulfillRequest(r: { correlationId: number; payload: Buffer }): void };
}

const PREFIX = 37; // bytes of the response before the partition's record set (topic, partition, offsets...)

async function recordBatch(firstOffset: number, values: string[]): Promise<Buffer> {
  const records = values.map((v, i) => Record({ key: `key-${firstOffset + i}`, value: v, headers: { 'ce-type': `t${i}` }, offsetDelta: i, timestampDelta: i }));
  return (await RecordBatch({ firstOffset: Long.fromInt(firstOffset), records, lastOffsetDelta: values.length - 1 })).buffer;
}

/** A fetch response's bytes holding the given record batches, and its decoded messages. */
async function fetchResponse(batches: Buffer[]): Promise<{ response: Buffer; messages: KafkaMessage[] }> {
  const set = Buffer.concat(batches);
  const size = Buffer.alloc(4);
  size.writeInt32BE(set.length);
  // allocUnsafeSlow: one ArrayBuffer of its own, as a response assembled from socket reads is.
  const response = Buffer.allocUnsafeSlow(PREFIX + 4 + set.length + 19);
  response.fill(7);
  size.copy(response, PREFIX);
  set.copy(response, PREFIX + 4);
  const decoder = new Decoder(response);
  decoder.forward(PREFIX);
  return { response, messages: await decodeMessages(decoder) };
}

const valuesA = ['{"a":1}', 'x'.repeat(3000), '{"c":3}'];
const valuesB = ['y'.repeat(5000), '{"e":5}'];

describe('fetched record batches (kafka-fetch-buffers.ts)', () => {
  beforeAll(() => copyFetchedRecordBatches());

  it('gives each record batch a copy of its own: no message shares memory with the response', async () => {
    const a = await recordBatch(100, valuesA);
    const b = await recordBatch(103, valuesB);
    const { response, messages } = await fetchResponse([a, b]);

    expect(messages.map((m) => m.value?.toString())).toEqual([...valuesA, ...valuesB]);
    expect(messages.map((m) => m.key?.toString())).toEqual(['key-100', 'key-101', 'key-102', 'key-103', 'key-104']);
    expect(messages.map((m) => (m.headers?.['ce-type'] as Buffer).toString())).toEqual(['t0', 't1', 't2', 't0', 't1']);
    for (const m of messages) {
      for (const b of [m.key, m.value, m.headers?.['ce-type'] as Buffer]) {
        expect(b?.buffer).not.toBe(response.buffer);
        expect(isOwnedFetchCopy(b)).toBe(true);
      }
    }
    // One copy per record batch, of the batch's size, not the response's.
    const stores = new Set(messages.map((m) => m.value?.buffer));
    expect(stores.size).toBe(2);
    expect(messages[0].value?.buffer.byteLength).toBe(a.length - 12); // without firstOffset and length
    expect(messages[3].value?.buffer.byteLength).toBe(b.length - 12);
  });

  it('release detaches the copies (their Buffers read empty) and leaves other Buffers alone', async () => {
    const { messages } = await fetchResponse([await recordBatch(0, valuesA), await recordBatch(3, valuesB)]);
    const pooled = Buffer.from('a pooled buffer'); // Node's shared pool: must never be detached
    const foreign: KafkaMessage = { ...messages[0], key: pooled, value: Buffer.from('foreign value') };
    const released = releaseFetchedRecords([...messages, foreign]);

    expect(released).toBeGreaterThan(3000 + 5000);
    expect(messages.every((m) => m.value?.length === 0 && m.key?.length === 0)).toBe(true);
    expect(pooled.toString()).toBe('a pooled buffer');
    expect(foreign.value?.toString()).toBe('foreign value');
    expect(releaseFetchedRecords(messages)).toBe(0); // released once
  });

  it('a connection keeps nothing of a response it has handed on', () => {
    const payloads: Buffer[] = [];
    const connection: FakeConnection = {
      chunks: [],
      bytesBuffered: 0,
      bytesNeeded: 4,
      requestQueue: { fulfillRequest: ({ payload }) => payloads.push(payload) },
    };
    const frame = Buffer.allocUnsafeSlow(4 + 4 + 100);
    frame.writeInt32BE(104, 0);
    frame.writeInt32BE(9, 4); // correlation id
    frame.fill(1, 8);
    Connection.prototype.processData.call(connection, frame.subarray(0, 50));
    Connection.prototype.processData.call(connection, frame.subarray(50));

    expect(payloads).toHaveLength(1);
    expect(payloads[0].length).toBe(100);
    expect(connection.chunks.some((c) => c.buffer === frame.buffer || c.buffer === payloads[0].buffer)).toBe(false);
    expect(connection.bytesBuffered).toBe(0);
  });

  it('a connection keeps the start of the next response that came with the last one', () => {
    const payloads: Buffer[] = [];
    const connection: FakeConnection = { chunks: [], bytesBuffered: 0, bytesNeeded: 4, requestQueue: { fulfillRequest: ({ payload }) => payloads.push(payload) } };
    const first = Buffer.alloc(4 + 4 + 6);
    first.writeInt32BE(10, 0);
    first.writeInt32BE(1, 4);
    const second = Buffer.alloc(4 + 4 + 6, 2);
    second.writeInt32BE(10, 0);
    second.writeInt32BE(2, 4);
    Connection.prototype.processData.call(connection, Buffer.concat([first, second.subarray(0, 5)]));
    expect(payloads).toHaveLength(1);
    Connection.prototype.processData.call(connection, second.subarray(5));
    expect(payloads).toHaveLength(2);
    expect([...payloads[1]]).toEqual([2, 2, 2, 2, 2, 2]);
  });
});
