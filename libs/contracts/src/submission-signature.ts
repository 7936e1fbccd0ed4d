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
  if (secret.length === 0 || !SIGNATURE_PATTERN.test(signature)) return false;
  const expected = Buffer.from(signSubmission(data, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
