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
