import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMonitorSchema1764600000000 implements MigrationInterface {
  name = 'CreateMonitorSchema1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA IF NOT EXISTS monitor');
    // One row per candidate: when each stage was first reached and the latest
    // decision of each stage (with the time of the event that carried it, so a
    // late older event cannot overwrite a newer decision). Ids only, no PII.
    await q.query(`CREATE TABLE monitor.candidate_stages (
      candidate_id text PRIMARY KEY,
      agency_id text,
      requisition_id text,
      role text CHECK (role IN ('ai-tech-lead', 'tech-lead')),
      sourced_at timestamptz,
      screened_at timestamptz,
      screening_decision text CHECK (screening_decision IN ('advance', 'review', 'reject')),
      screening_decision_at timestamptz,
      qualified_at timestamptz,
      scored_at timestamptz,
      score_decision text CHECK (score_decision IN ('advance', 'review', 'reject')),
      score_decision_at timestamptz,
      offer_decided_at timestamptz,
      offer_decision text CHECK (offer_decision IN ('approved', 'refused')),
      offer_decision_at timestamptz,
      offers_refused integer NOT NULL DEFAULT 0 CHECK (offers_refused >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((screening_decision IS NULL) = (screening_decision_at IS NULL)),
      CHECK ((score_decision IS NULL) = (score_decision_at IS NULL)),
      CHECK ((offer_decision IS NULL) = (offer_decision_at IS NULL))
    )`);
    await q.query('CREATE INDEX candidate_stages_agency ON monitor.candidate_stages (agency_id)');
    await q.query('CREATE INDEX candidate_stages_requisition ON monitor.candidate_stages (requisition_id, sourced_at)');
    // Erased candidate ids, so an event of the candidate read after the erasure
    // (topics are not ordered with each other; a fresh monitor reads the small
    // erasure topic long before the big ones) does not bring the row back.
    await q.query(`CREATE TABLE monitor.erased_candidates (
      candidate_id text PRIMARY KEY,
      erased_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS monitor.erased_candidates');
    await q.query('DROP TABLE IF EXISTS monitor.candidate_stages');
  }
}
