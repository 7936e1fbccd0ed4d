// The contract check every event goes through, in and out, on every hop:
// the CloudEvent of each type (envelope and payload together) checked by a
// validator compiled once from its JSON Schema. class-transformer +
// class-validator walking decorator metadata per nested object cost 30-50 %
// of each service's CPU (docs/performance.md); the compiled check costs a
// few percent.
//
// Same rules, not similar ones: the schemas are kept equal to the payload
// classes by the parity test (schemas/json-schema.spec.ts), and the few
// places where JSON Schema and class-validator could read a rule differently
// are checked here with class-validator's own functions: formats (RFC 3339,
// e-mail, https URL) and string lengths (validator.js counts a surrogate pair
// and a variation selector differently from JSON Schema). Patterns are
// compiled as plain RegExps, as `@Matches` runs them.
//
// The compiled check only decides. When it rejects, cloudevent.ts asks the
// classes why, so dead letters keep their per-field reasons word for word.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isEmail, isRFC3339, isURL, length } from 'class-validator';
import type { EventType } from './catalogue';
import { ASYNCAPI_SCHEMAS, type JsonSchema } from './schemas/json-schema';
import { joinPath, type FieldError } from './validation';

/** The options of `@IsUrl` on `SubmittedCandidatePayload.profileUrl`, the one `uri` of the contracts. */
export const PROFILE_URL_OPTIONS = { protocols: ['https'], require_protocol: true };

/** Format name in the schemas -> the class-validator check of the same field. */
export const CONTRACT_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'date-time': (value) => isRFC3339(value),
  email: (value) => isEmail(value),
  uri: (value) => isURL(value, PROFILE_URL_OPTIONS),
};

const TEXT_LENGTH = 'textLength';

function newContractAjv(): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: true, unicodeRegExp: false, formats: {} });
  for (const [name, validate] of Object.entries(CONTRACT_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addKeyword({
    keyword: TEXT_LENGTH,
    type: 'string',
    schemaType: 'object',
    // `@Length(min, max)` as class-validator runs it.
    validate: (bounds: { min: number; max: number }, value: string) => classLength(value, bounds.min, bounds.max),
    errors: false,
  });
  return ajv;
}

/** What validator.js does not count as one character each: surrogate halves and variation selectors. */
const NOT_PLAIN_LENGTH = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;

/**
 * class-validator's `length(value, min, max)`, answered from `value.length`
 * when no character of the string is one validator.js counts differently
 * (the usual case: one scan, no allocation; validator.js matches two
 * patterns into arrays for every string, a few percent of a service's CPU
 * on the profile's many strings). Otherwise class-validator decides.
 */
export function classLength(value: unknown, min: number, max: number): boolean {
  if (typeof value !== 'string') return false;
  if (NOT_PLAIN_LENGTH.test(value)) return length(value, min, max);
  return value.length >= min && value.length <= max;
}

/** `minLength` / `maxLength` of a string -> the `textLength` keyword, everywhere in the schema. */
export function withClassLengths(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withClassLengths);
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'minLength' || key === 'maxLength') continue;
    // No property of the contracts is called minLength or maxLength, so a key with that name is always the keyword.
    out[key] = withClassLengths(value);
  }
  if (record['minLength'] !== undefined || record['maxLength'] !== undefined) {
    out[TEXT_LENGTH] = { min: record['minLength'] ?? 0, max: record['maxLength'] ?? Number.MAX_SAFE_INTEGER };
  }
  return out;
}

let ajv: Ajv | undefined;
const compiled = new Map<EventType, ValidateFunction>();

/**
 * Compiles the checks of these types now. Services call it at boot with the
 * types they read and write, so the first event of each type does not pay
 * for the compile (up to a few hundred ms of CPU for the types holding the
 * whole profile). A type left out is compiled on first use.
 */
export function precompileContracts(types: readonly EventType[]): void {
  for (const type of types) validatorOf(type);
}

/** Compiled once per type (at boot by precompileContracts, or on first use), then kept. */
function validatorOf(type: EventType): ValidateFunction {
  let validate = compiled.get(type);
  if (!validate) {
    ajv ??= newContractAjv();
    validate = ajv.compile(withClassLengths(ASYNCAPI_SCHEMAS[type]) as JsonSchema);
    compiled.set(type, validate);
  }
  return validate;
}

/**
 * Checks a whole CloudEvent of `type` (attributes, `agencysig` presence,
 * `data`) against the contract. `undefined` when it passes; otherwise the
 * first problem found, as a field error (terse wording: callers ask the
 * classes for the reasons they report). The subject-equals-candidate-id rule
 * is not here: JSON Schema cannot state it (cloudevent.ts checks it).
 */
export function checkContract(type: EventType, event: unknown): FieldError | undefined {
  const validate = validatorOf(type);
  if (validate(event)) return undefined;
  return toFieldError(validate.errors?.[0]);
}

function toFieldError(error: ErrorObject | undefined): FieldError {
  if (!error) return { path: '', message: 'does not match the contract' };
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((parent, segment) => joinPath(parent, segment), '');
  const where = error.keyword === 'additionalProperties' ? joinPath(path, String((error.params as { additionalProperty: string }).additionalProperty)) : path;
  const message = error.keyword === 'additionalProperties' ? 'should not exist' : error.keyword === TEXT_LENGTH ? 'has a length outside its bounds' : (error.message ?? error.keyword);
  return { path: where, message };
}
