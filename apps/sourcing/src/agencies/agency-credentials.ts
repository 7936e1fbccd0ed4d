// API keys and signing secrets: high-entropy random values, shown once.
// Only sha256(key) is stored (a fast hash is enough for 256 random bits; a
// slow KDF guards low-entropy passwords, which these are not) plus a short
// prefix that lets ops and the agency tell keys apart.
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'hak_';
const PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export interface IssuedApiKey {
  key: string;
  hash: string;
  prefix: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): IssuedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, PREFIX_LENGTH) };
}

/** The HMAC secret an agency signs Kafka submissions with (verifySubmissionSignature in @hiring/contracts). */
export function generateSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}
