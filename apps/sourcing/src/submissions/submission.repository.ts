import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { RetryableConflict } from '../shared/retryable-conflict';
import { SubmissionEntity } from './submission.entity';

/** The transaction a use case runs in; passed to repositories and to the events publisher (outbox). */
export type SourcingTx = EntityManager;

export type NewSubmission = Omit<SubmissionEntity, 'status' | 'candidateId' | 'receivedAt' | 'updatedAt'>;

export interface StatusChange {
  status: string;
  reason: string | null;
  at: Date;
}

const RETRYABLE_PG_CODES = new Set(['40001', '40P01']); // serialization failure, deadlock

@Injectable()
export class SubmissionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async transaction<T>(work: (tx: SourcingTx) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error as QueryFailedError & { code?: string }).code : undefined;
      if (code && RETRYABLE_PG_CODES.has(code)) throw new RetryableConflict(`transaction aborted by Postgres (${code})`);
      throw error;
    }
  }

  /** Earlier submissions of this agency with this externalId or Idempotency-Key (at most two rows). */
  findByIdempotency(agencyId: string, externalId: string, idempotencyKey: string | undefined): Promise<SubmissionEntity[]> {
    const qb = this.dataSource
      .getRepository(SubmissionEntity)
      .createQueryBuilder('s')
      .where('s.agency_id = :agencyId', { agencyId })
      .andWhere(idempotencyKey ? '(s.external_id = :externalId OR s.idempotency_key = :idempotencyKey)' : 's.external_id = :externalId', {
        externalId,
        idempotencyKey,
      });
    return qb.getMany();
  }

  /**
   * Inserts the submission as `received`, or nothing when the agency already
   * has one with this externalId / Idempotency-Key (a concurrent twin won).
   */
  async insertReceived(tx: SourcingTx, s: NewSubmission, now: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO sourcing.submissions (id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
         candidate_name, candidate_email, candidate_phone, candidate_profile_url, profile, status, received_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'received', $13, $13)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [s.id, s.agencyId, s.externalId, s.idempotencyKey, s.requestHash, s.channel, s.requisitionId, s.candidateName, s.candidateEmail, s.candidatePhone, s.candidateProfileUrl, JSON.stringify(s.profile), now],
    );
    if (rows.length === 0) return false;
    await this.appendHistory(tx, s.id, 'received', null, now);
    return true;
  }

  async setStatus(tx: SourcingTx, submissionId: string, status: string, candidateId: string | null, reason: string | null, now: Date): Promise<void> {
    await tx.query(`UPDATE sourcing.submissions SET status = $2, candidate_id = COALESCE($3, candidate_id), updated_at = $4 WHERE id = $1`, [
      submissionId,
      status,
      candidateId,
      now,
    ]);
    await this.appendHistory(tx, submissionId, status, reason, now);
  }

  findById(id: string): Promise<SubmissionEntity | null> {
    return this.dataSource.getRepository(SubmissionEntity).findOneBy({ id });
  }

  async history(submissionId: string): Promise<StatusChange[]> {
    const rows: { status: string; reason: string | null; at: Date }[] = await this.dataSource.query(
      'SELECT status, reason, at FROM sourcing.submission_status_history WHERE submission_id = $1 ORDER BY id',
      [submissionId],
    );
    return rows.map((r) => ({ status: r.status, reason: r.reason, at: new Date(r.at) }));
  }

  private async appendHistory(tx: SourcingTx, submissionId: string, status: string, reason: string | null, at: Date): Promise<void> {
    await tx.query('INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at) VALUES ($1, $2, $3, $4)', [submissionId, status, reason, at]);
  }
}
