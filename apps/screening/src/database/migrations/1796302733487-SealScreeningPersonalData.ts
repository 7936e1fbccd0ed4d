import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stored profile and each screening's evidence and probe questions are
 * kept sealed with the candidate's data key: `candidate_profiles.sealed_profile`
 * replaces `profile`, `screenings.sealed_detail` holds evidence + probes (with
 * a keyed digest to tell a re-store of the same words). Rows stored before are
 * sealed by the next re-screen (POST /v1/rescreen, docs/screening.md), which
 * needs the keys from sourcing, so not here.
 */
export class SealScreeningPersonalData1796302733487 implements MigrationInterface {
  name = 'SealScreeningPersonalData1796302733487';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screening.candidate_profiles ADD COLUMN sealed_profile text CHECK (sealed_profile ~ '^pd1\\.'), ALTER COLUMN profile DROP NOT NULL`);
    await q.query('ALTER TABLE screening.candidate_profiles ADD CONSTRAINT candidate_profiles_profile_present CHECK (profile IS NOT NULL OR sealed_profile IS NOT NULL)');
    await q.query(`ALTER TABLE screening.screenings ADD COLUMN sealed_detail text CHECK (sealed_detail ~ '^pd1\\.'), ADD COLUMN detail_digest text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE screening.screenings DROP COLUMN detail_digest, DROP COLUMN sealed_detail');
    await q.query('ALTER TABLE screening.candidate_profiles DROP CONSTRAINT candidate_profiles_profile_present, DROP COLUMN sealed_profile');
  }
}
