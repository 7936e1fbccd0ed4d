import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../shared/canonical-hash';
import { IdentifierIndex } from './identifier-index';

describe('IdentifierIndex.requestHashes', () => {
  const index = new IdentifierIndex(randomBytes(32).toString('base64'));
  const canonical = '{"externalId":"x-1","profile":{"a":1}}';

  it('keys the stored hash, and depends on the body', () => {
    const hashes = index.requestHashes(canonical, () => canonical);
    expect(hashes.keyed).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(hashes.keyed).not.toBe(`k1:${sha256Hex(canonical)}`);
    expect(index.requestHashes('{"externalId":"x-2"}', () => '').keyed).not.toBe(hashes.keyed);
  });

  // The hashes live as long as their chunk: they hold the way to write the body again, not the body.
  it('hashes the legacy form from `again`, only when it is read, and once', () => {
    const again = jest.fn(() => canonical);
    const hashes = index.requestHashes(canonical, again);
    expect(again).not.toHaveBeenCalled();
    expect(hashes.legacy).toBe(sha256Hex(canonical));
    expect(hashes.legacy).toBe(sha256Hex(canonical));
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('the legacy form is of what `again` writes, not of the string hashed for the keyed form', () => {
    expect(index.requestHashes(canonical, () => 'other').legacy).toBe(sha256Hex('other'));
  });
});
