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

/** Status reads and writes for a whole consumed batch: one round trip each, rows locked for the transaction. */
@Injectable()
export class SubmissionProgressRepository {
  async lock(tx: Tx, submissionIds: string[], candidateIds: string[]): Promise<TrackedSubmission[]> {
    const rows: { id: string; candidate_id: string | null; status: string; agency_id: string; external_id: string; requisition_id: string }[] = await entityManagerOf(tx).query(
      `SELECT id, candidate_id, status, agency_id, external_id, requisition_id FROM sourcing.submissions
        WHERE id = ANY($1::uuid[]) OR (candidate_id = ANY($2::uuid[]) AND status <> 'duplicate')
        ORDER BY id FOR UPDATE`,
      [submissionIds, candidateIds],
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
    await entityManagerOf(tx).query(
      `UPDATE sourcing.submissions s SET status = c.status, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS c(id, status, at)
        WHERE s.id = c.id`,
      [ids, statuses, ats],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])`,
      [ids, statuses, reasons, ats],
    );
  }
}
