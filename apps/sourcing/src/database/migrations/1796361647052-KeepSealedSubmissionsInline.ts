import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission's sealed personal data (about 3 KB of ciphertext) stays in its
 * row. Past about 2 KB a row's large values go out of line into TOAST: two
 * chunks of a separate table and their index entries per submission, written
 * in the intake's hot statement. The submission row is written once (its
 * status lives in submission_states), so a wide row costs nothing later. The
 * target is the largest Postgres allows: only a profile too big for a page
 * goes out of line. Existing rows stay as they are.
 */
export class KeepSealedSubmissionsInline1796361647052 implements MigrationInterface {
  name = 'KeepSealedSubmissionsInline1796361647052';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.submissions SET (toast_tuple_target = 8160)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.submissions RESET (toast_tuple_target)');
  }
}
