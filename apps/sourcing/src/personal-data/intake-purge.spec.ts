import { purgeTargets } from './intake-purge';

const offsets = (entries: Array<[number, number]>) => new Map(entries.map(([p, o]) => [p, BigInt(o)]));

describe('purgeTargets: how far the intake topic may be cut', () => {
  const start = offsets([[0, 10], [1, 0], [2, 5]]);

  it('cuts each partition up to what sourcing committed, when that is past its start', () => {
    expect(purgeTargets(start, [offsets([[0, 12], [1, 7], [2, 5]])])).toEqual([
      { partition: 0, offset: 12n },
      { partition: 1, offset: 7n },
    ]);
  });

  it('never past another live reader: the lowest commit wins', () => {
    expect(purgeTargets(start, [offsets([[0, 12], [1, 7], [2, 9]]), offsets([[0, 11], [1, 9], [2, 9]])])).toEqual([
      { partition: 0, offset: 11n },
      { partition: 1, offset: 7n },
      { partition: 2, offset: 9n },
    ]);
  });

  it('leaves a partition alone where any reader has committed nothing (it may still read from the start)', () => {
    expect(purgeTargets(start, [offsets([[0, 12], [1, -1], [2, 9]]), offsets([[0, 12], [1, 3]])])).toEqual([{ partition: 0, offset: 12n }]);
  });

  it('cuts nothing without a reader', () => {
    expect(purgeTargets(start, [])).toEqual([]);
  });
});
