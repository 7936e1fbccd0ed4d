import { Injectable } from '@nestjs/common';
import { entityManagerOf, lockEntities, type Tx } from '@hiring/platform';
import { CandidateEligibilityEntity } from './candidate-eligibility.entity';

/** The scope of the per-candidate transaction locks (see lock()). */
export const OFFER_CANDIDATE_LOCK_SCOPE = 'offer.candidate';

export type EligibilityRow = Omit<CandidateEligibilityEntity, 'updatedAt'>;

@Injectable()
export class CandidateEligibilityRepository {
  /**
   * Serialises the transactions about these candidates until commit. A score
   * and an erasure arrive on different topics and may be handled at the same
   * moment; without this, eligibility inserted by an uncommitted score escapes
   * the erasure's DELETE (row locks cannot help: the row does not exist yet).
   */
  lock(tx: Tx, candidateIds: readonly string[]): Promise<void> {
    return lockEntities(tx, OFFER_CANDIDATE_LOCK_SCOPE, candidateIds);
  }

  find(tx: Tx, candidateId: string): Promise<CandidateEligibilityEntity | null> {
    return entityManagerOf(tx).getRepository(CandidateEligibilityEntity).findOneBy({ candidateId });
  }

  findForUpdate(tx: Tx, candidateId: string): Promise<CandidateEligibilityEntity | null> {
    return entityManagerOf(tx)
      .getRepository(CandidateEligibilityEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.candidate_id = :candidateId', { candidateId })
      .getOne();
  }

  /** The stored eligibility of a batch's candidates, locked for the transaction, in one query. */
  findManyForUpdate(tx: Tx, candidateIds: readonly string[]): Promise<CandidateEligibilityEntity[]> {
    if (candidateIds.length === 0) return Promise.resolve([]);
    return entityManagerOf(tx)
      .getRepository(CandidateEligibilityEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.candidate_id = ANY(:ids)', { ids: [...new Set(candidateIds)] })
      .orderBy('c.candidate_id')
      .getMany();
  }

  /**
   * upsertIfNewer() for a batch in one statement, at most one row per
   * candidate (the caller keeps the latest). Returns the candidates applied.
   */
  async upsertManyIfNewer(tx: Tx, rows: readonly EligibilityRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const table = entityManagerOf(tx).getRepository(CandidateEligibilityEntity).metadata.tablePath;
    const col = <K extends keyof EligibilityRow>(k: K) => rows.map((r) => r[k]);
    const applied: { candidate_id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO ${table} AS c (candidate_id, submission_id, requisition_id, agency_id, role, location_tier,
                                  decision, score, rubric_id, rubric_version, scored_at, updated_at)
       SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                   $7::text[], $8::float8[], $9::text[], $10::text[], $11::timestamptz[])
       ON CONFLICT (candidate_id) DO UPDATE SET
         submission_id = EXCLUDED.submission_id, requisition_id = EXCLUDED.requisition_id,
         agency_id = EXCLUDED.agency_id, role = EXCLUDED.role, location_tier = EXCLUDED.location_tier,
         decision = EXCLUDED.decision, score = EXCLUDED.score, rubric_id = EXCLUDED.rubric_id,
         rubric_version = EXCLUDED.rubric_version, scored_at = EXCLUDED.scored_at, updated_at = now()
       WHERE c.scored_at < EXCLUDED.scored_at
       RETURNING candidate_id`,
      [
        col('candidateId'),
        col('submissionId'),
        col('requisitionId'),
        col('agencyId'),
        col('role'),
        col('locationTier'),
        col('decision'),
        col('score'),
        col('rubricId'),
        col('rubricVersion'),
        col('scoredAt'),
      ],
    );
    return new Set(applied.map((r) => r.candidate_id));
  }

  /**
   * Keeps the latest score per candidate: a redelivered or older event
   * (scored_at not after the stored one) changes nothing. True when applied.
   */
  async upsertIfNewer(tx: Tx, row: EligibilityRow): Promise<boolean> {
    const table = entityManagerOf(tx).getRepository(CandidateEligibilityEntity).metadata.tablePath;
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO ${table} AS c (candidate_id, submission_id, requisition_id, agency_id, role, location_tier,
                                  decision, score, rubric_id, rubric_version, scored_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (candidate_id) DO UPDATE SET
         submission_id = EXCLUDED.submission_id, requisition_id = EXCLUDED.requisition_id,
         agency_id = EXCLUDED.agency_id, role = EXCLUDED.role, location_tier = EXCLUDED.location_tier,
         decision = EXCLUDED.decision, score = EXCLUDED.score, rubric_id = EXCLUDED.rubric_id,
         rubric_version = EXCLUDED.rubric_version, scored_at = EXCLUDED.scored_at, updated_at = now()
       WHERE c.scored_at < EXCLUDED.scored_at
       RETURNING candidate_id`,
      [
        row.candidateId,
        row.submissionId,
        row.requisitionId,
        row.agencyId,
        row.role,
        row.locationTier,
        row.decision,
        row.score,
        row.rubricId,
        row.rubricVersion,
        row.scoredAt,
      ],
    );
    return rows.length > 0;
  }

  /** True when there was something to delete. */
  async delete(tx: Tx, candidateId: string): Promise<boolean> {
    const result = await entityManagerOf(tx).getRepository(CandidateEligibilityEntity).delete({ candidateId });
    return (result.affected ?? 0) > 0;
  }

  /** Remembers the candidate as erased: no candidate-scored event arriving later makes them eligible again. */
  async markErased(tx: Tx, candidateId: string): Promise<void> {
    await entityManagerOf(tx).query(`INSERT INTO ${this.erasedTable(tx)} (candidate_id) VALUES ($1) ON CONFLICT DO NOTHING`, [candidateId]);
  }

  /** The erased candidates among `candidateIds`, in one query. */
  async erasedAmong(tx: Tx, candidateIds: readonly string[]): Promise<Set<string>> {
    if (candidateIds.length === 0) return new Set();
    const rows: Array<{ candidate_id: string }> = await entityManagerOf(tx).query(
      `SELECT candidate_id FROM ${this.erasedTable(tx)} WHERE candidate_id = ANY($1::text[])`,
      [[...new Set(candidateIds)]],
    );
    return new Set(rows.map((r) => r.candidate_id));
  }

  /** erased_candidates in the schema the entities live in ("offer", or an integration test's own). */
  private erasedTable(tx: Tx): string {
    const schema = entityManagerOf(tx).getRepository(CandidateEligibilityEntity).metadata.schema ?? 'offer';
    return `"${schema}".erased_candidates`;
  }
}
