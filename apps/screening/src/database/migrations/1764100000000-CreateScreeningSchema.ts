import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScreeningSchema1764100000000 implements MigrationInterface {
  name = 'CreateScreeningSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA IF NOT EXISTS screening');
    // The screening input of each candidate (candidate-sourced profile: facts and
    // free text, no name/email/phone), kept so a new rubric version can be replayed.
    await q.query(`CREATE TABLE screening.candidate_profiles (
      candidate_id text PRIMARY KEY,
      submission_id text NOT NULL,
      agency_id text NOT NULL,
      requisition_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('ai-tech-lead', 'tech-lead')),
      location_tier text NOT NULL,
      profile jsonb NOT NULL,
      sourced_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE screening.screenings (
      id bigserial PRIMARY KEY,
      candidate_id text NOT NULL,
      submission_id text NOT NULL,
      agency_id text NOT NULL,
      requisition_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('ai-tech-lead', 'tech-lead')),
      location_tier text NOT NULL,
      rubric_id text NOT NULL,
      rubric_version text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('advance', 'review', 'reject')),
      rules jsonb NOT NULL,
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      screened_at timestamptz NOT NULL,
      CONSTRAINT screenings_candidate_rubric_version_uq UNIQUE (candidate_id, rubric_version)
    )`);
    await q.query('CREATE INDEX screenings_candidate_latest_idx ON screening.screenings (candidate_id, screened_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS screening.screenings');
    await q.query('DROP TABLE IF EXISTS screening.candidate_profiles');
  }
}
