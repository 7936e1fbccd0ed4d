import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rubric 2026-12 adds the screening decision `needs-interview` (too little is
 * known yet, nothing speaks against the candidate).
 */
export class NeedsInterviewDecision1764908000000 implements MigrationInterface {
  name = 'NeedsInterviewDecision1764908000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.scores DROP CONSTRAINT IF EXISTS scores_decision_check`);
    await q.query(`ALTER TABLE scoring.scores ADD CONSTRAINT scores_decision_check CHECK (decision IN ('advance', 'review', 'needs-interview', 'reject'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.scores DROP CONSTRAINT IF EXISTS scores_decision_check`);
    await q.query(`ALTER TABLE scoring.scores ADD CONSTRAINT scores_decision_check CHECK (decision IN ('advance', 'review', 'reject'))`);
  }
}
