import { inspectInput, MAX_JSON_DEPTH, textFault } from './input-inspection';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('input inspection (before validation)', () => {
  it('accepts nesting up to the limit and refuses one level more, without recursion even at 100,000 levels', () => {
    expect(inspectInput(nested(MAX_JSON_DEPTH)).tooDeep).toBe(false);
    expect(inspectInput(nested(MAX_JSON_DEPTH + 1)).tooDeep).toBe(true);
    expect(inspectInput(nested(100_000)).tooDeep).toBe(true);
  });

  it('names each field holding a NUL, a lone surrogate or a replacement character, keys included', () => {
    const result = inspectInput({
      externalId: 'ok',
      candidate: { name: 'Jane\u0000Doe', email: 'j@example.com' },
      profile: { summary: 'bad \ud800 half', systems: [{ name: 'was not utf-8: \ufffd' }], ['k\u0000']: 1 },
    });
    expect(result).toEqual({
      tooDeep: false,
      errors: [
        { path: 'candidate.name', message: 'must not contain the NUL character (U+0000)' },
        { path: 'profile', message: 'has a field name that must not contain the NUL character (U+0000)' },
        { path: 'profile.summary', message: 'must be valid UTF-8 text' },
        { path: 'profile.systems[0].name', message: 'must be valid UTF-8 text' },
      ],
    });
  });

  it('leaves ordinary text alone, including accents, emoji (surrogate pairs) and CJK', () => {
    expect(textFault('Zoë Ñúñez 😀 李')).toBeUndefined();
    expect(inspectInput({ a: ['x', 1, null, true, { b: 'é' }] })).toEqual({ tooDeep: false, errors: [] });
  });
});
