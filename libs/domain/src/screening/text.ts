/** Blank strings count as "nothing stated": the schema stops empty strings, not whitespace. */
export function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim().length > 0;
}

/** Quotes free text in evidence, shortened so one long statement cannot flood a result. */
export function quote(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

export function ratio(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}
