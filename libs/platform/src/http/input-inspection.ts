// Checks on untrusted JSON that must run before class-transformer and
// class-validator see it: both recurse, so a body nested thousands deep
// overflows the stack (a 500), and Postgres refuses NUL in text and jsonb (a
// 500 again, or a whole bulk request lost for one bad item). The walk here is
// iterative, so depth costs nothing but a counter.
import type { FieldError } from './problem-details.filter';

/** Deepest nesting of objects and arrays a request body may have (the root object is level 1). */
export const MAX_JSON_DEPTH = 32;

export interface InputInspection {
  /** True when the value nests deeper than the limit; field errors are then not collected. */
  tooDeep: boolean;
  errors: FieldError[];
}

const NUL = '\u0000';
/** What a decoder writes in place of bytes that are not UTF-8. */
const REPLACEMENT = '\uFFFD';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every fault below needs one of these: most strings are cleared by this one scan. */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters looked for
const SUSPECT = /[\u0000\uD800-\uDFFF\uFFFD]/;

/** Why a string cannot be stored as text, or undefined when it can. */
export function textFault(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  // A lone surrogate (`\ud800` in JSON) has no UTF-8 form; U+FFFD marks bytes that were not UTF-8 on the wire.
  if (LONE_SURROGATE.test(text) || text.includes(REPLACEMENT)) return 'must be valid UTF-8 text';
  return undefined;
}

function childPath(parent: string, key: string | number, inArray: boolean): string {
  if (inArray) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : String(key);
}

/** A value on the walk's stack. Its path is built only for a finding: a valid body (the usual case) builds none. */
interface Visit {
  value: unknown;
  parent: Visit | undefined;
  key: string | number;
  inArray: boolean;
  depth: number;
}

function pathOf(visit: Visit, root: string): string {
  return visit.parent === undefined ? root : childPath(pathOf(visit.parent, root), visit.key, visit.inArray);
}

/**
 * Walks a parsed JSON value without recursion: reports nesting beyond
 * `maxDepth` and every string (value or key) that is not storable text, with
 * its dotted path (`candidate.name`, `profile.systems[0].name`).
 */
export function inspectInput(value: unknown, maxDepth = MAX_JSON_DEPTH, root = ''): InputInspection {
  const errors: FieldError[] = [];
  const stack: Visit[] = [{ value, parent: undefined, key: '', inArray: false, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const current = item.value;
    if (typeof current === 'string') {
      const fault = textFault(current);
      if (fault) errors.push({ path: pathOf(item, root) || '(root)', message: fault });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) return { tooDeep: true, errors: [] };
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], parent: item, key: i, inArray: true, depth });
      continue;
    }
    for (const key of Object.keys(current)) {
      const keyFault = textFault(key);
      if (keyFault) errors.push({ path: pathOf(item, root) || '(root)', message: `has a field name that ${keyFault}` });
      stack.push({ value: (current as Record<string, unknown>)[key], parent: item, key, inArray: false, depth });
    }
  }
  errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tooDeep: false, errors };
}
