// Canonical JSON for signatures: object keys sorted by UTF-16 code unit,
// no whitespace, strings and numbers as JSON.stringify writes them. For the
// values our payloads hold (strings, integers, booleans, null) this is
// RFC 8785 (JCS), and `jq -cS` produces the same bytes, so an agency can
// sign from a shell script.

export function canonicalJson(value: unknown): string {
  return serialise(value, []);
}

/**
 * `path` is the keys and indexes leading to `value`, pushed and popped as the
 * walk goes: it is only read for an error message, so a valid document (every
 * signature and hash) builds no path strings.
 */
function serialise(value: unknown, path: Array<string | number>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // JSON.stringify would write NaN as null: a signature over a silently changed value is worse than an error.
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${pathText(path)} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      path.push(i);
      out += (i > 0 ? ',' : '') + (item === undefined ? 'null' : serialise(item, path));
      path.pop();
    }
    return out + ']';
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      path.push(key);
      out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + serialise(member, path);
      path.pop();
    }
    return out + '}';
  }
  throw new TypeError(`canonicalJson: ${pathText(path)} is a ${typeof value}, which JSON cannot carry`);
}

/** `a.b[2].c`, or `value` for the document itself: as the messages always read. */
function pathText(path: ReadonlyArray<string | number>): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  return text || 'value';
}
