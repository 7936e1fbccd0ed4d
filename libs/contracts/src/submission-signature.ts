// How the Kafka path authenticates an agency: the HTTP path has an API key,
// a Kafka record has only what is inside it. Each agency holds a signing
// secret; it puts `agencysig` = hex HMAC-SHA256(secret, canonicalJson(data))
// in the CloudEvents envelope. Signing the canonical form (not the bytes on
// the wire) lets any JSON library re-serialise the event without breaking it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** CloudEvents extension attribute carrying the signature (lowercase alphanumeric, as the spec requires). */
export const AGENCY_SIGNATURE_ATTRIBUTE = 'agencysig';
export const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;

export function signSubmission(data: unknown, secret: string): string {
  if (secret.length === 0) throw new TypeError('signSubmission: the signing secret is empty');
  return createHmac('sha256', secret).update(canonicalJson(data), 'utf8').digest('hex');
}

/** Constant-time; false (never a throw) for a malformed signature, so callers have one failure path. */
export function verifySubmissionSignature(data: unknown, signature: string, secret: string): boolean {
  return verifyCanonicalSignature(canonicalJson(data), signature, secret);
}

/** verifySubmissionSignature over `canonicalJson(data)` the caller already holds (see submissionCanonicalForms). */
export function verifyCanonicalSignature(canonicalData: string, signature: string, secret: string): boolean {
  if (secret.length === 0 || !SIGNATURE_PATTERN.test(signature)) return false;
  const expected = createHmac('sha256', secret).update(canonicalData, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

const SIGNED_FIELDS = new Set(['agencyId', 'candidate', 'externalId', 'profile', 'requisitionId']);

/**
 * The two canonical forms the Kafka intake needs of a submission, serialising
 * the (large) profile once: `body`, the canonical JSON of externalId,
 * requisitionId, candidate and profile (what the idempotency hash covers, as
 * on the HTTP path), and `signed`, `canonicalJson(data)` (what `agencysig`
 * covers). `agencyId` sorts before the other fields, so `signed` is `body`
 * with it put first. Data with any other field is serialised whole.
 */
export function submissionCanonicalForms(data: { agencyId?: unknown; externalId?: unknown; requisitionId?: unknown; candidate?: unknown; profile?: unknown }): { body: string; signed: string } {
  const body = canonicalJson({ externalId: data.externalId, requisitionId: data.requisitionId, candidate: data.candidate, profile: data.profile });
  if (typeof data.agencyId !== 'string' || !Object.keys(data).every((key) => SIGNED_FIELDS.has(key))) return { body, signed: canonicalJson(data) };
  const agency = `"agencyId":${JSON.stringify(data.agencyId)}`;
  return { body, signed: body === '{}' ? `{${agency}}` : `{${agency},${body.slice(1)}` };
}
