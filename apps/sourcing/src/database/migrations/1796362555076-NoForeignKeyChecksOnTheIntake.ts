import { MigrationInterface, QueryRunner } from 'typeorm';

/** The intake's foreign keys: every row it writes per candidate checked one of these. */
const INTAKE_FOREIGN_KEYS = [
  ['submissions', 'submissions_agency_id_fkey', 'agency_id', 'agencies'],
  ['submissions', 'submissions_requisition_id_fkey', 'requisition_id', 'requisitions'],
  ['submissions', 'submissions_candidate_id_fkey', 'candidate_id', 'candidates'],
  ['submissions', 'submissions_sealed_for_fkey', 'sealed_for', 'candidates'],
  ['candidates', 'candidates_owner_agency_id_fkey', 'owner_agency_id', 'agencies'],
  ['candidate_identifiers', 'candidate_identifiers_candidate_id_fkey', 'candidate_id', 'candidates'],
  ['candidate_identifiers', 'candidate_identifiers_agency_id_fkey', 'agency_id', 'agencies'],
  ['candidate_data_keys', 'candidate_data_keys_candidate_id_fkey', 'candidate_id', 'candidates'],
] as const;

/**
 * The intake no longer has Postgres check its foreign keys, row by row. Each
 * check is a trigger that looks the parent up and locks it `FOR KEY SHARE`:
 * eight per candidate (76 % of all statements Postgres ran in a bench), each
 * writing a lock into the parent row, and the few agency rows every intake
 * transaction locks at once turn into multixacts. On a scratch table with the
 * same three keys as a submission, the checks took five times the insert.
 *
 * What the keys guarded still holds by construction: the agency is the one
 * the API key or the signature authenticated, the requisition was read (and
 * found open) by the same use case, and the candidate and data key rows are
 * written in the same transaction as the rows naming them. None of these
 * parents is ever deleted (an erasure clears personal data in place). The
 * sourcing integration suite checks that no row names a missing parent.
 * The keys of low-volume tables (duplicates, webhooks, API keys, rejections)
 * stay.
 */
export class NoForeignKeyChecksOnTheIntake1796362555076 implements MigrationInterface {
  name = 'NoForeignKeyChecksOnTheIntake1796362555076';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of INTAKE_FOREIGN_KEYS) await q.query(`ALTER TABLE sourcing.${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint, column, parent] of INTAKE_FOREIGN_KEYS) {
      await q.query(`ALTER TABLE sourcing.${table} ADD CONSTRAINT ${constraint} FOREIGN KEY (${column}) REFERENCES sourcing.${parent} (id)`);
    }
  }
}
