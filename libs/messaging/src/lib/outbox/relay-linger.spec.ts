import { checkLingerMs, lingerDelay } from './relay-linger';

describe('relay linger: when the next claim may start', () => {
  it('claims at once before anything was published, and with the linger off', () => {
    expect(lingerDelay(1_000, undefined, 20)).toBe(0);
    expect(lingerDelay(1_000, 995, 0)).toBe(0);
  });

  it('busy (a claim published rows less than lingerMs ago): waits until lingerMs after that claim started', () => {
    expect(lingerDelay(1_003, 1_000, 20)).toBe(17);
    expect(lingerDelay(1_000, 1_000, 20)).toBe(20);
    expect(lingerDelay(1_019.5, 1_000, 20)).toBeCloseTo(0.5);
  });

  it('idle (nothing published for lingerMs or longer): claims at once', () => {
    expect(lingerDelay(1_020, 1_000, 20)).toBe(0);
    expect(lingerDelay(60_000, 1_000, 20)).toBe(0);
  });

  it('refuses a linger that is not a non-negative integer', () => {
    expect(checkLingerMs(0)).toBe(0);
    expect(checkLingerMs(25)).toBe(25);
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => checkLingerMs(bad)).toThrow(/lingerMs/);
  });
});
