import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { MasterKeyRing } from '@hiring/platform';
import { ensureDataKeys } from './candidate-key.repository';
import { INDEX_PREFIX, type IdentifierIndex } from './identifier-index';
import { sealSubmissionData, type SubmissionPersonalData } from './submission-personal-data';

/** Rows per batch: each batch is its own transaction, so an interrupted run keeps what it did and resumes. */
export const BACKFILL_BATCH = 500;

interface ClearRow {
  id: string;
  person_id: string | null;
  erased: boolean;
  candidate_name: string;
  candidate_email: string | null;
  candidate_phone: string | null;
  candidate_profile_url: string | null;
  profile: Record<string, unknown>;
}

/**
 * Identity and profile of `sourcing.submissions` move into one sealed column
 * (`personal_data`, sealed with the data key of `sealed_for`: the candidate
 * sourced, or the one a duplicate duplicates), and `candidate_identifiers`
 * holds blind indexes instead of emails, phones and URLs. Existing rows are
 * converted in batches of BACKFILL_BATCH, each committed on its own (no
 * migration-wide transaction): a run that stops half way resumes where it
 * was, since it only picks rows still in clear. The clear columns are dropped
 * at the end. Needs the keys from configuration, hence a factory.
 */
export function sealSubmissionPersonalDataMigration(ring: MasterKeyRing, index: IdentifierIndex): new () => MigrationInterface {
  return class SealSubmissionPersonalData1796301665673 implements MigrationInterface {
    name = 'SealSubmissionPersonalData1796301665673';
    transaction = false;

    async up(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE sourcing.submissions ADD COLUMN IF NOT EXISTS personal_data text CHECK (personal_data ~ \'^pd1\\.\')');
      await q.query('ALTER TABLE sourcing.submissions ADD COLUMN IF NOT EXISTS sealed_for uuid REFERENCES sourcing.candidates (id)');
      await q.query('CREATE INDEX IF NOT EXISTS submissions_sealed_for_idx ON sourcing.submissions (sealed_for)');
      if (await hasClearColumns(q)) {
        await q.query('ALTER TABLE sourcing.submissions ALTER COLUMN candidate_name DROP NOT NULL, ALTER COLUMN profile DROP NOT NULL');
        while ((await sealBatch(q, ring)) > 0);
      }
      while ((await indexBatch(q, index)) > 0);
      for (const column of ['candidate_name', 'candidate_email', 'candidate_phone', 'candidate_profile_url', 'profile']) {
        await q.query(`ALTER TABLE sourcing.submissions DROP COLUMN IF EXISTS ${column}`);
      }
    }

    async down(): Promise<void> {
      // The clear values are gone by design (and erased ones for good): there is no way back.
      throw new Error('SealSubmissionPersonalData cannot be reverted: the clear columns are not recoverable');
    }
  };
}

async function hasClearColumns(q: QueryRunner): Promise<boolean> {
  const rows: unknown[] = await q.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'sourcing' AND table_name = 'submissions' AND column_name = 'candidate_name'`,
  );
  return rows.length > 0;
}

/** Seals one batch of rows still in clear and blanks their clear columns; returns how many it took. */
async function sealBatch(q: QueryRunner, ring: MasterKeyRing): Promise<number> {
  await q.startTransaction();
  try {
    const rows: ClearRow[] = await q.query(
      `SELECT s.id, p.person_id, (e.candidate_id IS NOT NULL) AS erased,
              s.candidate_name, s.candidate_email, s.candidate_phone, s.candidate_profile_url, s.profile
         FROM sourcing.submissions s
         LEFT JOIN sourcing.duplicates d ON d.submission_id = s.id
         CROSS JOIN LATERAL (SELECT COALESCE(s.candidate_id, d.owner_candidate_id) AS person_id) p
         LEFT JOIN sourcing.erasures e ON e.candidate_id = p.person_id
        WHERE s.candidate_name IS NOT NULL
        ORDER BY s.id
        LIMIT $1
          FOR UPDATE OF s`,
      [BACKFILL_BATCH],
    );
    // An erased person's rows were blanked already; a row with no person has no key to be sealed with: both just lose the clear columns.
    const sealable = rows.filter((r) => r.person_id !== null && !r.erased);
    const keys = await ensureDataKeys(q, ring, sealable.map((r) => r.person_id as string));
    const sealed = rows.map((r) => {
      const key = r.person_id !== null && !r.erased ? keys.get(r.person_id) : undefined;
      return key ? sealSubmissionData(key, r.person_id as string, r.id, toPersonalData(r)) : null;
    });
    await q.query(
      `UPDATE sourcing.submissions s
          SET personal_data = t.sealed, sealed_for = CASE WHEN t.sealed IS NULL THEN NULL ELSE t.person_id END,
              candidate_name = NULL, candidate_email = NULL, candidate_phone = NULL, candidate_profile_url = NULL, profile = NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(id, person_id, sealed)
        WHERE s.id = t.id`,
      [rows.map((r) => r.id), rows.map((r) => r.person_id), sealed],
    );
    await q.commitTransaction();
    return rows.length;
  } catch (error) {
    await q.rollbackTransaction();
    throw error;
  }
}

/** Replaces one batch of clear identifier values by their blind index; returns how many it took. */
async function indexBatch(q: QueryRunner, index: IdentifierIndex): Promise<number> {
  const rows: { kind: string; value: string }[] = await q.query(
    `SELECT kind, value FROM sourcing.candidate_identifiers WHERE value NOT LIKE $1 ORDER BY kind, value LIMIT $2`,
    [`${INDEX_PREFIX}%`, BACKFILL_BATCH],
  );
  if (rows.length === 0) return 0;
  await q.query(
    `UPDATE sourcing.candidate_identifiers ci SET value = t.indexed
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(kind, value, indexed)
      WHERE ci.kind = t.kind AND ci.value = t.value`,
    [rows.map((r) => r.kind), rows.map((r) => r.value), rows.map((r) => index.value(r.kind, r.value))],
  );
  return rows.length;
}

function toPersonalData(r: ClearRow): SubmissionPersonalData {
  return {
    candidate: {
      name: r.candidate_name,
      ...(r.candidate_email !== null ? { email: r.candidate_email } : {}),
      ...(r.candidate_phone !== null ? { phone: r.candidate_phone } : {}),
      ...(r.candidate_profile_url !== null ? { profileUrl: r.candidate_profile_url } : {}),
    },
    profile: r.profile,
  };
}
