import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes a submission's status change cheaper (issue 11), keeping what it guarantees:
 *
 * - The history's foreign key to submissions goes. Every history row is
 *   written in the transaction that inserted or locked its submission, and no
 *   submission is ever deleted (erasure clears the sealed personal data in
 *   place), so the key only cost a `FOR KEY SHARE` lookup per history row
 *   (38,773 per 10,000 candidates), each marking the wide submission row
 *   locked.
 * - One submission per agency and Idempotency-Key stays unique, on a partial
 *   index: most submissions carry no key (Kafka, bulk without one), and the
 *   full constraint gave each of them an index entry on every insert and on
 *   every status update (which rewrite all of the table's index entries).
 * - The history is keyed by (submission_id, id), the order it is read in:
 *   one index per history row where a separate primary key on id made two.
 * - The sealed personal data is stored out of line without compression:
 *   ciphertext does not compress, so Postgres' attempt was wasted CPU.
 */
export class CheaperStatusWriteBack1796325062559 implements MigrationInterface {
  name = 'CheaperStatusWriteBack1796325062559';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.submission_status_history DROP CONSTRAINT IF EXISTS submission_status_history_submission_id_fkey');
    await q.query('CREATE UNIQUE INDEX submission_status_history_key ON sourcing.submission_status_history (submission_id, id)');
    await q.query('ALTER TABLE sourcing.submission_status_history DROP CONSTRAINT submission_status_history_pkey');
    await q.query('ALTER TABLE sourcing.submission_status_history ADD CONSTRAINT submission_status_history_pkey PRIMARY KEY USING INDEX submission_status_history_key');
    await q.query('DROP INDEX sourcing.submission_status_history_submission_idx');
    await q.query(
      'CREATE UNIQUE INDEX IF NOT EXISTS submissions_agency_idempotency_key_idx ON sourcing.submissions (agency_id, idempotency_key) WHERE idempotency_key IS NOT NULL',
    );
    await q.query('ALTER TABLE sourcing.submissions DROP CONSTRAINT IF EXISTS submissions_agency_id_idempotency_key_key');
    await q.query('ALTER TABLE sourcing.submissions ALTER COLUMN personal_data SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.submissions ALTER COLUMN personal_data SET STORAGE EXTENDED');
    await q.query('ALTER TABLE sourcing.submissions ADD CONSTRAINT submissions_agency_id_idempotency_key_key UNIQUE (agency_id, idempotency_key)');
    await q.query('DROP INDEX IF EXISTS sourcing.submissions_agency_idempotency_key_idx');
    await q.query('CREATE INDEX submission_status_history_submission_idx ON sourcing.submission_status_history (submission_id, id)');
    await q.query('ALTER TABLE sourcing.submission_status_history DROP CONSTRAINT submission_status_history_pkey');
    await q.query('ALTER TABLE sourcing.submission_status_history ADD PRIMARY KEY (id)');
    await q.query(
      'ALTER TABLE sourcing.submission_status_history ADD CONSTRAINT submission_status_history_submission_id_fkey FOREIGN KEY (submission_id) REFERENCES sourcing.submissions (id) ON DELETE CASCADE',
    );
  }
}
