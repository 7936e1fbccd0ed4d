import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Serves an agency's list of its submissions, GET /v1/submissions: its rows
 * in (updated_at, id) keyset order, whatever the filters (status and
 * requisition are checked on the rows the index walks).
 */
export class IndexAgencySubmissionsByUpdate1796303902152 implements MigrationInterface {
  name = 'IndexAgencySubmissionsByUpdate1796303902152';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX IF NOT EXISTS submissions_agency_updated_idx ON sourcing.submissions (agency_id, updated_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX sourcing.submissions_agency_updated_idx');
  }
}
