import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on each page of the read model for the updates that follow a
 * candidate's first event (three or four: screened, scored, offer decided).
 * An update whose new row version fits on the same page and changes no indexed
 * column (agency_id, requisition_id, sourced_at are set once) is a HOT update:
 * no new entry in any of the three indexes. With full pages (the default
 * fillfactor 100) nine in ten updates went to another page and added an entry
 * to every index. Applies to pages written from now on.
 */
export class CandidateStagesFillfactor1796325522033 implements MigrationInterface {
  name = 'CandidateStagesFillfactor1796325522033';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE monitor.candidate_stages SET (fillfactor = 50)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE monitor.candidate_stages RESET (fillfactor)');
  }
}
