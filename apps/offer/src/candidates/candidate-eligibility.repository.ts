import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import { CandidateEligibilityEntity } from './candidate-eligibility.entity';

export type EligibilityRow = Omit<CandidateEligibilityEntity, 'updatedAt'>;

@Injectable()
export class CandidateEligibilityRepository {
  find(tx: Tx, candidateId: string): Promise<CandidateEligibilityEntity | null> {
    return tx.getRepository(CandidateEligibilityEntity).findOneBy({ candidateId });
  }

  findForUpdate(tx: Tx, candidateId: string): Promise<CandidateEligibilityEntity | null> {
    return tx
      .getRepository(CandidateEligibilityEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.candidate_id = :candidateId', { candidateId })
      .getOne();
  }

  /**
   * Keeps the latest score per candidate: a redelivered or older event
   * (scored_at not after the stored one) changes nothing. True when applied.
   */
  async upsertIfNewer(tx: Tx, row: EligibilityRow): Promise<boolean> {
    const table = tx.getRepository(CandidateEligibilityEntity).metadata.tablePath;
    const rows: unknown[] = await tx.query(
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
    const result = await tx.getRepository(CandidateEligibilityEntity).delete({ candidateId });
    return (result.affected ?? 0) > 0;
  }
}
