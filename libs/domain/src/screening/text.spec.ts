import fc from 'fast-check';
import { quote } from './text';

/** quote() as it was before flat text skipped the rebuild: every run of whitespace collapsed to one space. */
function referenceQuote(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

describe('quote', () => {
  it('collapses whitespace and shortens long text', () => {
    expect(quote('  we  cut\tp99\n latency ', 80)).toBe('"we cut p99 latency"');
    expect(quote('abcdef', 4)).toBe('"abc…"');
  });

  it('gives what collapsing every run of whitespace gives, on generated text', () => {
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2028', 'we', 'p99'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.integer({ min: 2, max: 90 }), (parts, max) => {
        const text = parts.join('');
        expect(quote(text, max)).toBe(referenceQuote(text, max));
      }),
      { numRuns: 5000 },
    );
  });
});
