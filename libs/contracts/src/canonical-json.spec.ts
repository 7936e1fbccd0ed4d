import { canonicalJson } from './canonical-json';

/** The definition, written the plain way: sorted keys, undefined members dropped, JSON.stringify for leaves. */
function reference(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('not finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${Array.from({ length: value.length }, (_, i) => (value[i] === undefined ? 'null' : reference(value[i]))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`)
      .join(',')}}`;
  }
  throw new TypeError(typeof value);
}

/** A small deterministic generator: nested objects and arrays with awkward keys and leaves. */
function generate(seed: number): unknown {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const KEYS = ['b', 'a', 'A', 'z', 'é', 'ü', '10', '2', '0', '01', '-1', '1.5', '__proto__', 'constructor', '🚀', '\uFFFF', 'aa', '', ' '];
  const LEAVES = [null, true, false, 0, -0, 1, -7, 3.25, 1e21, 2 ** 53 + 2, 'text', 'quote " and \\ and \n', '💡', '\u2028', undefined];
  const build = (depth: number): unknown => {
    const kind = depth > 3 ? 2 : next(3);
    if (kind === 0) return Array.from({ length: next(4) }, () => build(depth + 1));
    if (kind === 1) {
      const out: Record<string, unknown> = {};
      for (let i = next(5); i > 0; i--) out[KEYS[next(KEYS.length)]!] = build(depth + 1);
      return out;
    }
    return LEAVES[next(LEAVES.length)];
  };
  return build(0);
}

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code unit at every level, drops undefined members, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: undefined }, A: true })).toBe('{"A":true,"a":{"d":[3,{"y":"x","z":null}]},"b":1}');
    expect(canonicalJson({ z: 1, é: 2, '🚀': 3, '\uFFFF': 4 })).toBe('{"z":1,"é":2,"🚀":3,"\uFFFF":4}');
    expect(canonicalJson([undefined, -0, 'a'])).toBe('[null,0,"a"]');
  });

  it('keeps array-index and __proto__ keys in sorted order, where a plain object would not', () => {
    expect(canonicalJson({ '2': 'b', '10': 'a', x: 1 })).toBe('{"10":"a","2":"b","x":1}');
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2,"b":1}');
  });

  it('agrees with the plain definition on a thousand generated documents', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const value = { doc: generate(seed), [String(seed % 7)]: generate(seed + 7919) };
      expect([seed, canonicalJson(value)]).toEqual([seed, reference(value)]);
    }
  });

  it('refuses what JSON cannot carry, naming where', () => {
    expect(() => canonicalJson({ profile: { years: [1, Number.NaN] } })).toThrow('canonicalJson: profile.years[1] is not a finite number');
    expect(() => canonicalJson({ a: { f: () => 1 } })).toThrow('canonicalJson: a.f is a function, which JSON cannot carry');
    expect(() => canonicalJson([1n])).toThrow('canonicalJson: [0] is a bigint, which JSON cannot carry');
  });
});
