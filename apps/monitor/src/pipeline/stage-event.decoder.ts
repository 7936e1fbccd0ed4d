// The monitor's own decoder for the topics it reads. The contracts' parser
// checks a whole event against its contract: the sealed profile of a
// candidate-sourced event against its pattern, every rule of a screening, the
// amounts and reasons of an offer. The monitor reads five to six fields of
// each: those are checked here (ids of at most 128 characters, one of the
// vocabulary, RFC 3339 times), the rest is left to the services that read it,
// and only the fields read go on to the handlers. An event the monitor cannot
// read is dead-lettered as before (MALFORMED_JSON, INVALID_ENVELOPE,
// UNEXPECTED_TYPE, INVALID_PAYLOAD).
import { EVENT_TYPES, OFFER_DECISIONS, SCREENING_DECISIONS, TARGET_ROLES, jsonErrorMessage } from '@hiring/contracts';
import { DecodeFailure, type DecodeFn } from '@hiring/messaging';
import { isRFC3339 } from 'class-validator';

type Check = (value: unknown) => string | undefined;

/** The contract's bound on ids; their character set is the producers' business, the monitor only keys rows by them. */
const ID_MAX_LENGTH = 128;
const id: Check = (v) => (typeof v === 'string' && v.length >= 1 && v.length <= ID_MAX_LENGTH ? undefined : `must be a string of 1 to ${ID_MAX_LENGTH} characters`);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
const time: Check = (v) => (typeof v === 'string' && isRFC3339(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'must be an RFC 3339 time');

const candidateRef = { candidateId: id, agencyId: id, requisitionId: id, role: oneOf(TARGET_ROLES) };

/** Per event type the monitor reads: the payload fields it uses and their rules. */
const READ_FIELDS: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  [EVENT_TYPES.candidateSourced]: { ...candidateRef, sourcedAt: time },
  [EVENT_TYPES.candidateScreened]: { ...candidateRef, decision: oneOf(SCREENING_DECISIONS), screenedAt: time },
  [EVENT_TYPES.candidateScored]: { ...candidateRef, decision: oneOf(SCREENING_DECISIONS), scoredAt: time },
  [EVENT_TYPES.offerDecided]: { offerId: id, candidateId: id, role: oneOf(TARGET_ROLES), decision: oneOf(OFFER_DECISIONS), decidedAt: time },
  [EVENT_TYPES.candidateErased]: { candidateId: id, erasedAt: time },
};

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export const stageEventDecoder: DecodeFn = (message, ctx) => {
  const value = message.value;
  if (!value || value.length === 0) throw new DecodeFailure('MALFORMED_JSON', 'empty record value', [{ path: '', message: 'empty value' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    // never the parser's own message: it quotes the bytes, and they may be personal data
    const reason = jsonErrorMessage(error, value.length);
    throw new DecodeFailure('MALFORMED_JSON', reason, [{ path: '', message: reason }]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DecodeFailure('INVALID_ENVELOPE', 'envelope is not an object', [{ path: '', message: 'must be an object' }]);
  }
  const e = parsed as Record<string, unknown>;
  const envelopeErrors: Array<{ path: string; message: string }> = [];
  for (const f of ['id', 'source', 'type', 'subject']) if (!nonEmpty(e[f])) envelopeErrors.push({ path: f, message: 'must be a non-empty string' });
  if (e['specversion'] !== '1.0') envelopeErrors.push({ path: 'specversion', message: 'must be 1.0' });
  if (!e['data'] || typeof e['data'] !== 'object' || Array.isArray(e['data'])) envelopeErrors.push({ path: 'data', message: 'must be an object' });
  if (envelopeErrors.length > 0) throw new DecodeFailure('INVALID_ENVELOPE', envelopeErrors.map((x) => `${x.path}: ${x.message}`).join('; '), envelopeErrors);
  const type = e['type'] as string;
  const fields = READ_FIELDS[type];
  if (!fields || (ctx.expectedTypes && !ctx.expectedTypes.includes(type))) {
    throw new DecodeFailure('UNEXPECTED_TYPE', `type ${type} is not read here`, [{ path: 'type', message: `expected one of ${(ctx.expectedTypes ?? Object.keys(READ_FIELDS)).join(', ')}` }]);
  }
  const data = e['data'] as Record<string, unknown>;
  const read: Record<string, unknown> = {};
  const errors: Array<{ path: string; message: string }> = [];
  for (const [field, check] of Object.entries(fields)) {
    const problem = check(data[field]);
    if (problem) errors.push({ path: `data.${field}`, message: problem });
    else read[field] = data[field];
  }
  if (errors.length > 0) throw new DecodeFailure('INVALID_PAYLOAD', errors.map((x) => `${x.path}: ${x.message}`).join('; '), errors);
  return {
    id: e['id'] as string,
    type,
    source: e['source'] as string,
    subject: e['subject'] as string,
    time: typeof e['time'] === 'string' ? e['time'] : undefined,
    correlationId: typeof e['correlationid'] === 'string' ? e['correlationid'] : undefined,
    data: read,
    // the envelope without data: the event's personal data (the sealed profile) goes no further
    envelope: { ...e, data: undefined },
  };
};
