import { DecodeFailure } from './failure-policy';
import type { DecodedEvent, DecodeFn } from './types';

// Structural CloudEvents 1.0 (structured JSON mode) decoding: envelope only,
// no payload validation. Services use the contracts' parseEvent (see
// contractsDecoder); this one serves tools and tests with their own payloads.
export const cloudEventEnvelopeDecoder: DecodeFn = (message, ctx) => {
  if (!message.value) throw new DecodeFailure('MALFORMED_JSON', 'empty value', [{ path: '', message: 'empty value' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch {
    // Not the parser's message: it quotes the bytes, and a refused record may be personal data.
    throw new DecodeFailure('MALFORMED_JSON', `not valid JSON (${message.value.length} bytes)`, [{ path: '', message: 'not JSON' }]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DecodeFailure('INVALID_ENVELOPE', 'envelope is not an object', [{ path: '', message: 'must be an object' }]);
  }
  const e = parsed as Record<string, unknown>;
  const errors: { path: string; message: string }[] = [];
  for (const f of ['id', 'type', 'source', 'specversion']) {
    if (typeof e[f] !== 'string' || (e[f] as string).length === 0) errors.push({ path: f, message: 'must be a non-empty string' });
  }
  if (e['specversion'] !== undefined && e['specversion'] !== '1.0') errors.push({ path: 'specversion', message: 'must be 1.0' });
  if (errors.length > 0) throw new DecodeFailure('INVALID_ENVELOPE', errors.map((x) => `${x.path}: ${x.message}`).join('; '), errors);
  const type = e['type'] as string;
  if (ctx.expectedTypes && !ctx.expectedTypes.includes(type)) {
    throw new DecodeFailure('UNEXPECTED_TYPE', `type ${type} is not read here`, [{ path: 'type', message: `expected one of ${ctx.expectedTypes.join(', ')}` }]);
  }
  const decoded: DecodedEvent = {
    id: e['id'] as string,
    type,
    source: e['source'] as string,
    subject: typeof e['subject'] === 'string' ? e['subject'] : undefined,
    time: typeof e['time'] === 'string' ? e['time'] : undefined,
    correlationId: typeof e['correlationid'] === 'string' ? e['correlationid'] : undefined,
    data: e['data'],
    envelope: e,
  };
  return decoded;
};
