import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidates erased so far (pseudonymous ids only, as in sourcing's erasure
 * audit): a candidate-screened event that arrives after the erasure, replayed
 * from offset 0 or redelivered late, must not bring the score back.
 */
export class ErasedCandidates1796302901569 implements MigrationInterface {
  name = 'ErasedCandidates1796302901569';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.erased_candidates (
      candidate_id text PRIMARY KEY,
      erased_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS scoring.erased_candidates');
  }
}
