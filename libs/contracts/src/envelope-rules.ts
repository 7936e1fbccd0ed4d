// The CloudEvents envelope's fixed values and bounds, shared by the envelope
// class (cloudevent.ts) and its JSON Schema (schemas/json-schema.ts); a
// module of their own so the compiled contract check can use the schemas
// without an import cycle through cloudevent.ts.
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const DATA_CONTENT_TYPE = 'application/json';

export const ENVELOPE_LIMITS = { id: 200, source: 500, type: 200, subject: 400, correlationid: 200 } as const;
/** Catalogue types are `recruiting.<name>.v<major>`; anything else is rejected before the lookup. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*\.v[0-9]+$/;
