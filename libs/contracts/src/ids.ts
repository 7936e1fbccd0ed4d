// Ids the pipeline mints on its hot paths (submissions, candidates, every
// CloudEvent and with it every inbox row): UUID version 7, whose first 48 bits
// are the Unix time in milliseconds. Rows keyed by them are inserted at the
// right edge of their B-tree indexes instead of on a random leaf, so the pages
// an insert touches stay few and cached however large the tables grow (UUIDv4
// keys touch a random page each; once the indexes outgrow shared_buffers every
// insert reads one, and after each checkpoint writes a full-page image).
// The `uuid` package's v7 keeps ids minted in the same millisecond increasing
// too. What the embedded time reveals, and why that is acceptable for each
// id: docs/sourcing.md, "Ids".
import { v7 } from 'uuid';

/** A new time-ordered id (RFC 9562 UUID version 7, lowercase, 36 characters). */
export function newId(): string {
  return v7();
}
