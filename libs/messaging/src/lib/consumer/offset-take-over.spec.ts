import { offsetsToTake } from './offset-take-over';

describe('offsetsToTake', () => {
  const former = [
    { partition: 0, offset: '12' },
    { partition: 1, offset: '-1' },
    { partition: 2, offset: '0' },
  ];

  it('takes the partitions the former group committed on, when the group has none of its own', () => {
    expect(offsetsToTake([{ partition: 0, offset: '-1' }, { partition: 1, offset: '-1' }, { partition: 2, offset: '-1' }], former)).toEqual([
      { partition: 0, offset: '12' },
      { partition: 2, offset: '0' },
    ]);
  });

  it('takes nothing once the group has an offset of its own on the topic', () => {
    expect(offsetsToTake([{ partition: 0, offset: '-1' }, { partition: 1, offset: '3' }], former)).toEqual([]);
  });

  it('takes nothing when the former group has no offsets (never ran, or they expired)', () => {
    expect(offsetsToTake([], [{ partition: 0, offset: '-1' }])).toEqual([]);
  });
});
