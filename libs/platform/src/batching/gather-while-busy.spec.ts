import { GatherWhileBusy } from './gather-while-busy';

/** A group runner whose runs the test finishes by hand. */
function manualRunner() {
  const groups: number[][] = [];
  const finish: Array<() => void> = [];
  const run = (parts: number[]) =>
    new Promise<void>((resolve) => {
      groups.push(parts);
      finish.push(resolve);
    });
  return { groups, finish, run };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GatherWhileBusy', () => {
  it('hands the parts of one turn over as one group, in order', async () => {
    const r = manualRunner();
    const gather = new GatherWhileBusy<number>(r.run);
    gather.add(1);
    gather.add(2);
    gather.add(3);
    expect(r.groups).toEqual([]);
    await nextTurn();
    expect(r.groups).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while a group runs into the next, and runs one group at a time', async () => {
    const r = manualRunner();
    const gather = new GatherWhileBusy<number>(r.run);
    gather.add(1);
    await nextTurn();
    gather.add(2);
    gather.add(3);
    await nextTurn();
    expect(r.groups).toEqual([[1]]);
    expect(gather.waiting).toBe(2);
    r.finish[0]?.();
    await nextTurn();
    expect(r.groups).toEqual([[1], [2, 3]]);
    r.finish[1]?.();
    await nextTurn();
    gather.add(4);
    await nextTurn();
    expect(r.groups).toEqual([[1], [2, 3], [4]]);
  });
});
