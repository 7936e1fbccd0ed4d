// The JSON Schemas of the events, for readers that are not TypeScript: the
// AsyncAPI document, agencies' producers, e2e tests reading records with kcat.
// Payload schemas are hand-written files (schemas/*.schema.json) that share
// common.schema.json; here they are bundled into self-contained documents
// and wrapped in the CloudEvents envelope. The parity test
// (json-schema.spec.ts) keeps them equal to the class-validator classes.
import { catalogueEntry, ALL_EVENT_TYPES, type EventType } from '../catalogue';
import { CLOUDEVENTS_SPEC_VERSION, DATA_CONTENT_TYPE, ENVELOPE_LIMITS, EVENT_TYPE_PATTERN } from '../envelope-rules';
import { AGENCY_SIGNATURE_ATTRIBUTE, SIGNATURE_PATTERN } from '../submission-signature';
import common from './common.schema.json';
import candidateErased from './candidate-erased.schema.json';
import candidateScored from './candidate-scored.schema.json';
import candidateScreened from './candidate-screened.schema.json';
import candidateSourced from './candidate-sourced.schema.json';
import offerDecided from './offer-decided.schema.json';
import offerGuidance from './offer-guidance.schema.json';
import interviewFeedback from './interview-feedback.schema.json';
import submission from './submission.schema.json';

export type JsonSchema = { [keyword: string]: unknown };

const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';
const COMMON_REF = 'common.schema.json#/definitions/';
const LOCAL_REF = '#/definitions/';
const COMMON_DEFINITIONS = common.definitions as Record<string, JsonSchema>;

/** The hand-written payload (`data`) schema of each event type, as committed. */
export const PAYLOAD_SCHEMA_FILES: { readonly [K in EventType]: JsonSchema } = {
  'recruiting.submission.v1': submission,
  'recruiting.candidate-sourced.v1': candidateSourced,
  'recruiting.candidate-screened.v1': candidateScreened,
  'recruiting.candidate-scored.v1': candidateScored,
  'recruiting.offer-guidance.v1': offerGuidance,
  'recruiting.offer-decided.v1': offerDecided,
  'recruiting.candidate-erased.v1': candidateErased,
  'recruiting.interview-feedback.v1': interviewFeedback,
};

export interface BundledSchema {
  /** The schema with every shared `$ref` rewritten to `<refPrefix><name>`. */
  schema: JsonSchema;
  /** The shared definitions it reaches, also rewritten, by name. */
  definitions: Record<string, JsonSchema>;
}

/**
 * Rewrites references into common.schema.json to `refPrefix` (`#/definitions/`
 * for a standalone schema, `#/components/schemas/` inside AsyncAPI) and
 * collects the definitions they reach, transitively.
 */
export function bundleSchema(schema: JsonSchema, refPrefix: string): BundledSchema {
  const reached = new Set<string>();
  const pending: string[] = [];
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key !== '$ref' || typeof value !== 'string') return [key, rewrite(value)];
        const name = sharedName(value);
        if (!reached.has(name)) {
          reached.add(name);
          pending.push(name);
        }
        return [key, `${refPrefix}${name}`];
      }),
    );
  };
  const root = rewrite(schema) as JsonSchema;
  const definitions: Record<string, JsonSchema> = {};
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    definitions[name] = rewrite(COMMON_DEFINITIONS[name]) as JsonSchema;
  }
  return { schema: root, definitions: sortKeys(definitions) };
}

function sharedName(ref: string): string {
  const name = ref.startsWith(COMMON_REF) ? ref.slice(COMMON_REF.length) : ref.startsWith(LOCAL_REF) ? ref.slice(LOCAL_REF.length) : undefined;
  if (name === undefined || !(name in COMMON_DEFINITIONS)) throw new Error(`schema $ref "${ref}" does not name a definition of common.schema.json`);
  return name;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** The CloudEvents envelope of one event type; `dataRef` points at its payload schema. */
export function envelopeSchema(type: EventType, dataRef: string): JsonSchema {
  const signed = catalogueEntry(type).signed;
  const required = ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data'];
  const text = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max });
  return {
    title: `CloudEvent ${type}`,
    description: `CloudEvents 1.0, structured mode. ${catalogueEntry(type).description}`,
    type: 'object',
    additionalProperties: false,
    required: signed ? [...required, AGENCY_SIGNATURE_ATTRIBUTE] : required,
    properties: {
      specversion: { type: 'string', const: CLOUDEVENTS_SPEC_VERSION },
      id: { ...text(ENVELOPE_LIMITS.id), description: 'Unique per source; consumers deduplicate on (source, id).' },
      source: { ...text(ENVELOPE_LIMITS.source), description: 'URI-reference of the producer, e.g. /services/scoring or /agencies/<agencyId>.' },
      type: { type: 'string', const: type, pattern: EVENT_TYPE_PATTERN.source, maxLength: ENVELOPE_LIMITS.type },
      time: { type: 'string', format: 'date-time' },
      subject: {
        ...text(ENVELOPE_LIMITS.subject),
        description: signed ? '<agencyId>/<externalId>; also the Kafka key.' : 'The candidate id; also the Kafka key.',
      },
      datacontenttype: { type: 'string', const: DATA_CONTENT_TYPE },
      data: { $ref: dataRef },
      correlationid: { ...text(ENVELOPE_LIMITS.correlationid), description: 'Extension: the request or saga this event belongs to.' },
      ...(signed
        ? {
            [AGENCY_SIGNATURE_ATTRIBUTE]: {
              type: 'string',
              pattern: SIGNATURE_PATTERN.source,
              description: "Extension: lowercase hex HMAC-SHA256 of the canonical JSON of data (keys sorted, no whitespace) with the agency's signing secret.",
            },
          }
        : {}),
    },
  };
}

/** Name of a payload schema in a bundle: its title (`CandidateScoredEvent`). */
export function payloadSchemaName(type: EventType): string {
  return String(PAYLOAD_SCHEMA_FILES[type]['title']);
}

function standaloneEnvelope(type: EventType): JsonSchema {
  const name = payloadSchemaName(type);
  const { schema: payload, definitions } = bundleSchema(PAYLOAD_SCHEMA_FILES[type], LOCAL_REF);
  const { $schema: _draft, $id: _id, ...payloadBody } = payload;
  return {
    $schema: JSON_SCHEMA_DRAFT,
    $id: `https://schemas.hiring.local/contracts/${type}.envelope.schema.json`,
    ...envelopeSchema(type, `${LOCAL_REF}${name}`),
    definitions: sortKeys({ ...definitions, [name]: payloadBody }),
  };
}

/**
 * Self-contained JSON Schema (draft-07) of the whole CloudEvent of each type,
 * e.g. to check a record read with kcat: `ajv.compile(ASYNCAPI_SCHEMAS[type])`
 * (with ajv-formats for `date-time`, `email`, `uri`).
 */
export const ASYNCAPI_SCHEMAS: { readonly [K in EventType]: JsonSchema } = Object.fromEntries(
  ALL_EVENT_TYPES.map((type) => [type, standaloneEnvelope(type)]),
) as { [K in EventType]: JsonSchema };
