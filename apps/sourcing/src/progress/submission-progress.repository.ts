import { Injectable } from '@nestjs/common';
import type { StageMarks } from '@hiring/domain';
import { preparedStatement, runPrepared, type Tx } from '@hiring/platform';
import { WebhookSubscriptions } from '../webhooks/webhook-outbox.repository';

export interface TrackedSubmission {
  id: string;
  /** Where the locked state row is (its ctid): the write-back finds it there, see APPLY. Opaque outside this file. */
  rowAddress: string;
  candidateId: string | null;
  status: string;
  marks: StageMarks;
  /** What the agency's webhook names: its own submission, externalId and requisition. */
  agencyId: string;
  externalId: string;
  requisitionId: string;
}

/** Where a submission ends after the batch: its status (changed or not) and its marks. */
export interface SubmissionStateRow {
  submissionId: string;
  /** The row's address from `lock` in this transaction (TrackedSubmission.rowAddress). */
  rowAddress: string;
  status: string;
  statusChanged: boolean;
  marks: StageMarks;
}

export interface StatusChangeRow {
  submissionId: string;
  status: string;
  reason: string;
  at: Date;
}

interface TrackedRow {
  id: string;
  row_address: string;
  candidate_id: string | null;
  status: string;
  screened_at: Date | null;
  scored_at: Date | null;
  offer_decided_at: Date | null;
  agency_id: string;
  external_id: string;
  requisition_id: string;
  /** On the first row only: the batch's agencies' endpoints (not deleted), or null when there are none. */
  subscriptions: { agency_id: string; event_types: string[] }[] | null;
}

/** The batch's submissions, locked, and whether their agencies take webhook notices. */
export interface LockedBatch {
  tracked: TrackedSubmission[];
  subscriptions: WebhookSubscriptions;
}

/**
 * The batch's states, locked for the change, in submission order (two
 * instances briefly sharing a partition, during a rebalance, take the locks in
 * one order: the second waits, then reads the first one's marks). Each state
 * carries what the webhooks name (agency, requisition, external_id,
 * candidate), so the read never touches the wide submission row. Screening and
 * scoring name submissions, offers name candidates: each kind has a statement
 * of its own, on its own index (an OR of the two made Postgres combine bitmaps
 * and recheck heap rows). A duplicate has no candidate, so an offer never
 * reaches one. `FOR NO KEY UPDATE` is the lock the UPDATE takes anyway.
 */
const LOCK_COLUMNS = 'submission_id AS id, ctid::text AS row_address, candidate_id, status, screened_at, scored_at, offer_decided_at, agency_id, external_id, requisition_id';
/**
 * The lock with, on its first row, the webhook subscriptions of the batch's
 * agencies (a round trip less per batch: three per submission, one for each
 * status it reaches). Read in the same transaction as before, after the locks,
 * so what the notices see is unchanged; the notices' INSERT still joins the
 * endpoints when it runs. The subquery does not depend on the row: Postgres
 * runs it once.
 */
const lockWithSubscriptions = (lock: string) =>
  preparedStatement(`WITH locked AS MATERIALIZED (${lock})
SELECT l.*, CASE WHEN row_number() OVER (ORDER BY l.id) = 1 THEN
         (SELECT json_agg(json_build_object('agency_id', we.agency_id, 'event_types', we.event_types))
            FROM sourcing.webhook_endpoints we
           WHERE we.agency_id IN (SELECT agency_id FROM locked) AND we.status <> 'deleted') END AS subscriptions
  FROM locked l ORDER BY l.id`);
const LOCK_BY_SUBMISSION = lockWithSubscriptions(`SELECT ${LOCK_COLUMNS} FROM sourcing.submission_states
  WHERE submission_id = ANY($1::uuid[]) ORDER BY submission_id FOR NO KEY UPDATE`);
const LOCK_BY_CANDIDATE = lockWithSubscriptions(`SELECT ${LOCK_COLUMNS} FROM sourcing.submission_states
  WHERE submission_id IN (SELECT id FROM sourcing.submissions WHERE candidate_id = ANY($1::uuid[])) ORDER BY submission_id FOR NO KEY UPDATE`);
const LOCK_BY_EITHER = lockWithSubscriptions(`SELECT ${LOCK_COLUMNS} FROM sourcing.submission_states
  WHERE submission_id IN (SELECT unnest($1::uuid[]) UNION SELECT id FROM sourcing.submissions WHERE candidate_id = ANY($2::uuid[]))
  ORDER BY submission_id FOR NO KEY UPDATE`);

/**
 * Each submission's state after the batch, and every status change in the
 * history, in one statement. updated_at is when sourcing recorded the change,
 * not when the stage happened (the history keeps that): agencies page and
 * poll by updated_at, and a late event must not land behind their cursor.
 * A state whose status did not change keeps its updated_at, so moving only
 * a mark touches no indexed column (a HOT update, no index entries).
 *
 * The states are found by the address the lock read (`ctid`), one heap page
 * each, instead of a descent of the primary key per row (~15 % of the
 * UPDATE's buffers: docs/performance.md, "Postgres per candidate (lane
 * 20c)"). The address cannot move in between: the row is locked by this
 * transaction, so nobody else updates or deletes it, and pruning and vacuum
 * never move a live row (VACUUM FULL and CLUSTER wait for the table lock the
 * lock statement holds). The id is checked too, and the statement returns how
 * many states it moved: `apply` refuses to commit a write-back that missed one.
 */
const APPLY = preparedStatement(`WITH u AS (SELECT * FROM unnest($1::uuid[], $2::tid[], $3::text[], $4::boolean[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
                  AS u(id, row_address, status, changed, screened_at, scored_at, offer_decided_at)),
     moved AS (
       UPDATE sourcing.submission_states st
          SET status = u.status, updated_at = CASE WHEN u.changed THEN now() ELSE st.updated_at END,
              screened_at = u.screened_at, scored_at = u.scored_at, offer_decided_at = u.offer_decided_at
         FROM u WHERE st.ctid = u.row_address AND st.submission_id = u.id
       RETURNING 1),
     history AS (
       INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at)
       SELECT id, status, reason, at FROM unnest($8::uuid[], $9::text[], $10::text[], $11::timestamptz[]) WITH ORDINALITY AS c(id, status, reason, at, n)
        ORDER BY n)
SELECT count(*)::int AS moved FROM moved`);

/**
 * Status reads and writes for a whole consumed batch: one statement each, the
 * batch's `submission_states` rows locked for the transaction. The status
 * lives in that narrow table (not the wide submission row, which is written
 * once), so a change rewrites four small index entries instead of eight. Both
 * are named prepared statements: parsed and planned once per connection, not
 * on every batch.
 */
@Injectable()
export class SubmissionProgressRepository {
  /** The batch's submissions, their states locked for the change, and their agencies' webhook subscriptions. */
  async lock(tx: Tx, submissionIds: string[], candidateIds: string[]): Promise<LockedBatch> {
    if (submissionIds.length === 0 && candidateIds.length === 0) return { tracked: [], subscriptions: WebhookSubscriptions.NONE };
    const rows =
      candidateIds.length === 0
        ? await runPrepared<TrackedRow>(tx, LOCK_BY_SUBMISSION, [submissionIds])
        : submissionIds.length === 0
          ? await runPrepared<TrackedRow>(tx, LOCK_BY_CANDIDATE, [candidateIds])
          : await runPrepared<TrackedRow>(tx, LOCK_BY_EITHER, [submissionIds, candidateIds]);
    const tracked = rows.map((r) => ({
      id: r.id,
      rowAddress: r.row_address,
      candidateId: r.candidate_id,
      status: r.status,
      marks: { screened: dateOrNull(r.screened_at), scored: dateOrNull(r.scored_at), 'offer-decided': dateOrNull(r.offer_decided_at) },
      agencyId: r.agency_id,
      externalId: r.external_id,
      requisitionId: r.requisition_id,
    }));
    return { tracked, subscriptions: WebhookSubscriptions.of(rows[0]?.subscriptions ?? []) };
  }

  async apply(tx: Tx, states: SubmissionStateRow[], changes: StatusChangeRow[]): Promise<void> {
    if (states.length === 0) return;
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const [result] = await runPrepared<{ moved: number }>(tx, APPLY, [
      states.map((s) => s.submissionId),
      states.map((s) => s.rowAddress),
      states.map((s) => s.status),
      states.map((s) => s.statusChanged),
      states.map((s) => iso(s.marks.screened)),
      states.map((s) => iso(s.marks.scored)),
      states.map((s) => iso(s.marks['offer-decided'])),
      changes.map((c) => c.submissionId),
      changes.map((c) => c.status),
      changes.map((c) => c.reason),
      changes.map((c) => c.at.toISOString()),
    ]);
    // Every state was locked by `lock` in this transaction, so each is where it was read: a miss is a bug, and
    // committing would drop a status silently (its history row would still be written).
    if (result?.moved !== states.length) throw new Error(`Status write-back moved ${result?.moved ?? 0} of ${states.length} submission states: the rows were not locked by this transaction.`);
  }
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
