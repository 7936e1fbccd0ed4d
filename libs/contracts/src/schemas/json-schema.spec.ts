// The JSON Schemas are hand-written twins of the class-validator classes.
// These tests make drift fail: same properties, same required set, and for
// thousands of single-point mutations of the examples, the class and the
// schema say the same thing (both accept or both reject).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ClassConstructor } from 'class-transformer';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { ALL_EVENT_TYPES, EVENT_CATALOGUE, type EventType } from '../catalogue';
import { CloudEventEnvelope, parseEvent } from '../cloudevent';
import { checkContract } from '../compiled-contract';
import { EXAMPLE_EVENT_DATA } from '../examples/event-examples';
import { exampleEvent } from '../examples/example-events';
import { validatePlain } from '../validation';
import { ASYNCAPI_SCHEMAS, PAYLOAD_SCHEMA_FILES, bundleSchema, type JsonSchema } from './json-schema';

// class-transformer keeps @Type targets in a storage it does not export from its index.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformMetadataStorage };

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
}

const ajv = newAjv();
const payloadBundles = Object.fromEntries(
  ALL_EVENT_TYPES.map((type) => {
    const { schema, definitions } = bundleSchema(PAYLOAD_SCHEMA_FILES[type], '#/definitions/');
    return [type, { ...schema, definitions } as JsonSchema];
  }),
) as unknown as Record<EventType, JsonSchema>;
const payloadValidators = Object.fromEntries(ALL_EVENT_TYPES.map((type) => [type, ajv.compile(payloadBundles[type])])) as Record<
  EventType,
  ValidateFunction
>;
const envelopeValidators = Object.fromEntries(ALL_EVENT_TYPES.map((type) => [type, ajv.compile(ASYNCAPI_SCHEMAS[type])])) as Record<
  EventType,
  ValidateFunction
>;

// --- class shape, read from the decorators ---------------------------------

interface ClassShape {
  properties: string[];
  required: string[];
  nested: Record<string, ClassConstructor<object>>;
}

function classShape(cls: ClassConstructor<object>): ClassShape {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const properties = [...new Set(metadata.map((m) => m.propertyName))].sort();
  // Optional() is a ValidateIf that skips `undefined`; Nullable() is one that skips only null.
  const isOptional = (property: string): boolean =>
    metadata.some(
      (m) =>
        m.propertyName === property &&
        m.type === ValidationTypes.CONDITIONAL_VALIDATION &&
        (m.constraints[0] as (object: object, value: unknown) => boolean)({}, undefined) === false,
    );
  const nested: Record<string, ClassConstructor<object>> = {};
  for (const property of properties) {
    const type = defaultMetadataStorage.findTypeMetadata(cls, property);
    if (type) nested[property] = type.typeFunction() as ClassConstructor<object>;
  }
  return { properties, required: properties.filter((p) => !isOptional(p)).sort(), nested };
}

function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/definitions/', '');
  const target = (root['definitions'] as Record<string, JsonSchema>)[name];
  if (!target) throw new Error(`unresolved ${ref}`);
  return deref(target, root);
}

/** Walks class and schema together; returns every difference as a readable line. */
function shapeDrift(cls: ClassConstructor<object>, schemaNode: JsonSchema, root: JsonSchema, path: string): string[] {
  const schema = deref(schemaNode, root);
  const shape = classShape(cls);
  const properties = Object.keys((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {}).sort();
  const required = [...((schema['required'] as string[] | undefined) ?? [])].sort();
  const drift: string[] = [];
  if (schema['additionalProperties'] !== false) drift.push(`${path}: schema allows additional properties`);
  if (JSON.stringify(properties) !== JSON.stringify(shape.properties)) {
    drift.push(`${path}: properties schema=${properties.join(',')} class ${cls.name}=${shape.properties.join(',')}`);
  }
  if (JSON.stringify(required) !== JSON.stringify(shape.required)) {
    drift.push(`${path}: required schema=${required.join(',')} class ${cls.name}=${shape.required.join(',')}`);
  }
  for (const [property, nestedClass] of Object.entries(shape.nested)) {
    let child = deref((schema['properties'] as Record<string, JsonSchema>)[property] ?? {}, root);
    if (child['type'] === 'array') child = deref(child['items'] as JsonSchema, root);
    // A nullable nested object is `anyOf: [object, null]`: compare the object branch.
    const branches = child['anyOf'] as JsonSchema[] | undefined;
    if (branches) child = deref(branches.find((b) => b['type'] !== 'null') ?? {}, root);
    drift.push(...shapeDrift(nestedClass, child, root, `${path}.${property}`));
  }
  return drift;
}

// --- mutations --------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Mutation {
  label: string;
  value: unknown;
}

const STRING_LENGTHS = [0, 1, 128, 129, 200, 201, 2000, 2001];
const NUMBERS = [-1, 0, 0.5, 1, 5, 6, 60, 61, 100, 101, 1000, 1001, 1949, 1950, 2100, 2101, 100_000_000, 100_000_001];
const ARRAY_SIZES = [0, 2, 8, 9, 10, 11, 20, 21, 30, 31, 50, 51, 100, 101];
const DELETE = Symbol('delete');

function mutationsOf(value: Json): Mutation[] {
  const common: Mutation[] = [
    { label: 'null', value: null },
    { label: 'delete', value: DELETE },
  ];
  if (typeof value === 'string') {
    return [...common, { label: 'number', value: 12345 }, ...STRING_LENGTHS.map((n) => ({ label: `string(${n})`, value: 'x'.repeat(n) })), { label: 'spaces', value: 'not an id!' }];
  }
  if (typeof value === 'number') {
    return [...common, { label: 'numeric string', value: String(value) }, ...NUMBERS.map((n) => ({ label: `number(${n})`, value: n }))];
  }
  if (typeof value === 'boolean') return [...common, { label: 'string', value: String(value) }, { label: 'number', value: 1 }];
  if (Array.isArray(value)) {
    const first = value[0];
    return [
      ...common,
      { label: 'string', value: 'x' },
      { label: 'object', value: {} },
      { label: 'nested array', value: [value] },
      ...(first === undefined ? [] : ARRAY_SIZES.map((n) => ({ label: `size(${n})`, value: Array.from({ length: n }, () => first) }))),
    ];
  }
  if (value !== null && typeof value === 'object') {
    return [
      ...common,
      { label: 'string', value: 'x' },
      { label: 'array', value: [value] },
      { label: 'unknown property', value: { ...value, unexpected: 'x' } },
    ];
  }
  return [...common, { label: 'string', value: 'x' }];
}

/** Every (path, mutated document) pair: one change at one place. */
function* mutate(document: Json, skipInside: string[], path: (string | number)[] = []): Generator<{ path: string; label: string; document: Json }> {
  const node = get(document, path);
  for (const mutation of mutationsOf(node)) {
    if (path.length === 0 && (mutation.value === DELETE || mutation.label === 'array')) continue;
    yield { path: formatPath(path), label: mutation.label, document: set(document, path, mutation.value) };
  }
  if (skipInside.includes(formatPath(path))) return;
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) yield* mutate(document, skipInside, [...path, i]);
  else if (node !== null && typeof node === 'object') for (const key of Object.keys(node)) yield* mutate(document, skipInside, [...path, key]);
}

function get(document: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, document);
}

function set(document: Json, path: (string | number)[], value: unknown): Json {
  if (path.length === 0) return value as Json;
  const copy = structuredClone(document);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1] as string | number;
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    (parent as Record<string | number, unknown>)[key] = value;
  }
  return copy;
}

function formatPath(path: (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '(root)';
}

// --- tests ------------------------------------------------------------------

describe.each(ALL_EVENT_TYPES)('json-schema-parity %s', (type) => {
  const cls = EVENT_CATALOGUE[type].payload as ClassConstructor<object>;
  const example = EXAMPLE_EVENT_DATA[type] as unknown as Json;

  it('the example passes the class, the payload schema and the envelope schema', () => {
    expect(validatePlain(cls, example)).toMatchObject({ ok: true });
    expect(payloadValidators[type](example) ? [] : payloadValidators[type].errors).toEqual([]);
    const event = exampleEvent(type);
    expect(envelopeValidators[type](JSON.parse(JSON.stringify(event))) ? [] : envelopeValidators[type].errors).toEqual([]);
  });

  it('schema properties and required keys equal the class decorators, at every depth', () => {
    expect(shapeDrift(cls, payloadBundles[type], payloadBundles[type], 'data')).toEqual([]);
  });

  it('class and schema agree on every single-point mutation of the example', () => {
    const disagreements: string[] = [];
    let rejectedByBoth = 0;
    // The profile is one class and one schema definition: walked in depth once, for the submission.
    const skipInside = type === 'recruiting.candidate-sourced.v1' ? ['.profile'] : [];
    const envelope = JSON.parse(JSON.stringify(exampleEvent(type))) as Record<string, Json>;
    for (const { path, label, document } of mutate(example, skipInside)) {
      const byClass = validatePlain(cls, document).ok;
      const bySchema = payloadValidators[type](document);
      if (byClass !== bySchema) disagreements.push(`data${path} ${label}: class ${byClass ? 'accepts' : 'rejects'}, schema ${bySchema ? 'accepts' : 'rejects'}`);
      // The services' compiled check (the whole event at once) must say the same.
      const byCompiled = checkContract(type, { ...envelope, data: document }) === undefined;
      if (byClass !== byCompiled) disagreements.push(`data${path} ${label}: class ${byClass ? 'accepts' : 'rejects'}, compiled check ${byCompiled ? 'accepts' : 'rejects'}`);
      if (!byClass && !bySchema) rejectedByBoth++;
    }
    expect(disagreements).toEqual([]);
    // The mutations must bite: most of them are invalid.
    expect(rejectedByBoth).toBeGreaterThan(20);
  });

  it('class and schema agree on mutations of the envelope attributes', () => {
    const event = JSON.parse(JSON.stringify(exampleEvent(type))) as Record<string, Json>;
    const disagreements: string[] = [];
    for (const attribute of Object.keys(event).filter((a) => a !== 'data')) {
      for (const mutation of mutationsOf(event[attribute] as Json)) {
        // The subject must equal the id in data: a cross-field rule JSON Schema cannot state.
        if (attribute === 'subject' && typeof mutation.value === 'string') continue;
        const document = set(event, [attribute], mutation.value);
        const byClass = accepts(() => parseEvent(JSON.stringify(document)));
        const bySchema = envelopeValidators[type](document);
        if (byClass !== bySchema) disagreements.push(`${attribute} ${mutation.label}: parseEvent ${byClass}, schema ${bySchema}`);
        const byEnvelopeClass = validatePlain(CloudEventEnvelope, document).ok && EVENT_CATALOGUE[type].signed === ((document as Record<string, unknown>)['agencysig'] !== undefined);
        if (byClass !== byEnvelopeClass) disagreements.push(`${attribute} ${mutation.label}: parseEvent ${byClass}, envelope class ${byEnvelopeClass}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('json-schema-envelope', () => {
  it('the envelope schema declares exactly the attributes of the envelope class', () => {
    const shape = classShape(CloudEventEnvelope);
    for (const type of ALL_EVENT_TYPES) {
      const properties = Object.keys(ASYNCAPI_SCHEMAS[type]['properties'] as object);
      const signed = EVENT_CATALOGUE[type].signed;
      expect(properties.sort()).toEqual(shape.properties.filter((p) => signed || p !== 'agencysig').sort());
      const required = [...(ASYNCAPI_SCHEMAS[type]['required'] as string[])].sort();
      expect(required).toEqual([...shape.required, ...(signed ? ['agencysig'] : [])].sort());
    }
  });

  it('schemas compile under ajv strict mode as standalone documents', () => {
    for (const type of ALL_EVENT_TYPES) expect(() => newAjv().compile(ASYNCAPI_SCHEMAS[type])).not.toThrow();
  });
});

describe('json-schema-pii-guard', () => {
  const IDENTITY = ['name', 'email', 'phone'];

  it('the scored event has no name, email or phone anywhere, in the schema or the classes', () => {
    const scored = ASYNCAPI_SCHEMAS['recruiting.candidate-scored.v1'];
    expect(propertyNames(scored).filter((p) => IDENTITY.includes(p.toLowerCase()))).toEqual([]);
    expect(classPropertyNames(EVENT_CATALOGUE['recruiting.candidate-scored.v1'].payload as ClassConstructor<object>).filter((p) => IDENTITY.includes(p.toLowerCase()))).toEqual([]);
    expect(EVENT_CATALOGUE['recruiting.candidate-scored.v1'].containsPii).toBe(false);
  });

  it('the scored event carries no free text: its strings are ids and closed vocabularies', () => {
    const payload = payloadBundles['recruiting.candidate-scored.v1'];
    expect(stringMaxLengths(payload).filter((max) => max > 128)).toEqual([]);
    expect(propertyNames(payload)).not.toContain('profile');
  });

  it('only events marked containsPii carry an email or a phone', () => {
    for (const type of ALL_EVENT_TYPES) {
      const carries = propertyNames(ASYNCAPI_SCHEMAS[type]).some((p) => p === 'email' || p === 'phone');
      expect({ type, carries }).toEqual({ type, carries: EVENT_CATALOGUE[type].containsPii });
    }
  });
});

function accepts(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}

/** Every key of every `properties` object, anywhere in the schema (definitions included). */
function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === 'properties' && typeof value === 'object' && value !== null ? [...Object.keys(value), ...propertyNames(value)] : propertyNames(value),
  );
}

function classPropertyNames(cls: ClassConstructor<object>, seen = new Set<unknown>()): string[] {
  if (seen.has(cls)) return [];
  seen.add(cls);
  const shape = classShape(cls);
  return [...shape.properties, ...Object.values(shape.nested).flatMap((nested) => classPropertyNames(nested, seen))];
}

function stringMaxLengths(schema: unknown): number[] {
  if (Array.isArray(schema)) return schema.flatMap(stringMaxLengths);
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  // An enum or a format (date-time) bounds a string's shape; any other string must say how long it may be.
  const own = node['type'] === 'string' && node['enum'] === undefined && node['format'] === undefined ? [typeof node['maxLength'] === 'number' ? node['maxLength'] : Infinity] : [];
  return [...own, ...Object.values(node).flatMap(stringMaxLengths)];
}
