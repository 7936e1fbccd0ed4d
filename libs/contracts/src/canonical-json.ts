// Canonical JSON for signatures: object keys sorted by UTF-16 code unit,
// no whitespace, strings and numbers as JSON.stringify writes them. For the
// values our payloads hold (strings, integers, booleans, null) this is
// RFC 8785 (JCS), and `jq -cS` produces the same bytes, so an agency can
// sign from a shell script.

export function canonicalJson(value: unknown): string {
  // The usual value (plain JSON) as a copy with its keys in order, written by
  // JSON.stringify in one native pass: about twice as fast as joining the
  // pieces here. Anything the copy cannot stand for goes the long way, which
  // also names what is wrong.
  const sorted = sortedCopy(value);
  return sorted === UNSORTABLE ? serialise(value, []) : JSON.stringify(sorted);
}

const UNSORTABLE = Symbol('unsortable');
/** A key JSON.stringify would not write where it was inserted (array-index keys come first) or that a plain object cannot own. */
const SPECIAL_KEY = /^(?:0|[1-9][0-9]*|__proto__)$/;

/**
 * `value` with every object's keys inserted in sorted order and undefined
 * members dropped, or UNSORTABLE for what canonical JSON refuses (a
 * non-finite number, a function, a symbol, a bigint) or a key that would not
 * keep its place.
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNSORTABLE;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) {
        out[i] = null;
        continue;
      }
      const copy = sortedCopy(item);
      if (copy === UNSORTABLE) return UNSORTABLE;
      out[i] = copy;
    }
    return out;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      if (SPECIAL_KEY.test(key)) return UNSORTABLE;
      const copy = sortedCopy(member);
      if (copy === UNSORTABLE) return UNSORTABLE;
      out[key] = copy;
    }
    return out;
  }
  return UNSORTABLE;
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
