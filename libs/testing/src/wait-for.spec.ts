import { uniqueName } from './unique-name';
import { waitFor, WaitForTimeoutError } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy value of the condition', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? { calls } : undefined), {
      description: 'third call',
      intervalMs: 1,
    });
    expect(value).toEqual({ calls: 3 });
  });

  it('treats a throwing condition as not yet and reports its error on timeout', async () => {
    const failing = waitFor(
      () => {
        throw new Error('broker not ready');
      },
      { description: 'broker answers', timeoutMs: 50, intervalMs: 5 },
    );
    await expect(failing).rejects.toThrow(WaitForTimeoutError);
    await expect(failing).rejects.toThrow(/broker answers.*broker not ready/);
  });

  it('does not let a hanging attempt outlive the deadline', async () => {
    const started = Date.now();
    await expect(
      waitFor(() => new Promise<boolean>(() => undefined), { description: 'never settles', timeoutMs: 50 }),
    ).rejects.toThrow(/never settles/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('uniqueName', () => {
  it('is a valid Kafka topic and unquoted Postgres identifier, and never repeats', () => {
    const names = Array.from({ length: 200 }, () => uniqueName('Broker Test.v1-x'));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
      expect(name.startsWith('broker_test_v1_x_')).toBe(true);
    }
  });

  it('keeps long prefixes within the 63-character identifier limit', () => {
    expect(uniqueName('x'.repeat(100)).length).toBeLessThanOrEqual(63);
    expect(uniqueName('42')).toMatch(/^t_42_/);
  });
});
