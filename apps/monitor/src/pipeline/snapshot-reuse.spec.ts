import { SnapshotReuse } from './snapshot-reuse';

/** A computation the test finishes by hand, at a clock time it chooses. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SnapshotReuse', () => {
  let clock: number;
  let computations: number;
  let reuse: SnapshotReuse<string>;
  const settle = () => new Promise((r) => setImmediate(r));

  beforeEach(() => {
    clock = 0;
    computations = 0;
    reuse = new SnapshotReuse(() => clock, { minReuseMs: 1000, costFactor: 4, maxReuseMs: 30_000 });
  });

  const counting = (value: string) => () => {
    computations += 1;
    return Promise.resolve(value);
  };

  it('shares a computation in flight, however long it runs', async () => {
    const slow = deferred<string>();
    const first = reuse.get('all', () => {
      computations += 1;
      return slow.promise;
    });
    clock = 5000; // a stream tick long after the first second
    const second = reuse.get('all', counting('second'));
    expect(computations).toBe(1);
    slow.resolve('first');
    await expect(second).resolves.toBe('first');
    await expect(first).resolves.toBe('first');
  });

  it('keeps a quick snapshot for the minimum, then computes again', async () => {
    await reuse.get('all', counting('a'));
    clock = 999;
    await expect(reuse.get('all', counting('b'))).resolves.toBe('a');
    clock = 1000;
    await expect(reuse.get('all', counting('c'))).resolves.toBe('c');
    expect(computations).toBe(2);
  });

  it('keeps a slow snapshot for costFactor times its duration after it finished', async () => {
    const slow = deferred<string>();
    const first = reuse.get('all', () => slow.promise);
    clock = 2000; // took 2 s: served until 2000 + 4 × 2000
    slow.resolve('slow');
    await first;
    await settle();
    clock = 9999;
    await expect(reuse.get('all', counting('again'))).resolves.toBe('slow');
    clock = 10_000;
    await expect(reuse.get('all', counting('fresh'))).resolves.toBe('fresh');
  });

  it('keeps a very slow snapshot no longer than the maximum', async () => {
    const slow = deferred<string>();
    const first = reuse.get('all', () => slow.promise);
    clock = 10_000; // 4 × 10 s would be 40 s
    slow.resolve('slow');
    await first;
    await settle();
    clock = 39_999;
    await expect(reuse.get('all', counting('again'))).resolves.toBe('slow');
    clock = 40_000;
    await expect(reuse.get('all', counting('fresh'))).resolves.toBe('fresh');
  });

  it('keeps filters apart', async () => {
    await reuse.get('all', counting('all'));
    await expect(reuse.get('agency-7', counting('agency'))).resolves.toBe('agency');
    expect(computations).toBe(2);
  });

  it('does not keep a failed computation: the next request tries again', async () => {
    const failing = deferred<string>();
    const first = reuse.get('all', () => failing.promise);
    failing.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await settle();
    await expect(reuse.get('all', counting('recovered'))).resolves.toBe('recovered');
  });

  it('forgets snapshots past their time, so old filters do not pile up', async () => {
    await reuse.get('agency-1', counting('1'));
    await reuse.get('agency-2', counting('2'));
    await settle();
    clock = 1000;
    await reuse.get('all', counting('all'));
    expect(reuse.size).toBe(1);
  });
});
