import { ApiKeyCache } from './api-key-cache';

const northwind = { id: 'agency-1', name: 'Northwind', keyId: 'key-1' };
const contoso = { id: 'agency-2', name: 'Contoso', keyId: 'key-2' };

describe('sourcing / ApiKeyCache', () => {
  let now: number;
  const cache = (ttlMs = 2000, max = 100) => new ApiKeyCache(ttlMs, max, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('answers a remembered key until its time is up, then forgets it', () => {
    const c = cache();
    c.remember('h1', northwind, c.ticket());
    now += 1999;
    expect(c.get('h1')).toEqual(northwind);
    now += 1;
    expect(c.get('h1')).toBeUndefined();
  });

  it('a revocation forgets every key of that agency at once, and only of that agency', () => {
    const c = cache();
    c.remember('h1', northwind, c.ticket());
    c.remember('h1b', { ...northwind, keyId: 'key-1b' }, c.ticket());
    c.remember('h2', contoso, c.ticket());
    c.forgetAgency(northwind.id);
    expect(c.get('h1')).toBeUndefined();
    expect(c.get('h1b')).toBeUndefined();
    expect(c.get('h2')).toEqual(contoso);
  });

  it('a lookup that started before a revocation is not remembered (it may have read the key as active)', () => {
    const c = cache();
    const ticket = c.ticket();
    c.forgetAgency(northwind.id);
    c.remember('h1', northwind, ticket);
    expect(c.get('h1')).toBeUndefined();
    c.remember('h1', northwind, c.ticket());
    expect(c.get('h1')).toEqual(northwind);
  });

  it('a change notified from elsewhere forgets everything, and a lookup in flight is not remembered', () => {
    const c = cache();
    c.remember('h1', northwind, c.ticket());
    c.remember('h2', contoso, c.ticket());
    const ticket = c.ticket();
    c.forgetAll();
    c.remember('h1', northwind, ticket);
    expect(c.get('h1')).toBeUndefined();
    expect(c.get('h2')).toBeUndefined();
  });

  it('a TTL of 0 remembers nothing', () => {
    const c = cache(0);
    expect(c.enabled).toBe(false);
    c.remember('h1', northwind, c.ticket());
    expect(c.get('h1')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const c = cache(2000, 2);
    c.remember('h1', northwind, c.ticket());
    c.remember('h2', contoso, c.ticket());
    c.remember('h3', { ...contoso, keyId: 'key-3' }, c.ticket());
    expect(c.get('h1')).toBeUndefined();
    expect(c.get('h2')).toEqual(contoso);
    expect(c.get('h3')).toBeDefined();
  });
});
