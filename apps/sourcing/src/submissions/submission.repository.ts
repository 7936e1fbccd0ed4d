import { Injectable } from '@nestjs/common';
import { inGenericPlanTransaction, packValues, preparedStatement, runPrepared, textSlice, type Tx } from '@hiring/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { keysetTimeSql, type KeysetPosition } from '../shared/list-cursor';
import { RetryableConflict } from '../shared/retryable-conflict';
import type { SubmissionEntity } from './submission.entity';

/** A submission's own facts, before ownership decides its status and whose key seals its personal data. */
export type NewSubmission = Omit<SubmissionEntity, 'candidateId' | 'receivedAt' | 'personalData' | 'sealedFor'>;

/** A submission's facts with where it stands (its row in `sourcing.submission_states`). */
export type StoredSubmission = SubmissionEntity & { status: string; updatedAt: Date };

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

/** The submission's personal data, sealed for the person it is about (null: that person is erased). */
export interface SealedPersonalData {
  submissionId: string;
  sealedFor: string;
  personalData: string | null;
}

/** A submission as the intake writes it: settled by the ownership decision, its personal data sealed. */
export type SettledSubmission = NewSubmission & Omit<SubmissionStatusChange, 'submissionId'> & Omit<SealedPersonalData, 'submissionId'>;

/** What an agency's view of a submission needs: no personal data. */
export type SubmissionSummary = Pick<StoredSubmission, 'id' | 'externalId' | 'requisitionId' | 'status' | 'candidateId' | 'receivedAt' | 'updatedAt'>;

export interface AgencySubmissionFilter {
  status?: string;
  requisitionId?: string;
  updatedSince?: Date;
  /** Keyset position: rows strictly after it in (updated_at, id) order. */
  after?: KeysetPosition;
}

export interface StatusChange {
  status: string;
  reason: string | null;
  at: Date;
}

const RETRYABLE_PG_CODES = new Set(['40001', '40P01']); // serialization failure, deadlock

interface EarlierRow {
  id: string;
  agency_id: string;
  external_id: string;
  idempotency_key: string | null;
  request_hash: string;
  status: string;
  candidate_id: string | null;
}

const FIND_EARLIER = preparedStatement(`SELECT e.*, st.status
    FROM (SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, s.candidate_id
            FROM sourcing.submissions s JOIN unnest($1::uuid[], $2::text[]) AS k(agency_id, external_id)
              ON s.agency_id = k.agency_id AND s.external_id = k.external_id
          UNION
          SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, s.candidate_id
            FROM sourcing.submissions s JOIN unnest($3::uuid[], $4::text[]) AS k(agency_id, idempotency_key)
              ON s.agency_id = k.agency_id AND s.idempotency_key = k.idempotency_key) e
    JOIN sourcing.submission_states st ON st.submission_id = e.id`);

// A single submission's lookup: with scalar parameters the generic plan (a BitmapOr of the two unique
// indexes) costs what a custom one does, so Postgres stops planning it after five calls on a connection;
// the unnest form above is planned on every call (runPrepared outside a generic-plan transaction).
const FIND_EARLIER_ONE = preparedStatement(`SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, st.status, s.candidate_id
  FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id
 WHERE s.agency_id = $1 AND (s.external_id = $2 OR s.idempotency_key = $3)`);

// The sealed personal data (~3.6 KB a row) arrives packed in one binary parameter ($12, sliced by $14 and $15),
// not as a text[] literal Postgres parses with array_in (packValues: 45 -> 9 us of its CPU per value).
const INSERT_SETTLED = preparedStatement(`WITH c AS (
    SELECT u.*, ${textSlice('$12', 'u.pd_start', 'u.pd_length')} AS personal_data
      FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                  $8::text[], $9::uuid[], $10::text[], $11::uuid[], $14::int[], $15::int[]) WITH ORDINALITY
        AS u(id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
             status, candidate_id, reason, sealed_for, pd_start, pd_length, n)),
  ins AS (
    INSERT INTO sourcing.submissions (id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
                                      candidate_id, sealed_for, personal_data, received_at)
    SELECT id, agency_id, external_id, idempotency_key, request_hash, channel, requisition_id,
           candidate_id, sealed_for, personal_data, $13
      FROM c ORDER BY n
    ON CONFLICT DO NOTHING
    RETURNING id),
  state AS (
    INSERT INTO sourcing.submission_states (submission_id, agency_id, requisition_id, external_id, candidate_id, status, updated_at)
    SELECT c.id, c.agency_id, c.requisition_id, c.external_id, c.candidate_id, c.status, $13 FROM c JOIN ins USING (id)),
  history AS (
    INSERT INTO sourcing.submission_status_history (submission_id, status, reason, at)
    SELECT c.id, h.status, h.reason, $13
      FROM c JOIN ins USING (id)
           CROSS JOIN LATERAL (VALUES (1, 'received'::text, NULL::text), (2, c.status, c.reason)) AS h(k, status, reason)
     ORDER BY c.n, h.k)
  SELECT id FROM ins`);

@Injectable()
export class SubmissionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The unit of work a use case runs in; a Postgres serialisation failure or
   * deadlock comes back retryable. Its statements are prepared and set-based,
   * so they run on their generic plans (no planning per call).
   */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await inGenericPlanTransaction(this.dataSource, work);
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error as QueryFailedError & { code?: string }).code : undefined;
      if (code && RETRYABLE_PG_CODES.has(code)) throw new RetryableConflict(`transaction aborted by Postgres (${code})`);
      throw error;
    }
  }

  /**
   * Earlier submissions matching any of these (agency, externalId) or (agency,
   * Idempotency-Key) pairs: one round trip for a whole chunk, each half on its unique index.
   */
  async findByIdempotencyMany(refs: readonly IdempotencyKeyRef[]): Promise<EarlierSubmission[]> {
    if (refs.length === 0) return [];
    const [only] = refs;
    const keyed = refs.filter((r) => r.idempotencyKey !== undefined);
    const rows =
      refs.length === 1 && only
        ? await runPrepared<EarlierRow>(this.dataSource, FIND_EARLIER_ONE, [only.agencyId, only.externalId, only.idempotencyKey ?? null])
        : await runPrepared<EarlierRow>(this.dataSource, FIND_EARLIER, [
            refs.map((r) => r.agencyId),
            refs.map((r) => r.externalId),
            keyed.map((r) => r.agencyId),
            keyed.map((r) => r.idempotencyKey),
          ]);
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
   * Inserts a chunk of submissions already settled (`sourced` or `duplicate`,
   * with the candidate and the sealed personal data), their states and both
   * their history rows (`received`, then the status), in one statement. Written final, not
   * inserted as `received` and then updated: an UPDATE of a fresh row writes a
   * second tuple and every index entry again. A row whose externalId /
   * Idempotency-Key the agency already used (a concurrent twin won) is
   * skipped: returns the ids inserted.
   */
  insertSettledMany(tx: Tx, rows: readonly SettledSubmission[], now: Date): Promise<Set<string>> {
    if (rows.length === 0) return Promise.resolve(new Set());
    let params: unknown[];
    try {
      params = settledParams(rows, now);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // Not async, and the rows not kept: their sealed personal data (~4-5 KB of text
    // each) is packed into the statement's one binary parameter, and an async
    // function would hold the rows until the insert returns (lane 20a).
    return runPrepared<{ id: string }>(tx, INSERT_SETTLED, params).then((inserted) => new Set(inserted.map((r) => r.id)));
  }

  async findById(id: string): Promise<StoredSubmission | null> {
    return this.findOne('s.id = $1', [id]);
  }

  /** The agency's submission with its own id (unique per agency), or null: never another agency's. */
  async findByExternalId(agencyId: string, externalId: string): Promise<StoredSubmission | null> {
    return this.findOne('s.agency_id = $1 AND s.external_id = $2', [agencyId, externalId]);
  }

  private async findOne(where: string, params: unknown[]): Promise<StoredSubmission | null> {
    const rows: StoredSubmissionRow[] = await this.dataSource.query(
      `SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, s.channel, s.requisition_id, s.personal_data, s.sealed_for,
              s.candidate_id, s.received_at, st.status, st.updated_at
         FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id
        WHERE ${where}`,
      params,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      agencyId: r.agency_id,
      externalId: r.external_id,
      idempotencyKey: r.idempotency_key,
      requestHash: r.request_hash,
      channel: r.channel,
      requisitionId: r.requisition_id,
      personalData: r.personal_data,
      sealedFor: r.sealed_for,
      candidateId: r.candidate_id,
      receivedAt: new Date(r.received_at),
      status: r.status,
      updatedAt: new Date(r.updated_at),
    };
  }

  /**
   * One page of the agency's submissions in (updated_at, id) order, in one
   * statement: the page's states on submission_states_agency_updated_idx (or
   * its status / requisition sibling), each joined to its submission by id;
   * ask for `limit + 1` to know whether more follow.
   */
  async pageForAgency(agencyId: string, filter: AgencySubmissionFilter, limit: number): Promise<Array<{ submission: SubmissionSummary; position: KeysetPosition }>> {
    const rows: { id: string; external_id: string; requisition_id: string; status: string; candidate_id: string | null; received_at: Date; updated_at: Date; position: string }[] =
      await this.dataSource.query(
        `SELECT s.id, s.external_id, s.requisition_id, p.status, s.candidate_id, s.received_at, p.updated_at, p.position
           FROM (SELECT submission_id, status, updated_at, ${keysetTimeSql('updated_at')} AS position
                   FROM sourcing.submission_states
                  WHERE agency_id = $1
                    AND ($2::text IS NULL OR status = $2)
                    AND ($3::uuid IS NULL OR requisition_id = $3)
                    AND ($4::timestamptz IS NULL OR updated_at >= $4)
                    AND ($5::timestamptz IS NULL OR (updated_at, submission_id) > ($5::timestamptz, $6::uuid))
                  ORDER BY updated_at, submission_id
                  LIMIT $7) p
           JOIN sourcing.submissions s ON s.id = p.submission_id
          ORDER BY p.updated_at, p.submission_id`,
        [agencyId, filter.status ?? null, filter.requisitionId ?? null, filter.updatedSince ?? null, filter.after?.at ?? null, filter.after?.id ?? null, limit],
      );
    return rows.map((r) => ({
      submission: {
        id: r.id,
        externalId: r.external_id,
        requisitionId: r.requisition_id,
        status: r.status,
        candidateId: r.candidate_id,
        receivedAt: new Date(r.received_at),
        updatedAt: new Date(r.updated_at),
      },
      position: { at: r.position, id: r.id },
    }));
  }

  /** The status histories of many submissions in one statement, each in order. */
  async historyMany(submissionIds: readonly string[]): Promise<Map<string, StatusChange[]>> {
    const out = new Map<string, StatusChange[]>(submissionIds.map((id) => [id, []]));
    if (submissionIds.length === 0) return out;
    const rows: { submission_id: string; status: string; reason: string | null; at: Date }[] = await this.dataSource.query(
      'SELECT submission_id, status, reason, at FROM sourcing.submission_status_history WHERE submission_id = ANY($1::uuid[]) ORDER BY submission_id, id',
      [submissionIds],
    );
    for (const r of rows) out.get(r.submission_id)?.push({ status: r.status, reason: r.reason, at: new Date(r.at) });
    return out;
  }

  async history(submissionId: string): Promise<StatusChange[]> {
    const rows: { status: string; reason: string | null; at: Date }[] = await this.dataSource.query(
      'SELECT status, reason, at FROM sourcing.submission_status_history WHERE submission_id = $1 ORDER BY id',
      [submissionId],
    );
    return rows.map((r) => ({ status: r.status, reason: r.reason, at: new Date(r.at) }));
  }
}

interface StoredSubmissionRow {
  id: string;
  agency_id: string;
  external_id: string;
  idempotency_key: string | null;
  request_hash: string;
  channel: 'http' | 'kafka';
  requisition_id: string;
  personal_data: string | null;
  sealed_for: string | null;
  candidate_id: string | null;
  received_at: Date;
  status: string;
  updated_at: Date;
}

/** INSERT_SETTLED's parameters, the sealed personal data packed (packValues). */
function settledParams(rows: readonly SettledSubmission[], now: Date): unknown[] {
  // In (agency, externalId) order, so two chunks of one agency take the unique-index locks in one order.
  const sorted = [...rows].sort((a, b) => (a.agencyId === b.agencyId ? compare(a.externalId, b.externalId) : compare(a.agencyId, b.agencyId)));
  const col = <K extends keyof SettledSubmission>(k: K) => sorted.map((r) => r[k]);
  const personalData = packValues(col('personalData'));
  return [
    col('id'),
    col('agencyId'),
    col('externalId'),
    col('idempotencyKey'),
    col('requestHash'),
    col('channel'),
    col('requisitionId'),
    col('status'),
    col('candidateId'),
    col('reason'),
    col('sealedFor'),
    personalData.bytes,
    now,
    personalData.starts,
    personalData.lengths,
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
