import { randomBytes } from 'node:crypto';
import { MasterKeyRing, newDataKey, openJson, sealJson, sealJsonText, SEALED_PATTERN, SealedValueError } from './personal-data-cipher';

const keyText = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('personal data cipher (AES-256-GCM, per-candidate data key)', () => {
  it('seals a value that only the same key and context open; the text is not in the sealed form', () => {
    const key = newDataKey();
    const profile = { summary: 'Led the payments team; call me on +44 20 7946 0958', years: 11 };
    const sealed = sealJson(key, profile, 'c-1:profile');
    expect(sealed).toMatch(SEALED_PATTERN);
    expect(sealed).not.toContain('payments');
    expect(openJson(key, sealed, 'c-1:profile')).toEqual(profile);
    expect(() => openJson(key, sealed, 'c-2:profile')).toThrow(SealedValueError);
    expect(() => openJson(newDataKey(), sealed, 'c-1:profile')).toThrow(SealedValueError);
    expect(sealJson(key, profile, 'c-1:profile')).not.toBe(sealed);
  });

  it('never hands out the same key or IV twice, across many refills of its random pool', () => {
    // 2000 keys and seals draw ~88 KB, many times the pool's 4 KB.
    const keys = Array.from({ length: 2000 }, () => newDataKey());
    expect(keys.every((k) => k.length === 32)).toBe(true);
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(keys.length);
    const ivs = keys.map((k) => sealJsonText(k, '{"a":1}', 'ctx').split('.')[1]);
    expect(new Set(ivs).size).toBe(ivs.length);
    // Not all zero: the pool zeroes what it hands out, the copy must not be that zeroed region.
    expect(keys.some((k) => k.equals(Buffer.alloc(32)))).toBe(false);
  });

  it('seals text and its UTF-8 bytes alike, and opens either as the same value', () => {
    const key = newDataKey();
    const json = JSON.stringify({ name: 'Zoë Ünal', note: '測試 🚀' });
    expect(openJson(key, sealJsonText(key, json, 'ctx'), 'ctx')).toEqual(JSON.parse(json));
    expect(openJson(key, sealJsonText(key, Buffer.from(json, 'utf8'), 'ctx'), 'ctx')).toEqual(JSON.parse(json));
  });

  it('refuses a tampered value', () => {
    const key = newDataKey();
    const sealed = sealJson(key, { a: 'b' }, 'ctx');
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => openJson(key, parts.join('.'), 'ctx')).toThrow(SealedValueError);
  });

  it('wraps data keys with the first master key; after a rotation the old key still unwraps until it is dropped', () => {
    const oldText = keyText('2026-01');
    const newText = keyText('2026-06');
    const old = MasterKeyRing.parse(oldText);
    const dataKey = newDataKey();
    const stored = old.wrap(dataKey, 'c-1');
    expect(stored.masterKeyId).toBe('2026-01');
    expect(stored.wrapped.includes(dataKey)).toBe(false);
    expect(old.unwrap(stored, 'c-1')).toEqual(dataKey);
    expect(() => old.unwrap(stored, 'c-2')).toThrow();

    const rotated = MasterKeyRing.parse(`${newText},${oldText}`);
    expect(rotated.unwrap(stored, 'c-1')).toEqual(dataKey);
    expect(rotated.ids).toEqual(['2026-06', '2026-01']);
    const rewrapped = rotated.rewrap(stored, 'c-1');
    expect(rewrapped.masterKeyId).toBe('2026-06');
    expect(rotated.rewrap(rewrapped, 'c-1')).toBe(rewrapped);
    expect(() => rotated.rewrap(stored, 'c-2')).toThrow();
    const dropped = MasterKeyRing.parse(newText);
    expect(dropped.unwrap(rewrapped, 'c-1')).toEqual(dataKey);
    expect(() => dropped.unwrap(stored, 'c-1')).toThrow(/not configured/);
  });

  it('refuses malformed master key settings, naming the problem', () => {
    expect(() => MasterKeyRing.parse('k1:' + Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => MasterKeyRing.parse('no-colon')).toThrow(/<id>:<base64/);
    const k = Buffer.alloc(32, 1).toString('base64');
    expect(() => MasterKeyRing.parse(`a:${k},a:${k}`)).toThrow(/unique/);
  });
});
