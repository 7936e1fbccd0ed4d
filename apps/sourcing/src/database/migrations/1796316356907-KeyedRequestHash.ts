import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency hashes become keyed (`k1:` + HMAC-SHA256 with the index key):
 * an unkeyed SHA-256 of a short body can be confirmed by hashing guesses.
 * Rows stored before keep their unkeyed hash and are compared in that form
 * (the intake computes both), so a retry of an old submission still replays;
 * nothing is rewritten (the bodies are sealed, and hashing them again would
 * have to reproduce the exact canonical form that was hashed).
 */
export class KeyedRequestHash1796316356907 implements MigrationInterface {
  name = 'KeyedRequestHash1796316356907';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sourcing.submissions DROP CONSTRAINT submissions_request_hash_check,
      ADD CONSTRAINT submissions_request_hash_check CHECK (request_hash ~ '^(k1:)?[0-9a-f]{64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Keyed hashes cannot be turned back into unkeyed ones: refuse rather than lose idempotency.
    const [{ keyed }] = (await q.query(`SELECT count(*)::int AS keyed FROM sourcing.submissions WHERE request_hash LIKE 'k1:%'`)) as { keyed: number }[];
    if (keyed > 0) throw new Error(`${keyed} submissions hold keyed request hashes; the unkeyed check cannot be restored`);
    await q.query(`ALTER TABLE sourcing.submissions DROP CONSTRAINT submissions_request_hash_check,
      ADD CONSTRAINT submissions_request_hash_check CHECK (request_hash ~ '^[0-9a-f]{64}$')`);
  }
}
