/** Blank strings count as "nothing stated": the schema stops empty strings, not whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim().length > 0;
}

/** Whitespace that collapsing would change: any but a plain space, or two in a row. */
const NOT_FLAT = /[^\S ]| {2}/;

/** Quotes free text in evidence, shortened so one long statement cannot flood a result. */
export function quote(value: string, max = 80): string {
  // Most statements are already flat (single spaces, no tabs or newlines): they are not rebuilt.
  const flat = (NOT_FLAT.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

export function ratio(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}
