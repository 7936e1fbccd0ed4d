// CloudEvents 1.0 in structured mode: the whole event (attributes and data)
// is one JSON document, the Kafka record value; the record key is the
// subject. No ce_* headers: a consumer in any language needs only a JSON
// parser, and there is one copy of each attribute, so they cannot disagree.
import { randomUUID } from 'node:crypto';
import { Equals, IsObject, IsRFC3339, IsString, Length, Matches } from 'class-validator';
import { catalogueEntry, isEventType, type EventPayloads, type EventType } from './catalogue';
import { ContractViolation, ContractViolationCode } from './contract-violation.exception';
import { Optional } from './events/field-rules';
import { AGENCY_SIGNATURE_ATTRIBUTE, SIGNATURE_PATTERN, signSubmission } from './submission-signature';
import { prefixErrors, validatePlain, type FieldError } from './validation';

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const DATA_CONTENT_TYPE = 'application/json';

export interface CloudEvent<T> {
  specversion: '1.0';
  /** Unique per producer (`source`); consumers deduplicate on (source, id) in their inbox. */
  id: string;
  /** URI-reference of the producer, e.g. `/services/scoring` or `/agencies/<agencyId>`. */
  source: string;
  type: string;
  /** RFC 3339. */
  time: string;
  /** The candidate id (see `CatalogueEntry.subjectOf`); also the Kafka key. */
  subject: string;
  datacontenttype: 'application/json';
  data: T;
  /** Extension: the request or saga the event belongs to, carried into every log line. */
  correlationid?: string;
  /** Extension on agency submissions only: hex HMAC-SHA256 of canonical `data`. */
  agencysig?: string;
}

/** A CloudEvent whose `type` and `data` are tied together by the catalogue. */
export type TypedCloudEvent<K extends EventType> = CloudEvent<EventPayloads[K]> & { type: K };

/** The CloudEvents `source` of everything a pipeline service produces: `/services/<name>`. */
export function serviceSource(service: string): string {
  return `/services/${service}`;
}

export const ENVELOPE_LIMITS = { id: 200, source: 500, type: 200, subject: 400, correlationid: 200 } as const;
/** Catalogue types are `recruiting.<name>.v<major>`; anything else is rejected before the lookup. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*\.v[0-9]+$/;

/**
 * The envelope as validated on the way in. `data` is only checked to be an
 * object here; its payload class is chosen by `type`. Unknown attributes are
 * rejected like unknown payload fields: extensions are part of the contract.
 */
export class CloudEventEnvelope {
  @IsString() @Equals(CLOUDEVENTS_SPEC_VERSION) specversion!: '1.0';
  @IsString() @Length(1, ENVELOPE_LIMITS.id) id!: string;
  @IsString() @Length(1, ENVELOPE_LIMITS.source) source!: string;
  @IsString() @Length(1, ENVELOPE_LIMITS.type) @Matches(EVENT_TYPE_PATTERN) type!: string;
  @IsString() @IsRFC3339() time!: string;
  @IsString() @Length(1, ENVELOPE_LIMITS.subject) subject!: string;
  @IsString() @Equals(DATA_CONTENT_TYPE) datacontenttype!: 'application/json';
  @IsObject() data!: Record<string, unknown>;
  @Optional() @IsString() @Length(1, ENVELOPE_LIMITS.correlationid) correlationid?: string;
  @Optional() @IsString() @Matches(SIGNATURE_PATTERN) agencysig?: string;
}

export interface BuildEventOptions<T> {
  source: string;
  data: T;
  /** Defaults to the catalogue's subject for `data` (the candidate id); if given it must agree. */
  subject?: string;
  id?: string;
  /** Defaults to now; pass it in for deterministic output. */
  time?: string;
  correlationId?: string;
  /** Required for signed types (agency submissions), refused for the others. */
  signingSecret?: string;
}

/**
 * Builds an outgoing event and validates it exactly as a consumer will: a
 * producer must not publish what its consumers would dead-letter.
 * Throws `ContractViolation`.
 */
export function buildEvent<K extends EventType>(type: K, options: BuildEventOptions<EventPayloads[K]>): TypedCloudEvent<K> {
  if (!isEventType(type)) {
    throw new ContractViolation(ContractViolationCode.UNKNOWN_TYPE, [{ path: 'type', message: `unknown event type "${String(type)}"` }], { type });
  }
  const entry = catalogueEntry(type);
  const payload = validatePlain(entry.payload, options.data);
  if (!payload.ok) {
    throw new ContractViolation(ContractViolationCode.INVALID_PAYLOAD, prefixErrors('data', payload.errors), { type, id: options.id });
  }
  const subject = entry.subjectOf(options.data);
  const event: TypedCloudEvent<K> = {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: options.id ?? randomUUID(),
    source: options.source,
    type,
    time: options.time ?? new Date().toISOString(),
    subject: options.subject ?? subject,
    datacontenttype: DATA_CONTENT_TYPE,
    data: options.data,
    ...(options.correlationId === undefined ? {} : { correlationid: options.correlationId }),
  };
  if (entry.signed) {
    if (options.signingSecret === undefined) {
      throw envelopeViolation(event, [{ path: AGENCY_SIGNATURE_ATTRIBUTE, message: `${type} must be signed: pass signingSecret` }]);
    }
    event.agencysig = signSubmission(options.data, options.signingSecret);
  } else if (options.signingSecret !== undefined) {
    throw envelopeViolation(event, [{ path: AGENCY_SIGNATURE_ATTRIBUTE, message: `${type} is not signed: do not pass signingSecret` }]);
  }
  const envelope = validatePlain(CloudEventEnvelope, event);
  if (!envelope.ok) throw envelopeViolation(event, envelope.errors);
  const subjectErrors = checkSubject(event.subject, subject);
  if (subjectErrors.length > 0) throw envelopeViolation(event, subjectErrors);
  return event;
}

export interface ParseEventOptions<K extends EventType> {
  /** The types this consumer reads; any other known type is `UNEXPECTED_TYPE`. */
  expectedTypes?: readonly K[];
}

/** A parsed event, discriminated on `type`: `switch (parsed.type)` narrows `data`. */
export type ParsedEvent<K extends EventType = EventType> = {
  [T in K]: {
    type: T;
    /** The event as received (plain JSON). */
    event: TypedCloudEvent<T>;
    /** `data` as an instance of the payload class, validated. */
    data: EventPayloads[T];
  };
}[K];

/**
 * Parses and validates a Kafka record value (or any CloudEvent JSON) in the
 * order a reader would complain: bytes, envelope, type, payload.
 * Throws `ContractViolation`; never returns a half-valid event. It does not
 * verify `agencysig` (that needs the agency's secret): sourcing does, with
 * `verifySubmissionSignature`.
 */
export function parseEvent<K extends EventType = EventType>(bytes: Buffer | string, options: ParseEventOptions<K> = {}): ParsedEvent<K> {
  const json = decodeJson(bytes);
  const envelope = validatePlain(CloudEventEnvelope, json);
  if (!envelope.ok) throw new ContractViolation(ContractViolationCode.INVALID_ENVELOPE, envelope.errors, knownOf(json));
  const event = envelope.value;
  const type = event.type;
  if (!isEventType(type)) {
    throw new ContractViolation(ContractViolationCode.UNKNOWN_TYPE, [{ path: 'type', message: `unknown event type "${type}"` }], knownOf(event));
  }
  if (options.expectedTypes && !(options.expectedTypes as readonly string[]).includes(type)) {
    throw new ContractViolation(
      ContractViolationCode.UNEXPECTED_TYPE,
      [{ path: 'type', message: `"${type}" is not one of ${options.expectedTypes.join(', ')}` }],
      knownOf(event),
    );
  }
  const entry = catalogueEntry(type);
  const signatureErrors = checkSignaturePresence(entry.signed, type, event.agencysig);
  if (signatureErrors.length > 0) throw envelopeViolation(event, signatureErrors);
  const payload = validatePlain(entry.payload as new () => object, event.data);
  if (!payload.ok) throw new ContractViolation(ContractViolationCode.INVALID_PAYLOAD, prefixErrors('data', payload.errors), knownOf(event));
  const subjectErrors = checkSubject(event.subject, entry.subjectOf(payload.value as never));
  if (subjectErrors.length > 0) throw envelopeViolation(event, subjectErrors);
  // The received JSON, not the envelope instance: it is fully validated by now and is what was signed and keyed.
  return { type, event: json, data: payload.value } as unknown as ParsedEvent<K>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeJson(bytes: Buffer | string): unknown {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : utf8.decode(bytes);
  } catch {
    throw new ContractViolation(ContractViolationCode.MALFORMED_JSON, [{ path: '', message: 'value is not valid UTF-8' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ContractViolation(ContractViolationCode.MALFORMED_JSON, [{ path: '', message: (error as Error).message }]);
  }
}

function checkSignaturePresence(signed: boolean, type: string, signature: string | undefined): FieldError[] {
  if (signed && signature === undefined) return [{ path: AGENCY_SIGNATURE_ATTRIBUTE, message: `${type} must carry an agency signature` }];
  if (!signed && signature !== undefined) return [{ path: AGENCY_SIGNATURE_ATTRIBUTE, message: `${type} is not a signed event type` }];
  return [];
}

/** A subject that is not the candidate id would put the event on another partition, out of order. */
function checkSubject(actual: string, expected: string): FieldError[] {
  return actual === expected ? [] : [{ path: 'subject', message: `subject must be "${expected}" (derived from data), got "${actual}"` }];
}

function envelopeViolation(event: { type?: unknown; id?: unknown }, errors: FieldError[]): ContractViolation {
  return new ContractViolation(ContractViolationCode.INVALID_ENVELOPE, errors, knownOf(event));
}

/** The type and id of a rejected record, when they are strings: enough to find it again. */
function knownOf(value: unknown): { type?: string; id?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const { type, id } = value as { type?: unknown; id?: unknown };
  return { ...(typeof type === 'string' ? { type } : {}), ...(typeof id === 'string' ? { id } : {}) };
}
