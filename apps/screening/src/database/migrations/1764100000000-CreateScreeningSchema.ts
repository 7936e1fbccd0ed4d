import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScreeningSchema1764100000000 implements MigrationInterface {
  name = 'CreateScreeningSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS screening.screenings (
      candidate_id uuid NOT NULL,
      rubric_id text NOT NULL,
      rubric_version text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('advance', 'review', 'reject')),
      rules jsonb NOT NULL,
      screened_at timestamptz NOT NULL,
      PRIMARY KEY (candidate_id, rubric_id, rubric_version)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS "screening" CASCADE');
  }
}
