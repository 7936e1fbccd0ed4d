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
   *
   * `again` writes the same canonical form a second time, from what the
   * caller keeps anyway (the submission's input, the consumed event): only a
   * replay of a row stored before keyed hashes reads `legacy`, and then it is
   * hashed from that. The hashes must not hold `canonical` itself: they live
   * as long as the chunk they belong to (a bulk request, a consumer
   * transaction, seconds under load), so its ~3 KB per submission outlived
   * every scavenge and was promoted (docs/performance.md, lane 19b).
   */
  requestHashes(canonical: string, again: () => string): RequestHashes {
    const keyed = KEYED_REQUEST_HASH_PREFIX + createHmac('sha256', this.key).update(`request\u0000${canonical}`, 'utf8').digest('hex');
    return lazyLegacy(keyed, again);
  }

  of(identifiers: readonly CandidateIdentifier[]): CandidateIdentifier[] {
    return identifiers.map((i) => ({ kind: i.kind, value: this.value(i.kind, i.value) }));
  }
}

/** Outside requestHashes, so the getter's closure cannot hold the canonical string. */
function lazyLegacy(keyed: string, again: () => string): RequestHashes {
  let legacy: string | undefined;
  return {
    keyed,
    get legacy() {
      return (legacy ??= sha256Hex(again()));
    },
  };
}
