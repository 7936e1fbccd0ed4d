// kafkajs 2.2.4 (its last release) encodes every produced record with
// allocations it does not need. Each varint (a record has seven: its length,
// offset delta, key and value lengths, header count, each header's key and
// value lengths) is first pushed into an array and copied through a Buffer
// of its own (`Buffer.from(byteArray)`), the record's time delta goes through
// 64-bit `Long` objects, and every buffer an encoder grows into is zero-filled
// before the bytes written so far are copied over it. The profiles of the
// services (docs/performance.md, lane 20b) put kafkajs' produce encoding at
// 7-14 % of each service's busy time, mostly allocating these buffers.
//
// These replacements write the same bytes straight into the encoder's buffer.
// A grown buffer is not zero-filled: an encoder hands out only the bytes it
// wrote (`buffer` is `buf.slice(0, offset)`; every write method writes each
// byte it counts, and nothing else in kafkajs reads `buf` or moves `offset`).
// kafka-encoder.spec.ts checks the bytes against kafkajs' own encoder.
import { createRequire } from 'node:module';

interface EncoderInternals {
  buf: Buffer;
  offset: number;
  ensureAvailable(this: EncoderInternals, length: number): void;
  writeUVarInt(this: EncoderInternals, value: number): EncoderInternals;
  writeVarLong(this: EncoderInternals, value: unknown): EncoderInternals;
}

interface EncoderClass {
  prototype: EncoderInternals;
  nextPowerOfTwo(value: number): number;
}

const requireFromHere = createRequire(__filename);
let patched = false;

/** Largest magnitude whose zigzag form fits 31 bits, so `(v << 1) ^ (v >> 31)` is exact in 32-bit arithmetic. */
const SMALL_VARLONG = 2 ** 30 - 1;

/** kafkajs' Encoder class, as its protocol modules require it. */
export function kafkajsEncoder(): EncoderClass {
  return requireFromHere('kafkajs/src/protocol/encoder') as EncoderClass;
}

/** Makes kafkajs' Encoder write varints and grow its buffer without intermediate buffers (idempotent; call before producing). */
export function streamlineKafkaEncoder(): void {
  if (patched) return;
  const Encoder = kafkajsEncoder();
  const proto = Encoder.prototype;
  const { ensureAvailable, writeUVarInt, writeVarLong } = proto;
  if (typeof ensureAvailable !== 'function' || typeof writeUVarInt !== 'function' || typeof writeVarLong !== 'function' || typeof Encoder.nextPowerOfTwo !== 'function') {
    throw new Error('kafkajs changed: Encoder.ensureAvailable / writeUVarInt / writeVarLong / nextPowerOfTwo are gone; review kafka-encoder.ts');
  }

  proto.ensureAvailable = function growUnfilled(this: EncoderInternals, length: number): void {
    if (this.offset + length <= this.buf.length) return;
    // Same sizes as kafkajs; allocUnsafe: the bytes past `offset` are never handed out.
    const grown = Buffer.allocUnsafe(Encoder.nextPowerOfTwo(this.offset + length));
    this.buf.copy(grown, 0, 0, this.offset);
    this.buf = grown;
  };

  // An unsigned LEB128 of the value's low 32 bits, as kafkajs writes it (its loop runs on `>>>`).
  proto.writeUVarInt = function writeUVarIntInPlace(this: EncoderInternals, value: number): EncoderInternals {
    this.ensureAvailable(5);
    const buf = this.buf;
    let offset = this.offset;
    let rest = value >>> 0;
    while (rest > 0x7f) {
      buf[offset++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    buf[offset++] = rest;
    this.offset = offset;
    return this;
  };

  // Record time deltas are small numbers: their zigzag form is a 32-bit varint with the same bytes. Anything else (Long, string, huge) as kafkajs does it.
  proto.writeVarLong = function writeVarLongSmall(this: EncoderInternals, value: unknown): EncoderInternals {
    if (typeof value === 'number' && Number.isInteger(value) && value >= -SMALL_VARLONG && value <= SMALL_VARLONG) {
      return this.writeUVarInt((value << 1) ^ (value >> 31));
    }
    return writeVarLong.call(this, value);
  };
  patched = true;
}
