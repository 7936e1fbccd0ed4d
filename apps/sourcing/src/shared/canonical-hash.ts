import { createHash } from 'node:crypto';
import { canonicalJson } from '@hiring/contracts';

/** Two bodies that mean the same JSON hash the same (sorted keys, no whitespace: the signature's canonical form). */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
