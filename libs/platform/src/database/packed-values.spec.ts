import { packValues, releasePackedValues } from './packed-values';

/** What SQL's substring(bytes FROM start FOR length) returns for row i. */
const slice = (p: ReturnType<typeof packValues>, i: number): Buffer | null =>
  p.starts[i] === null ? null : p.bytes.subarray((p.starts[i] as number) - 1, (p.starts[i] as number) - 1 + (p.lengths[i] as number));

describe('packValues: the large values of a set-based insert in one binary parameter', () => {
  it('gives every value back byte for byte from its slice: text as UTF-8 (multi-byte too), Buffers as they are, null as null, empty as empty', () => {
    const raw = Buffer.from([0x00, 0xff, 0x80, 0x41]);
    const values = ['{"a":"Zoë"}', null, '', '測試 🚀', raw, 'x'];
    const packed = packValues(values);
    expect(values.map((_, i) => slice(packed, i))).toEqual([Buffer.from('{"a":"Zoë"}', 'utf8'), null, Buffer.alloc(0), Buffer.from('測試 🚀', 'utf8'), raw, Buffer.from('x')]);
    expect(packed.bytes.length).toBe(Buffer.byteLength('{"a":"Zoë"}') + Buffer.byteLength('測試 🚀') + raw.length + 1);
  });

  it('counts offsets from 1, as SQL does, and in bytes, not characters', () => {
    const packed = packValues(['ü', 'b']);
    expect(packed.starts).toEqual([1, 3]);
    expect(packed.lengths).toEqual([2, 1]);
  });

  it('packs nothing into an empty parameter', () => {
    expect(packValues([])).toEqual({ bytes: Buffer.alloc(0), starts: [], lengths: [] });
    expect(packValues([null]).bytes.length).toBe(0);
  });
});

describe('releasePackedValues: a packed parameter freed once its statement has run', () => {
  const large = () => packValues(['x'.repeat(64 * 1024), 'y'.repeat(64 * 1024)]);

  it('frees the memory of packed bytes among the values and says how much', () => {
    const packed = large();
    expect(releasePackedValues([1, packed.bytes, packed.starts, packed.lengths])).toBe(128 * 1024);
    expect(packed.bytes.buffer.byteLength).toBe(0);
    expect(packed.bytes.length).toBe(0);
  });

  it('frees each only once', () => {
    const packed = large();
    releasePackedValues([packed.bytes]);
    expect(releasePackedValues([packed.bytes])).toBe(0);
  });

  it("leaves a caller's own Buffer and a small packing's slice of the shared pool alone", () => {
    const own = Buffer.alloc(64 * 1024, 1);
    const small = packValues(['tiny']);
    expect(releasePackedValues([own, small.bytes])).toBe(0);
    expect(own.length).toBe(64 * 1024);
    expect(small.bytes.toString()).toBe('tiny');
  });
});
