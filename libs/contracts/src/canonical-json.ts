// Canonical JSON for signatures: object keys sorted by UTF-16 code unit,
// no whitespace, strings and numbers as JSON.stringify writes them. For the
// values our payloads hold (strings, integers, booleans, null) this is
// RFC 8785 (JCS), and `jq -cS` produces the same bytes, so an agency can
// sign from a shell script.

export function canonicalJson(value: unknown): string {
  return serialise(value, '');
}

function serialise(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // JSON.stringify would write NaN as null: a signature over a silently changed value is worse than an error.
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path || 'value'} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => (item === undefined ? 'null' : serialise(item, `${path}[${i}]`))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${serialise(record[key], path ? `${path}.${key}` : key)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${path || 'value'} is a ${typeof value}, which JSON cannot carry`);
}
