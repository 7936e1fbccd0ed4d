import { Injectable } from '@nestjs/common';
import type { CandidateIdentifier, IdentifierKind, OwnershipClaim } from '@hiring/domain';
import { preparedStatement, runPrepared } from '@hiring/platform';
import { DataSource } from 'typeorm';
import type { IntakeRequisition } from '../requisitions/requisition.repository';
import { WebhookSubscriptions } from '../webhooks/webhook-outbox.repository';
import type { RequisitionStatus } from '../requisitions/requisition.entity';
import type { EarlierSubmission, IdempotencyKeyRef } from './submission.repository';

/** What the intake reads before its transaction: the requisitions named, and earlier submissions by externalId / Idempotency-Key. */
export interface IntakeContext {
  requisitions: IntakeRequisition[];
  earlier: EarlierSubmission[];
  /** The agency's webhook subscriptions, when the lookup read them too (an item alone); otherwise the transaction reads them. */
  subscriptions?: WebhookSubscriptions;
  /** The stored claims on the item's identifiers, when the lookup read them too (an item alone): its first attempt decides on them. */
  claims?: OwnershipClaim[];
}

interface ContextRow {
  requisition_id: string | null;
  requisition_status: RequisitionStatus | null;
  target_role: IntakeRequisition['targetRole'] | null;
  location_tier: IntakeRequisition['locationTier'] | null;
  id: string | null;
  agency_id: string;
  external_id: string;
  idempotency_key: string | null;
  request_hash: string;
  status: string;
  candidate_id: string | null;
  subscribed_types: string[] | null;
  /** Stored claims on the identifiers, as JSON (timestamps as ISO text), or null when there are none. */
  claims: { kind: IdentifierKind; value: string; agency_id: string; candidate_id: string; owned_from: string; owned_until: string }[] | null;
}

// A single submission's requisition and its earlier submissions in one round trip: a chunk asks two
// statements at once on two pooled connections, and for one item that fixed cost (two checkouts, two
// round trips) was most of the lookup. One row per earlier submission (none: one row of NULLs), each
// with the requisition (NULLs: unknown). Scalar parameters, so Postgres settles on a generic plan
// (the requisition by its key, a BitmapOr of the two unique indexes) after five calls on a connection.
// The agency's webhook subscriptions ride along (a round trip less in the transaction, where the
// intake otherwise reads them): the notices' INSERT joins the endpoints when it runs, so this read
// only decides whether notices are built, as the one in the transaction did (an endpoint created in
// between is, as before, a race either way). So do the stored claims on the submission's identifiers
// (a round trip less in the transaction): that read never locked anything, and a claim committed after
// it is caught where it always was, by the claim's ON CONFLICT, and the attempt retried with a fresh
// read in the transaction.
const FIND_ONE = preparedStatement(`SELECT r.id AS requisition_id, r.status AS requisition_status, r.target_role, r.location_tier,
       e.id, e.agency_id, e.external_id, e.idempotency_key, e.request_hash, e.status, e.candidate_id,
       (SELECT array_agg(DISTINCT t.type) FROM sourcing.webhook_endpoints we CROSS JOIN LATERAL unnest(we.event_types) AS t(type)
         WHERE we.agency_id = $1 AND we.status <> 'deleted') AS subscribed_types,
       (SELECT json_agg(json_build_object('kind', ci.kind, 'value', ci.value, 'agency_id', ci.agency_id, 'candidate_id', ci.candidate_id,
                                          'owned_from', ci.owned_from, 'owned_until', ci.owned_until))
          FROM sourcing.candidate_identifiers ci
         WHERE (ci.kind, ci.value) IN (SELECT * FROM unnest($5::text[], $6::text[]))) AS claims
  FROM (SELECT $4::uuid AS id) wanted
  LEFT JOIN sourcing.requisitions r ON r.id = wanted.id
  LEFT JOIN LATERAL (
       SELECT s.id, s.agency_id, s.external_id, s.idempotency_key, s.request_hash, st.status, s.candidate_id
         FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id
        WHERE s.agency_id = $1 AND (s.external_id = $2 OR s.idempotency_key = $3)) e ON true`);

/** The intake's first read for a submission that comes alone (a single POST, a Kafka batch of one). */
@Injectable()
export class IntakeLookupRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forOne(ref: IdempotencyKeyRef, requisitionId: string, identifiers: readonly CandidateIdentifier[]): Promise<IntakeContext> {
    const rows = await runPrepared<ContextRow>(this.dataSource, FIND_ONE, [
      ref.agencyId,
      ref.externalId,
      ref.idempotencyKey ?? null,
      requisitionId,
      identifiers.map((i) => i.kind),
      identifiers.map((i) => i.value),
    ]);
    const [first] = rows;
    const requisitions: IntakeRequisition[] =
      first?.requisition_id != null && first.requisition_status !== null && first.target_role !== null && first.location_tier !== null
        ? [{ id: first.requisition_id, status: first.requisition_status, targetRole: first.target_role, locationTier: first.location_tier }]
        : [];
    const earlier = rows.flatMap((r): EarlierSubmission[] =>
      r.id === null
        ? []
        : [{ id: r.id, agencyId: r.agency_id, externalId: r.external_id, idempotencyKey: r.idempotency_key, requestHash: r.request_hash, status: r.status, candidateId: r.candidate_id }],
    );
    const subscriptions = WebhookSubscriptions.of(first?.subscribed_types ? [{ agency_id: ref.agencyId, event_types: first.subscribed_types }] : []);
    const claims = (first?.claims ?? []).map(
      (c): OwnershipClaim => ({ kind: c.kind, value: c.value, agencyId: c.agency_id, candidateId: c.candidate_id, ownedFrom: new Date(c.owned_from), ownedUntil: new Date(c.owned_until) }),
    );
    return { requisitions, earlier, subscriptions, claims };
  }
}
