import { createHash } from 'node:crypto';
import { canonicalJson } from '@hiring/contracts';

/** Two bodies that mean the same JSON hash the same (sorted keys, no whitespace: the signature's canonical form). */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** canonicalHash of a value whose canonical JSON the caller already holds. */
export function sha256Hex(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * A request's idempotency hash in both forms: `keyed` (`k1:` + HMAC-SHA256
 * with the index key, what is stored since it was introduced: a short body
 * cannot be guessed from it) and `legacy` (the unkeyed SHA-256 that rows
 * stored before still hold; computed only to compare with those).
 */
export interface RequestHashes {
  keyed: string;
  legacy: string;
}

export const KEYED_REQUEST_HASH_PREFIX = 'k1:';

/** Whether a stored hash is of this request, in whichever form it was stored. */
export function sameRequest(stored: string, request: RequestHashes): boolean {
  return stored.startsWith(KEYED_REQUEST_HASH_PREFIX) ? stored === request.keyed : stored === request.legacy;
}
