import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed profile and the sealed per-rule evidence (3 to 6 KB of
 * ciphertext) stay in their rows. Past about 2 KB a row's large values go
 * out of line into TOAST: two or three chunks of a separate table and their
 * index entries per row, written in screening's hot statements, after a
 * compression attempt that ciphertext always defeats. The target is the
 * largest Postgres allows: only a value too big for a page goes out of line.
 * Existing rows stay as they are.
 */
export class KeepSealedScreeningsInline1796361647052 implements MigrationInterface {
  name = 'KeepSealedScreeningsInline1796361647052';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE screening.candidate_profiles SET (toast_tuple_target = 8160)');
    await q.query('ALTER TABLE screening.screenings SET (toast_tuple_target = 8160)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE screening.screenings RESET (toast_tuple_target)');
    await q.query('ALTER TABLE screening.candidate_profiles RESET (toast_tuple_target)');
  }
}
