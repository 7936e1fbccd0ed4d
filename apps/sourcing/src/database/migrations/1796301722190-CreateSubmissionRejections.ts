import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kafka submissions that were dead-lettered, told to the agency that signed
 * them. Only what the agency needs to fix and resend: its own externalId, the
 * event id, the reason. No identity and no profile content is kept.
 */
export class CreateSubmissionRejections1796301722190 implements MigrationInterface {
  name = 'CreateSubmissionRejections1796301722190';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sourcing.submission_rejections (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      external_id text CHECK (length(external_id) BETWEEN 1 AND 128),
      event_id text CHECK (length(event_id) BETWEEN 1 AND 200),
      reason_code text NOT NULL CHECK (reason_code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      errors jsonb NOT NULL,
      -- <dlq topic>/<partition>/<offset>: where ops find the record to replay it.
      dead_letter text NOT NULL UNIQUE,
      rejected_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    // Serves the agency's list: its rejections in (rejected_at, id) keyset order.
    await q.query('CREATE INDEX submission_rejections_agency_idx ON sourcing.submission_rejections (agency_id, rejected_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sourcing.submission_rejections');
  }
}
