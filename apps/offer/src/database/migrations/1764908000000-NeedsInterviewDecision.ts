import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Rubric 2026-12 adds the screening decision `needs-interview` (too little is
 * known yet, nothing speaks against the candidate).
 */
export class NeedsInterviewDecision1764908000000 implements MigrationInterface {
  name = 'NeedsInterviewDecision1764908000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.candidate_eligibility DROP CONSTRAINT IF EXISTS candidate_eligibility_decision_check`);
    await q.query(`ALTER TABLE ${s}.candidate_eligibility ADD CONSTRAINT candidate_eligibility_decision_check CHECK (decision IN ('advance', 'review', 'needs-interview', 'reject'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.candidate_eligibility DROP CONSTRAINT IF EXISTS candidate_eligibility_decision_check`);
    await q.query(`ALTER TABLE ${s}.candidate_eligibility ADD CONSTRAINT candidate_eligibility_decision_check CHECK (decision IN ('advance', 'review', 'reject'))`);
  }
}
