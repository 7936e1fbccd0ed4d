import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rubric 2026-12 adds the screening decision `needs-interview` (too little is
 * known yet, nothing speaks against the candidate).
 * Each screening also keeps its interview kit (the probes for what is not
 * shown yet); rows from before have an empty kit.
 */
export class NeedsInterviewAndKit1764908000000 implements MigrationInterface {
  name = 'NeedsInterviewAndKit1764908000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screening.screenings DROP CONSTRAINT IF EXISTS screenings_decision_check`);
    await q.query(`ALTER TABLE screening.screenings ADD CONSTRAINT screenings_decision_check CHECK (decision IN ('advance', 'review', 'needs-interview', 'reject'))`);
    // The interview kit of each screening: rule ids travel in candidate-screened, the questions stay here.
    await q.query(`ALTER TABLE screening.screenings ADD COLUMN interview_kit jsonb NOT NULL DEFAULT '{"ruleIds": [], "probes": []}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE screening.screenings DROP COLUMN interview_kit');
    await q.query(`ALTER TABLE screening.screenings DROP CONSTRAINT IF EXISTS screenings_decision_check`);
    await q.query(`ALTER TABLE screening.screenings ADD CONSTRAINT screenings_decision_check CHECK (decision IN ('advance', 'review', 'reject'))`);
  }
}
