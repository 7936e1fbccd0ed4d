/**
 * Large values of a set-based insert, sent as one binary parameter.
 *
 * node-postgres sends an array parameter as a text literal: every element
 * quoted and escaped in JavaScript, then scanned twice and unescaped by
 * Postgres' array_in before each element is copied out. For the kilobytes of
 * JSON or sealed text a row carries, that parsing is most of what the insert
 * costs (array_in was 8 % of Postgres' CPU in the bulk bench). A Buffer
 * parameter, by contrast, travels in binary format and is taken as it is.
 *
 * So the values are written one after another into a single bytea, and each
 * row reads its own slice: `substring($n::bytea FROM start FOR length)` (for a
 * text column, `convert_from(…, 'UTF8')`, which checks the encoding in one
 * pass). The starts and lengths are small integer arrays. A null value has a
 * null start, and its slice is null.
 */
export interface PackedValues {
  /** Every non-null value's UTF-8 bytes (or the Buffer itself), back to back. */
  bytes: Buffer;
  /** 1-based byte offset of each value in `bytes` (SQL's substring counts from 1); null for a null value. */
  starts: (number | null)[];
  /** Byte length of each value; null for a null value. */
  lengths: (number | null)[];
}

/** The memory of the packed parameters made here and not yet released: only these are ever detached. */
const releasable = new WeakSet<ArrayBuffer>();

export function packValues(values: ReadonlyArray<string | Buffer | null>): PackedValues {
  const starts: (number | null)[] = new Array(values.length);
  const lengths: (number | null)[] = new Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string | Buffer | null;
    if (v === null) {
      starts[i] = null;
      lengths[i] = null;
      continue;
    }
    const length = typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
    starts[i] = total + 1;
    lengths[i] = length;
    total += length;
  }
  // Written in place: no Buffer per value to allocate and copy again.
  const bytes = Buffer.allocUnsafe(total);
  // Its own memory (not a slice of Node's shared pool, which is below 4 KB): releasable once sent.
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === total && total > 0) releasable.add(bytes.buffer as ArrayBuffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string | Buffer | null;
    if (v === null) continue;
    const offset = (starts[i] as number) - 1;
    if (typeof v === 'string') bytes.write(v, offset, 'utf8');
    else v.copy(bytes, offset);
  }
  return { bytes, starts, lengths };
}

/**
 * The SQL that reads one row's value back as text from a packed parameter:
 * `textSlice('$7', 'u.start', 'u.length')`. convert_from checks the bytes are
 * UTF-8 (what a text[] parameter was checked for too). A bytea column takes
 * `substring($7::bytea FROM u.start FOR u.length)` as it is.
 */
export function textSlice(bytesParam: string, start: string, length: string): string {
  return `convert_from(substring(${bytesParam}::bytea FROM ${start} FOR ${length}), 'UTF8')`;
}

/**
 * Frees now the memory of every packed parameter among `values` (what
 * packValues made; any other value is left alone), once its statement has
 * run: its Bind message was a copy of it. A chunk's packed bytes (~1 MB for
 * 250 rows) are held across the statement's round trip, long enough under
 * load to be promoted, and would otherwise wait for a full collection
 * (docs/performance.md "Sourcing's and screening's peaks (lane 22c)").
 * Detached, a released Buffer reads as empty: nothing may send it again.
 * Returns the bytes released.
 */
export function releasePackedValues(values: readonly unknown[]): number {
  const stores: ArrayBuffer[] = [];
  for (const v of values) {
    if (!Buffer.isBuffer(v)) continue;
    const store = v.buffer as ArrayBuffer;
    if (releasable.delete(store)) stores.push(store);
  }
  if (stores.length === 0) return 0;
  const bytes = stores.reduce((sum, s) => sum + s.byteLength, 0);
  // Transferring detaches each ArrayBuffer here and moves its memory to a new,
  // young ArrayBuffer that nothing references: the next scavenge frees it.
  structuredClone(stores, { transfer: stores });
  return bytes;
}
