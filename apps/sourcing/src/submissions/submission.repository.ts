import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { RetryableConflict } from '../shared/retryable-conflict';
import { SubmissionEntity } from './submission.entity';

/** The transaction a use case runs in; passed to repositories and to the events publisher (outbox). */
export type SourcingTx = EntityManager;

export type NewSubmission = Omit<SubmissionEntity, 'status' | 'candidateId' | 'receivedAt' | 'updatedAt'>;

/** What idempotency needs of an earlier submission (no identity, no profile). */
export interface EarlierSubmission {
  id: string;
  agencyId: string;
  externalId: string;
  idempotencyKey: string | null;
  requestHash: string;
  status: string;
  candidateId: string | null;
}

export interface IdempotencyKeyRef {
  agencyId: string;
  externalId: string;
  idempotencyKey?: string;
}

/** A status a chunk of submissions reached, with the candidate it joined (if any). */
export interface SubmissionStatusChange {
  submissionId: string;
  status: string;
  candidateId: string | null;
  reason: string | null;
}

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
   * Earlier submissions matching any of these (agency, externalId) or (agency,
   * Idempotency-Key) pairs: one round trip for a whole chunk, each half on its unique index.
   */
  async findByIdempotencyMany(refs: readonly IdempotencyKeyRef[]): Promise<EarlierSubmission[]> {
    if (refs.length === 0) return [];
    const keyed = refs.filter((r) => r.idempotencyKey !== undefined);
    const rows: { id: string; agency_id: string; external_id: string; idempotency_key: string | null; request_hash: string; status: string; candidate_id: string | null }[] =
      await this.dataSource.query(
        `SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, s.status, s.candidate_id
           FROM sourcing.submissions s JOIN unnest($1::uuid[], $2::text[]) AS k(agency_id, external_id)
             ON s.agency_id = k.agency_id AND s.external_id = k.external_id
         UNION
         SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, s.status, s.candidate_id
           FROM sourcing.submissions s JOIN unnest($3::uuid[], $4::text[]) AS k(agency_id, idempotency_key)
             ON s.agency_id = k.agency_id AND s.idempotency_key = k.idempotency_key`,
        [refs.map((r) => r.agencyId), refs.map((r) => r.externalId), keyed.map((r) => r.agencyId), keyed.map((r) => r.idempotencyKey)],
      );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      externalId: r.external_id,
      idempotencyKey: r.idempotency_key,
      requestHash: r.request_hash,
      status: r.status,
      candidateId: r.candidate_id,
    }));
  }

  /**
   * Inserts a chunk of submissions as `received` with their first history row,
   * in one statement. A row whose externalId / Idempotency-Key the agency
   * already used (a concurrent twin won) is skipped: returns the ids inserted.
   */
  async insertReceivedMany(tx: SourcingTx, rows: readonly NewSubmission[], now: Date): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    // In (agency, externalId) order, so two chunks of one agency take the unique-index locks in one order.
    const sorted = [...rows].sort((a, b) => (a.agencyId === b.agencyId ? compare(a.externalId, b.externalId) : compare(a.agencyId, b.agencyId)));
    const col = <K extends keyof NewSubmission>(k: K) => sorted.map((r) => r[k]);
    const inserted: { id: string }[] = await tx.query(
      `WITH ins AS (
         INSERT INTO sourcing.submissions (id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
           candidate_name, candidate_email, candidate_phone, candidate_profile_url, profile, status, received_at, updated_at)
         SELECT id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
                candidate_name, candidate_email, candidate_phone, candidate_profile_url, profile::jsonb, 'received', $13, $13
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
                WITH ORDINALITY AS t(id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
                                     candidate_name, candidate_email, candidate_phone, candidate_profile_url, profile, n)
          ORDER BY n
         ON CONFLICT DO NOTHING
         RETURNING id),
       history AS (
         INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at) SELECT id, 'received', NULL, $13 FROM ins)
       SELECT id FROM ins`,
      [
        col('id'),
        col('agencyId'),
        col('externalId'),
        col('idempotencyKey'),
        col('requestHash'),
        col('channel'),
        col('requisitionId'),
        col('candidateName'),
        col('candidateEmail'),
        col('candidatePhone'),
        col('candidateProfileUrl'),
        sorted.map((r) => JSON.stringify(r.profile)),
        now,
      ],
    );
    return new Set(inserted.map((r) => r.id));
  }

  /** Moves a chunk of submissions to their next status and appends the history, in one statement. */
  async setStatusMany(tx: SourcingTx, changes: readonly SubmissionStatusChange[], now: Date): Promise<void> {
    if (changes.length === 0) return;
    await tx.query(
      `WITH c AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[]) WITH ORDINALITY AS c(id, status, candidate_id, reason, n)),
       moved AS (
         UPDATE sourcing.submissions s SET status = c.status, candidate_id = COALESCE(c.candidate_id, s.candidate_id), updated_at = $5
           FROM c WHERE s.id = c.id)
       INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at)
       SELECT id, status, reason, $5 FROM c ORDER BY n`,
      [changes.map((c) => c.submissionId), changes.map((c) => c.status), changes.map((c) => c.candidateId), changes.map((c) => c.reason), now],
    );
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
