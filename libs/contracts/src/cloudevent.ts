// CloudEvents 1.0 in structured mode: the whole event (attributes and data)
// is one JSON document, the Kafka record value; the record key is the
// subject. No ce_* headers: a consumer in any language needs only a JSON
// parser, and there is one copy of each attribute, so they cannot disagree.
import { Equals, IsObject, IsRFC3339, IsString, Length, Matches } from 'class-validator';
import { catalogueEntry, isEventType, type EventPayloads, type EventType } from './catalogue';
import { checkContract } from './compiled-contract';
import { ContractViolation, ContractViolationCode } from './contract-violation.exception';
import { CLOUDEVENTS_SPEC_VERSION, DATA_CONTENT_TYPE, ENVELOPE_LIMITS, EVENT_TYPE_PATTERN } from './envelope-rules';
import { Optional } from './events/field-rules';
import { newId } from './ids';
import { AGENCY_SIGNATURE_ATTRIBUTE, SIGNATURE_PATTERN, signSubmission } from './submission-signature';
import { prefixErrors, validatePlain, type FieldError } from './validation';

export { CLOUDEVENTS_SPEC_VERSION, DATA_CONTENT_TYPE, ENVELOPE_LIMITS, EVENT_TYPE_PATTERN } from './envelope-rules';

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
  // One compiled check of the whole event; only a rejected one is checked again, by the classes, for its reasons.
  const data: unknown = options.data;
  if (typeof data === 'object' && data !== null && entry.signed === (options.signingSecret !== undefined)) {
    const subject = entry.subjectOf(options.data);
    const event = assemble(type, options, subject);
    const signed = entry.signed ? signQuietly(event, options.signingSecret as string) : event;
    if (signed && checkContract(type, signed) === undefined && signed.subject === subject) return signed;
  }
  return buildEventExplained(type, options);
}

function assemble<K extends EventType>(type: K, options: BuildEventOptions<EventPayloads[K]>, subject: string): TypedCloudEvent<K> {
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: options.id ?? newId(),
    source: options.source,
    type,
    time: options.time ?? new Date().toISOString(),
    subject: options.subject ?? subject,
    datacontenttype: DATA_CONTENT_TYPE,
    data: options.data,
    ...(options.correlationId === undefined ? {} : { correlationid: options.correlationId }),
  };
}

/** Signing data that is not JSON throws; such an event is explained by the payload check instead. */
function signQuietly<K extends EventType>(event: TypedCloudEvent<K>, secret: string): TypedCloudEvent<K> | undefined {
  try {
    return { ...event, agencysig: signSubmission(event.data, secret) };
  } catch {
    return undefined;
  }
}

/**
 * The event the compiled check refused, checked step by step with the
 * classes so the violation names every field and says why, as a consumer's
 * dead letter would. If the classes find nothing, the compiled check's own
 * finding is the reason: an event must pass both.
 */
function buildEventExplained<K extends EventType>(type: K, options: BuildEventOptions<EventPayloads[K]>): never {
  const entry = catalogueEntry(type);
  const payload = validatePlain(entry.payload, options.data);
  if (!payload.ok) {
    throw new ContractViolation(ContractViolationCode.INVALID_PAYLOAD, prefixErrors('data', payload.errors), { type, id: options.id });
  }
  const subject = entry.subjectOf(options.data);
  const event = assemble(type, options, subject);
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
  throw compiledViolation(event, checkContract(type, event));
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
    /** `data`, validated against its payload contract (plain JSON, as received). */
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
  // The usual case, a valid event: one compiled check of envelope and payload together.
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  if (isEventType(type) && (!options.expectedTypes || (options.expectedTypes as readonly string[]).includes(type))) {
    const event = json as TypedCloudEvent<typeof type>;
    if (checkContract(type, event) === undefined && event.subject === catalogueEntry(type).subjectOf(event.data as never)) {
      // The received JSON: fully validated, and what was signed and keyed.
      return { type, event, data: event.data } as unknown as ParsedEvent<K>;
    }
  }
  return parseEventExplained(json, options);
}

/**
 * A record the compiled check refused, checked step by step with the
 * classes, so its dead letter names every offending field and says why. If
 * the classes find nothing, the compiled check's own finding is the reason:
 * an event must pass both.
 */
function parseEventExplained<K extends EventType>(json: unknown, options: ParseEventOptions<K> = {}): never {
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
  throw compiledViolation(json, checkContract(type, json));
}

/** A finding of the compiled check alone; `data.*` paths are the payload's, the rest the envelope's. */
function compiledViolation(event: unknown, error: FieldError | undefined): ContractViolation {
  const found = error ?? { path: '', message: 'does not match the contract' };
  const code = found.path === 'data' || found.path.startsWith('data.') || found.path.startsWith('data[') ? ContractViolationCode.INVALID_PAYLOAD : ContractViolationCode.INVALID_ENVELOPE;
  return new ContractViolation(code, [found], knownOf(event));
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
    throw new ContractViolation(ContractViolationCode.MALFORMED_JSON, [{ path: '', message: jsonErrorMessage(error, text.length) }]);
  }
}

/**
 * Where and what kind of JSON error, never the text itself: the parser's own
 * message quotes the input, and a record that fails here may be a person's
 * submission (the reason travels in dead-letter headers and logs).
 */
export function jsonErrorMessage(error: unknown, length: number): string {
  const message = error instanceof Error ? error.message : '';
  if (length === 0) return 'not valid JSON: empty';
  if (/unexpected end/i.test(message)) return `not valid JSON: ends early (after ${length} characters)`;
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? 'not valid JSON: unexpected character' : `not valid JSON: unexpected character at position ${position} of ${length}`;
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
