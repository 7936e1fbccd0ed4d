import { MAX_PRODUCE_BYTES, produceParts } from './outbox-batch';

const row = (id: number, valueBytes: number) => ({ id, key: `k${id}`, value: Buffer.alloc(valueBytes, 'x'), headers: { 'content-type': 'application/json' } });

describe('outbox relay: a claim is sent in parts Kafka accepts', () => {
  it('500 rows of 2.2 KB (1.1 MB, more than a partition batch may hold) go in parts under the cap, in order, none lost', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i, 2213));
    const parts = produceParts(rows);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.reduce((n, r) => n + r.value.length, 0)).toBeLessThanOrEqual(MAX_PRODUCE_BYTES);
    expect(parts.flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('small claims stay one part; a row larger than the cap is a part of its own', () => {
    expect(produceParts([row(1, 100), row(2, 100)])).toHaveLength(1);
    const parts = produceParts([row(1, 100), row(2, 2000), row(3, 100)], 1000);
    expect(parts.map((p) => p.map((r) => r.id))).toEqual([[1], [2], [3]]);
    expect(produceParts([])).toEqual([]);
  });
});
