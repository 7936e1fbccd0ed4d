import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper inserts of screenings and profiles (issue 11, docs/performance.md):
 * - Sealed values are ciphertext, incompressible: STORAGE EXTERNAL moves them
 *   out of line without Postgres' pglz compression attempt on every row
 *   (the sealed detail is ~4 KB, the sealed profile ~3.5 KB).
 * - `screenings_candidate_latest_idx (candidate_id, screened_at DESC)` only
 *   repeated what the unique (candidate_id, rubric_version, revision) index
 *   already answers: every read is by candidate_id, a candidate has a handful
 *   of rows, sorted in memory. One index entry less per row.
 * Changing the storage mode rewrites nothing (it applies to new values).
 */
export class CheaperScreeningInserts1796325894471 implements MigrationInterface {
  name = 'CheaperScreeningInserts1796325894471';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE screening.screenings ALTER COLUMN sealed_detail SET STORAGE EXTERNAL');
    await q.query('ALTER TABLE screening.candidate_profiles ALTER COLUMN sealed_profile SET STORAGE EXTERNAL');
    await q.query('ALTER TABLE screening.interview_feedback ALTER COLUMN sealed_notes SET STORAGE EXTERNAL');
    await q.query('DROP INDEX IF EXISTS screening.screenings_candidate_latest_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX IF NOT EXISTS screenings_candidate_latest_idx ON screening.screenings (candidate_id, screened_at DESC)');
    await q.query('ALTER TABLE screening.interview_feedback ALTER COLUMN sealed_notes SET STORAGE EXTENDED');
    await q.query('ALTER TABLE screening.candidate_profiles ALTER COLUMN sealed_profile SET STORAGE EXTENDED');
    await q.query('ALTER TABLE screening.screenings ALTER COLUMN sealed_detail SET STORAGE EXTENDED');
  }
}
