import { Injectable } from '@nestjs/common';
import { entityManagerOf, type Tx } from '@hiring/platform';

export interface TrackedSubmission {
  id: string;
  candidateId: string | null;
  status: string;
  /** What the agency's webhook names: its own submission, externalId and requisition. */
  agencyId: string;
  externalId: string;
  requisitionId: string;
}

export interface StatusChangeRow {
  submissionId: string;
  status: string;
  reason: string;
  at: Date;
}

/** Status reads and writes for a whole consumed batch: one statement each, rows locked for the transaction. */
@Injectable()
export class SubmissionProgressRepository {
  /**
   * The batch's submissions, locked for the status change. Screening and
   * scoring name submissions, offers name candidates: each kind is looked up
   * on its own index and only when the batch has it (an OR of the two made
   * Postgres combine bitmaps and recheck heap rows; an empty branch could
   * still be planned as a scan). `FOR NO KEY UPDATE` is the lock the status
   * UPDATE takes anyway; `FOR UPDATE` would also block other transactions'
   * foreign-key checks on these rows.
   */
  async lock(tx: Tx, submissionIds: string[], candidateIds: string[]): Promise<TrackedSubmission[]> {
    const params: string[][] = [];
    const wanted: string[] = [];
    if (submissionIds.length > 0) wanted.push(`SELECT unnest($${params.push(submissionIds)}::uuid[])`);
    if (candidateIds.length > 0) wanted.push(`SELECT id FROM sourcing.submissions WHERE candidate_id = ANY($${params.push(candidateIds)}::uuid[]) AND status <> 'duplicate'`);
    if (wanted.length === 0) return [];
    const rows: { id: string; candidate_id: string | null; status: string; agency_id: string; external_id: string; requisition_id: string }[] = await entityManagerOf(tx).query(
      `SELECT id, candidate_id, status, agency_id, external_id, requisition_id FROM sourcing.submissions
        WHERE id IN (${wanted.join(' UNION ')})
        ORDER BY id FOR NO KEY UPDATE`,
      params,
    );
    return rows.map((r) => ({ id: r.id, candidateId: r.candidate_id, status: r.status, agencyId: r.agency_id, externalId: r.external_id, requisitionId: r.requisition_id }));
  }

  async apply(tx: Tx, changes: StatusChangeRow[]): Promise<void> {
    if (changes.length === 0) return;
    const ids = changes.map((c) => c.submissionId);
    const statuses = changes.map((c) => c.status);
    const reasons = changes.map((c) => c.reason);
    const ats = changes.map((c) => c.at.toISOString());
    // updated_at is when sourcing recorded the change, not when the stage happened (the history keeps
    // that): agencies page and poll by updated_at, and a late event must not land behind their cursor.
    // One statement: each submission's last status of the batch, and every change in the history.
    await entityManagerOf(tx).query(
      `WITH c AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS c(id, status, reason, at, n)),
       last AS (SELECT DISTINCT ON (id) id, status FROM c ORDER BY id, n DESC),
       moved AS (UPDATE sourcing.submissions s SET status = last.status, updated_at = now() FROM last WHERE s.id = last.id)
       INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at)
       SELECT id, status, reason, at FROM c ORDER BY n`,
      [ids, statuses, reasons, ats],
    );
  }
}
