import { GroupQueue } from './group-queue';

describe('GroupQueue: who writes next', () => {
  it('an item that finds nothing in flight goes at once, alone', () => {
    const q = new GroupQueue<string>(100);
    expect(q.arrive('a')).toEqual(['a']);
    expect(q.inFlight).toBe(true);
    expect(q.finished()).toBeUndefined();
    expect(q.inFlight).toBe(false);
    expect(q.arrive('b')).toEqual(['b']);
  });

  it('items arriving while a group is in flight wait, and go together, in arrival order, when it finishes', () => {
    const q = new GroupQueue<string>(100);
    q.arrive('a');
    expect(q.arrive('b')).toBeUndefined();
    expect(q.arrive('c')).toBeUndefined();
    expect(q.waiting).toBe(2);
    expect(q.finished()).toEqual(['b', 'c']);
    expect(q.inFlight).toBe(true);
    expect(q.waiting).toBe(0);
    expect(q.finished()).toBeUndefined();
    expect(q.inFlight).toBe(false);
  });

  it('a group holds at most maxItems, the oldest first; the rest go in the next one', () => {
    const q = new GroupQueue<number>(2);
    q.arrive(0);
    for (const i of [1, 2, 3, 4, 5]) q.arrive(i);
    expect(q.finished()).toEqual([1, 2]);
    q.arrive(6);
    expect(q.finished()).toEqual([3, 4]);
    expect(q.finished()).toEqual([5, 6]);
    expect(q.finished()).toBeUndefined();
  });

  it('refuses a group size below one', () => {
    expect(() => new GroupQueue(0)).toThrow(/at least one/);
  });
});
