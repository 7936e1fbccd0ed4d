import { isUUID } from 'class-validator';
import { EVENT_TYPES } from './catalogue';
import { buildEvent } from './cloudevent';
import { EXAMPLE_EVENT_DATA } from './examples/event-examples';
import { newId } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Unix milliseconds in the first 48 bits. */
function millisOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('newId', () => {
  it('mints RFC 9562 version 7 UUIDs that the HTTP and event checks accept', () => {
    const id = newId();
    expect(id).toMatch(V7);
    // What @IsUUID(), @IsUUID('all') and ParseUUIDPipe's default ask of submission and candidate ids.
    expect(isUUID(id)).toBe(true);
    expect(isUUID(id, 'all')).toBe(true);
  });

  it('carries the time it was minted in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(millisOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisOf(id)).toBeLessThanOrEqual(after);
  });

  it('is strictly increasing in minting order, also within one millisecond, and unique', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    // Sorted as minted and no two equal: strictly increasing.
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // 20,000 ids take a few milliseconds at most: many shared one, and still sorted.
    expect(new Set(ids.map(millisOf)).size).toBeLessThan(ids.length);
  });

  it('is the id of every event built without one, so inbox rows are keyed in time order too', () => {
    const data = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored];
    const first = buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data });
    const second = buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data });
    expect(first.id).toMatch(V7);
    expect(second.id > first.id).toBe(true);
  });
});
