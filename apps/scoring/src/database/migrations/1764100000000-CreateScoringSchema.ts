import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScoringSchema1764100000000 implements MigrationInterface {
  name = 'CreateScoringSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA IF NOT EXISTS scoring');
    // The current score of each candidate. screened_at (the time of the screening
    // it explains) orders updates: a late, older screening never overwrites a newer score.
    await q.query(`CREATE TABLE scoring.scores (
      candidate_id text PRIMARY KEY,
      submission_id text NOT NULL,
      agency_id text NOT NULL,
      requisition_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('ai-tech-lead', 'tech-lead')),
      location_tier text NOT NULL,
      score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
      raw_score integer NOT NULL,
      breakdown jsonb NOT NULL,
      penalties jsonb NOT NULL,
      decision text NOT NULL CHECK (decision IN ('advance', 'review', 'reject')),
      rubric_id text NOT NULL,
      rubric_version text NOT NULL,
      screened_at timestamptz NOT NULL,
      scored_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS scoring.scores');
  }
}
