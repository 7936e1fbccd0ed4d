import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission is sealed for the person it is about: a sourced one for its
 * own candidate (`sealed_for = candidate_id`), a duplicate for the candidate
 * it duplicates (`candidate_id` null). Only the erasure looks rows up by
 * `sealed_for`, and for sourced rows `submissions_candidate_idx` finds them
 * already, so the index on `sealed_for` keeps only the other rows: one index
 * entry fewer for almost every submission the intake writes (issue 11).
 * The erasure asks for both halves (ErasureRepository.erase).
 */
export class IndexOnlyDuplicatesBySealedFor1796337703665 implements MigrationInterface {
  name = 'IndexOnlyDuplicatesBySealedFor1796337703665';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX IF NOT EXISTS submissions_sealed_for_other_idx ON sourcing.submissions (sealed_for) WHERE sealed_for IS DISTINCT FROM candidate_id');
    await q.query('DROP INDEX IF EXISTS sourcing.submissions_sealed_for_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX IF NOT EXISTS submissions_sealed_for_idx ON sourcing.submissions (sealed_for)');
    await q.query('DROP INDEX IF EXISTS sourcing.submissions_sealed_for_other_idx');
  }
}
