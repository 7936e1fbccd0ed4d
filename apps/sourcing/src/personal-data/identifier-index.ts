// Duplicate detection needs to find a person by email, phone or profile URL
// without storing them: `candidate_identifiers` holds a keyed blind index
// (HMAC-SHA256 of kind + normalised value, key from configuration) instead of
// the value. Equal inputs give equal indexes, so the ownership rule works
// unchanged; without the key, nobody can test a guessed email against the table.
import { createHmac } from 'node:crypto';
import type { CandidateIdentifier } from '@hiring/domain';
import { KEYED_REQUEST_HASH_PREFIX, sha256Hex, type RequestHashes } from '../shared/canonical-hash';

/** Prefix of an indexed value: lets the backfill tell what it already did, and a later scheme get a new one. */
export const INDEX_PREFIX = 'bi1:';
const KEY_BYTES = 32;

export class IdentifierIndex {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64');
    if (this.key.length !== KEY_BYTES) throw new Error(`the identifier index key must be ${KEY_BYTES} bytes (base64), it is ${this.key.length}`);
  }

  /** The blind index of one normalised identifier value of this kind. */
  value(kind: string, normalised: string): string {
    return INDEX_PREFIX + createHmac('sha256', this.key).update(`${kind}\u0000${normalised}`, 'utf8').digest('base64url');
  }

  /**
   * A submission's idempotency hash, keyed with the same secret (a message
   * no identifier can have: identifier kinds never contain `request`), so the
   * stored hash of a short body cannot be confirmed by hashing guesses.
   */
  requestHashes(canonical: string): RequestHashes {
    const keyed = KEYED_REQUEST_HASH_PREFIX + createHmac('sha256', this.key).update(`request\u0000${canonical}`, 'utf8').digest('hex');
    // Only a replay of a row stored before keyed hashes reads `legacy`: hashed then, not for every submission.
    let legacy: string | undefined;
    return {
      keyed,
      get legacy() {
        return (legacy ??= sha256Hex(canonical));
      },
    };
  }

  of(identifiers: readonly CandidateIdentifier[]): CandidateIdentifier[] {
    return identifiers.map((i) => ({ kind: i.kind, value: this.value(i.kind, i.value) }));
  }
}
