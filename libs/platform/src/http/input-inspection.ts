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

/** Why a string cannot be stored as text, or undefined when it can. */
export function textFault(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  // A lone surrogate (`\ud800` in JSON) has no UTF-8 form; U+FFFD marks bytes that were not UTF-8 on the wire.
  if (LONE_SURROGATE.test(text) || text.includes(REPLACEMENT)) return 'must be valid UTF-8 text';
  return undefined;
}

function childPath(parent: string, key: string, inArray: boolean): string {
  if (inArray) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Walks a parsed JSON value without recursion: reports nesting beyond
 * `maxDepth` and every string (value or key) that is not storable text, with
 * its dotted path (`candidate.name`, `profile.systems[0].name`).
 */
export function inspectInput(value: unknown, maxDepth = MAX_JSON_DEPTH, root = ''): InputInspection {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const fault = textFault(item.value);
      if (fault) errors.push({ path: item.path || '(root)', message: fault });
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) return { tooDeep: true, errors: [] };
    const inArray = Array.isArray(item.value);
    for (const [key, child] of Object.entries(item.value)) {
      const path = childPath(item.path, key, inArray);
      const keyFault = inArray ? undefined : textFault(key);
      if (keyFault) errors.push({ path: item.path || '(root)', message: `has a field name that ${keyFault}` });
      stack.push({ value: child, path, depth });
    }
  }
  errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tooDeep: false, errors };
}
