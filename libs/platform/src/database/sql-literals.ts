// Values written into simple-protocol SQL, for the few statements that ride in
// one round trip with `BEGIN` (inTransactionOpenedWith): the simple protocol
// has no bind parameters, so each value is quoted here, never concatenated raw.
import { escapeLiteral } from 'pg';

/**
 * A text[] as an SQL literal: `'{"a","b"}'::text[]`. Every element is quoted
 * in the array syntax (so `NULL`, braces, commas and spaces stay text), `"`
 * and `\` inside it are backslash-escaped, and the whole goes through pg's
 * escapeLiteral (doubles `'`, and with backslashes uses `E'…'`). A NUL cannot
 * be in Postgres text and would end the query string early: refused.
 */
export function textArrayLiteral(values: readonly string[]): string {
  const elements = values.map((v) => {
    if (v.includes('\u0000')) throw new Error('a text value holds NUL (U+0000), which Postgres text cannot store');
    return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `${escapeLiteral(`{${elements.join(',')}}`)}::text[]`;
}
