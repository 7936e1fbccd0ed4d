import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScoringSchema1764100000000 implements MigrationInterface {
  name = 'CreateScoringSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS scoring.scores (
      candidate_id uuid PRIMARY KEY,
      score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
      breakdown jsonb NOT NULL,
      rubric_version text NOT NULL,
      scored_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS "scoring" CASCADE');
  }
}
