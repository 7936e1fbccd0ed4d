import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission's state carries what the agency's webhooks name besides its
 * agency and requisition: the agency's own `external_id`, and the
 * `candidate_id` (erasure only, never sent). The progress consumers lock and
 * read a batch's states to apply screening, scoring and offers; with these
 * columns they no longer join each state to its wide submission row (one
 * primary-key probe and a heap page of `submissions` per event, and the
 * planning of a join: docs/performance.md, "Status write-back (lane 12b)").
 * Both are written once, at intake, like the submission's (neither changes
 * afterwards: the erasure clears only the sealed personal data).
 */
export class StatesNameTheirSubmission1796363000000 implements MigrationInterface {
  name = 'StatesNameTheirSubmission1796363000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.submission_states ADD COLUMN external_id text, ADD COLUMN candidate_id uuid');
    await q.query(`UPDATE sourcing.submission_states st SET external_id = s.external_id, candidate_id = s.candidate_id
                     FROM sourcing.submissions s WHERE s.id = st.submission_id`);
    await q.query('ALTER TABLE sourcing.submission_states ALTER COLUMN external_id SET NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.submission_states DROP COLUMN external_id, DROP COLUMN candidate_id');
  }
}
