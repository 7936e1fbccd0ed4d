import { canonicalHash } from './canonical-hash';

describe('sourcing / request hash for idempotency', () => {
  it('key order does not change the hash', () => {
    expect(canonicalHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(canonicalHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('a different value does', () => {
    expect(canonicalHash({ a: 1 })).not.toBe(canonicalHash({ a: 2 }));
    expect(canonicalHash([1, 2])).not.toBe(canonicalHash([2, 1]));
  });

  it('drops undefined members like JSON does', () => {
    expect(canonicalHash({ a: undefined, b: null })).toBe(canonicalHash({ b: null }));
  });

  it('refuses a value JSON would silently change, rather than hash it', () => {
    expect(() => canonicalHash({ a: Number.NaN })).toThrow(/not a finite number/);
  });
});
