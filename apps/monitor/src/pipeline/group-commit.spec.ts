import { GroupCommit } from './group-commit';

/** A write that records what it got and finishes when the test says so. */
function controlledWrite(fail: (items: readonly string[]) => boolean = () => false) {
  const writes: string[][] = [];
  const finish: Array<() => void> = [];
  const write = (items: readonly string[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push([...items]);
      finish.push(() => (fail(items) ? reject(new Error(`refused ${items.join(',')}`)) : resolve()));
    });
  return { writes, finish, write };
}

const settled = (p: Promise<void>) => p.then(() => 'written', (e: Error) => e.message);
const turn = () => new Promise((r) => setImmediate(r));

describe('GroupCommit: the read model written once per group of batches', () => {
  it('writes the parts handed in during one turn together, and resolves each only after that write', async () => {
    const w = controlledWrite();
    const commit = new GroupCommit(w.write);
    let done = 0;
    const parts = [commit.submit(['a', 'b']), commit.submit(['c']), commit.submit(['d'])].map((p) => p.then(() => done++));
    await turn();
    expect(w.writes).toEqual([['a', 'b', 'c', 'd']]);
    expect(done).toBe(0);
    w.finish[0]();
    await Promise.all(parts);
    expect(done).toBe(3);
  });

  it('gathers what arrives during a write into the next one', async () => {
    const w = controlledWrite();
    const commit = new GroupCommit(w.write);
    const first = commit.submit(['a']);
    await turn();
    const second = [commit.submit(['b']), commit.submit(['c'])];
    await turn();
    expect(w.writes).toEqual([['a']]); // one write at a time
    w.finish[0]();
    await first;
    await turn();
    expect(w.writes).toEqual([['a'], ['b', 'c']]);
    w.finish[1]();
    await Promise.all(second);
  });

  it('after a failed group write, writes each part alone so only the bad one fails', async () => {
    const w = controlledWrite((items) => items.includes('bad'));
    const commit = new GroupCommit(w.write);
    const outcomes = [commit.submit(['a']), commit.submit(['bad', 'b']), commit.submit(['c'])].map(settled);
    await turn();
    w.finish[0]();
    for (let i = 1; i <= 3; i++) {
      while (w.finish.length <= i) await turn();
      w.finish[i]();
    }
    expect(await Promise.all(outcomes)).toEqual(['written', 'refused bad,b', 'written']);
    expect(w.writes).toEqual([['a', 'bad', 'b', 'c'], ['a'], ['bad', 'b'], ['c']]);
  });

  it('writes nothing for an empty part', async () => {
    const w = controlledWrite();
    await new GroupCommit(w.write).submit([]);
    await turn();
    expect(w.writes).toEqual([]);
  });
});
