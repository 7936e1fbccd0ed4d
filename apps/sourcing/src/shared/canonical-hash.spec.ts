import { canonicalHash, sameRequest } from './canonical-hash';

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

describe('sameRequest: a stored idempotency hash in either form', () => {
  const hashes = { keyed: `k1:${'a'.repeat(64)}`, legacy: 'b'.repeat(64) };

  it('a keyed stored hash matches only the keyed form, an older unkeyed one only the unkeyed form', () => {
    expect(sameRequest(hashes.keyed, hashes)).toBe(true);
    expect(sameRequest(hashes.legacy, hashes)).toBe(true);
    expect(sameRequest(`k1:${'c'.repeat(64)}`, hashes)).toBe(false);
    expect(sameRequest('c'.repeat(64), hashes)).toBe(false);
    expect(sameRequest(`k1:${hashes.legacy}`, hashes)).toBe(false);
  });
});
