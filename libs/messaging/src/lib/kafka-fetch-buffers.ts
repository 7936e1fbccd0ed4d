// kafkajs 2.2.4 decodes a fetch response into messages whose key, value and
// header values are slices of the whole response buffer (up to `maxBytes`,
// 10 MB by default). A consumer holds a batch's messages while its chunks are
// written to Postgres, long enough for V8 to promote them; a promoted slice
// then keeps its whole response alive until the next full (mark-compact)
// collection, however soon the batch is done. Between full collections the
// services' external memory grew to 40–87 MB (docs/performance.md, "Peak RSS:
// fetch buffers (lane 21c)").
//
// Two changes make a batch's bytes go when its batch is done:
// - each record batch (a producer's batch as stored by the broker) is copied
//   out of the response into a buffer of its own the first time a record of it
//   is read, so records are slices of that copy and the response itself is
//   garbage as soon as it is decoded (kafkajs reads record key, value and
//   header values, and each record, with `readVarIntBytes`, and nothing else
//   does); a connection no longer keeps the empty tail of its last response;
// - `releaseFetchedRecords` detaches those copies when the consumer is done
//   with the batch (offsets resolved, dead letters written): their memory is
//   freed by the next scavenge instead of the next full collection.
// Only copies made here are released (a WeakSet knows them); a message whose
// bytes came from anywhere else is left alone.
import { createRequire } from 'node:module';
import type { KafkaMessage } from 'kafkajs';

interface DecoderInternals {
  buffer: Buffer;
  offset: number;
  readVarIntBytes(this: DecoderInternals): Buffer | null;
}

interface ConnectionInternals {
  chunks: Buffer[];
  bytesBuffered: number;
  processData(this: ConnectionInternals, rawData: Buffer): unknown;
}

const requireFromHere = createRequire(__filename);
let patched = false;

/** The backing stores copied out of fetch responses, which this module may detach. */
const owned = new WeakSet<ArrayBuffer>();

/** A copy of `bytes` in an ArrayBuffer of its own (never Node's shared pool, which must not be detached). */
function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy, 0, 0, bytes.length);
  owned.add(copy.buffer as ArrayBuffer);
  return copy;
}

/** Whether `buf`'s memory is a copy made here (and so can be released with its batch). */
export function isOwnedFetchCopy(buf: Buffer | null | undefined): boolean {
  return !!buf && owned.has(buf.buffer as ArrayBuffer);
}

/** Makes fetched records hold copies of their record batch, not the fetch response, and connections drop a consumed response (idempotent). */
export function copyFetchedRecordBatches(): void {
  if (patched) return;
  const Decoder = requireFromHere('kafkajs/src/protocol/decoder') as { prototype: DecoderInternals };
  const Connection = requireFromHere('kafkajs/src/network/connection') as { prototype: ConnectionInternals };
  const { readVarIntBytes } = Decoder.prototype;
  const { processData } = Connection.prototype;
  if (typeof readVarIntBytes !== 'function' || typeof processData !== 'function') {
    throw new Error('kafkajs changed: Decoder.readVarIntBytes / Connection.processData are gone; review kafka-fetch-buffers.ts');
  }

  Decoder.prototype.readVarIntBytes = function readFromOwnCopy(this: DecoderInternals): Buffer | null {
    // The decoder of a record batch reads its records with this method, and
    // each record's decoder its key, value and header values. The first read
    // from bytes that are not a copy swaps the decoder's whole buffer (the
    // record batch: kafkajs gives each one a decoder of its own) for a copy,
    // at the same offsets; what is read after, down to the header values, is
    // a slice of that copy.
    if (!owned.has(this.buffer.buffer as ArrayBuffer)) this.buffer = ownCopy(this.buffer);
    return readVarIntBytes.call(this);
  };

  Connection.prototype.processData = function dropConsumedResponse(this: ConnectionInternals, rawData: Buffer): unknown {
    const result = processData.call(this, rawData);
    // After a whole response kafkajs keeps `buffer.slice(end)` as the start
    // of the next one: empty, it still holds the response's memory until the
    // next bytes arrive, for as long as the consumer works on the batch.
    if (this.bytesBuffered === 0 && this.chunks.length === 1 && this.chunks[0].length === 0) this.chunks = [];
    return result;
  };
  patched = true;
}

/**
 * Frees the copies behind a batch's messages once the consumer is done with
 * it: detached, every slice of them reads as empty, so nothing may use these
 * messages' key, value or header Buffers afterwards.
 */
export function releaseFetchedRecords(messages: readonly KafkaMessage[]): number {
  const stores = new Set<ArrayBuffer>();
  for (const m of messages) {
    for (const b of [m.value, m.key]) if (b && owned.has(b.buffer as ArrayBuffer)) stores.add(b.buffer as ArrayBuffer);
  }
  if (stores.size === 0) return 0;
  const list = [...stores];
  let bytes = 0;
  for (const s of list) {
    bytes += s.byteLength;
    owned.delete(s);
  }
  // Transferring detaches each ArrayBuffer here and moves its memory to a new,
  // young ArrayBuffer that nothing references: the next scavenge frees it.
  structuredClone(list, { transfer: list });
  return bytes;
}
