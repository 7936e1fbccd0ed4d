import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rubric 2026-12 adds the screening decision `needs-interview` (too little is
 * known yet, nothing speaks against the candidate).
 */
export class NeedsInterviewDecision1764908000000 implements MigrationInterface {
  name = 'NeedsInterviewDecision1764908000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE monitor.candidate_stages DROP CONSTRAINT IF EXISTS candidate_stages_screening_decision_check`);
    await q.query(`ALTER TABLE monitor.candidate_stages ADD CONSTRAINT candidate_stages_screening_decision_check CHECK (screening_decision IN ('advance', 'review', 'needs-interview', 'reject'))`);
    await q.query(`ALTER TABLE monitor.candidate_stages DROP CONSTRAINT IF EXISTS candidate_stages_score_decision_check`);
    await q.query(`ALTER TABLE monitor.candidate_stages ADD CONSTRAINT candidate_stages_score_decision_check CHECK (score_decision IN ('advance', 'review', 'needs-interview', 'reject'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE monitor.candidate_stages DROP CONSTRAINT IF EXISTS candidate_stages_screening_decision_check`);
    await q.query(`ALTER TABLE monitor.candidate_stages ADD CONSTRAINT candidate_stages_screening_decision_check CHECK (screening_decision IN ('advance', 'review', 'reject'))`);
    await q.query(`ALTER TABLE monitor.candidate_stages DROP CONSTRAINT IF EXISTS candidate_stages_score_decision_check`);
    await q.query(`ALTER TABLE monitor.candidate_stages ADD CONSTRAINT candidate_stages_score_decision_check CHECK (score_decision IN ('advance', 'review', 'reject'))`);
  }
}
