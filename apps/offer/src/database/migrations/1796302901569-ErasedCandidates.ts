import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The candidates erased so far (pseudonymous ids only, as in sourcing's erasure
 * audit): a candidate-scored event that arrives after the erasure, replayed
 * from offset 0 or redelivered late, must not make the candidate eligible again.
 */
export class ErasedCandidates1796302901569 implements MigrationInterface {
  name = 'ErasedCandidates1796302901569';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.erased_candidates (
      candidate_id text PRIMARY KEY,
      erased_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${schemaOf(q)}.erased_candidates`);
  }
}
