// The port through which use cases tell agencies what happened. Called inside
// the transaction of the state change: one row per event and subscribed
// endpoint goes into sourcing.webhook_events in that transaction, so a crash
// either loses both or neither. One statement per call, whatever the batch.
import { Injectable } from '@nestjs/common';
import { preparedStatement, runPrepared, type Tx } from '@hiring/platform';
import { newId } from '@hiring/contracts';
import type { WebhookEventType } from '@hiring/domain';

export interface WebhookNotice {
  agencyId: string;
  type: WebhookEventType;
  /** Notices with the same key reach an endpoint one after another, in the order enqueued (the submission id). */
  orderKey: string;
  submissionId?: string;
  /** Never sent; lets an erasure find and neutralise the rows of that person. */
  candidateId?: string;
  occurredAt: Date;
  /** The payload: ids, statuses, scores and what the agency itself sent, never identity. */
  data: Record<string, unknown>;
}

/** The JSON an endpoint receives (docs/webhooks.md). */
export function webhookBody(eventId: string, notice: WebhookNotice): string {
  return JSON.stringify({ id: eventId, type: notice.type, createdAt: notice.occurredAt.toISOString(), agencyId: notice.agencyId, data: notice.data });
}

// Endpoints not subscribed get nothing; a disabled endpoint still gets its rows (they wait for it to
// be enabled again); an erased candidate gets none, even from an event that arrives after the erasure.
const ENQUEUE = preparedStatement(`INSERT INTO sourcing.webhook_events
    (id, event_id, endpoint_id, agency_id, event_type, order_key, submission_id, candidate_id, body, created_at, next_attempt_at)
  SELECT gen_random_uuid(), n.event_id, e.id, e.agency_id, n.event_type, n.order_key, n.submission_id, n.candidate_id, n.body, n.at, n.at
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[])
         WITH ORDINALITY AS n(event_id, agency_id, event_type, order_key, submission_id, candidate_id, body, at, ord)
    JOIN sourcing.webhook_endpoints e ON e.agency_id = n.agency_id AND n.event_type = ANY (e.event_types) AND e.status <> 'deleted'
   WHERE n.candidate_id IS NULL OR NOT EXISTS (SELECT 1 FROM sourcing.erasures er WHERE er.candidate_id = n.candidate_id)
   ORDER BY n.ord, e.id
  RETURNING 1`);

const SUBSCRIPTIONS = preparedStatement(`SELECT agency_id, event_types FROM sourcing.webhook_endpoints WHERE agency_id = ANY($1::uuid[]) AND status <> 'deleted'`);

/**
 * Which agencies' endpoints take which notice types, read once for a batch:
 * most agencies have no endpoint, and then a caller builds no notice at all
 * (building them for nothing cost a few percent of sourcing's CPU on the
 * Kafka path, docs/performance.md "Sourcing CPU per candidate (lane 13a)").
 */
export class WebhookSubscriptions {
  static readonly NONE = new WebhookSubscriptions(new Set());

  private constructor(private readonly wanted: ReadonlySet<string>) {}

  static of(endpoints: readonly { agency_id: string; event_types: readonly string[] }[]): WebhookSubscriptions {
    return endpoints.length === 0 ? WebhookSubscriptions.NONE : new WebhookSubscriptions(new Set(endpoints.flatMap((e) => e.event_types.map((type) => `${e.agency_id} ${type}`))));
  }

  /** True when no agency of the batch has an endpoint: nothing to build. */
  get none(): boolean {
    return this.wanted.size === 0;
  }

  /** Whether some endpoint of this agency may take notices of this type. */
  wants(agencyId: string, type: WebhookEventType): boolean {
    return this.wanted.size > 0 && this.wanted.has(`${agencyId} ${type}`);
  }
}

@Injectable()
export class WebhookOutbox {
  /**
   * Returns the number of deliveries queued (notices times the agency's
   * endpoints subscribed to each). `subscriptions`: what the caller read with
   * subscriptionsOf for these agencies in this transaction, so they are not
   * read again; without it, they are read here.
   */
  async enqueue(tx: Tx, all: readonly WebhookNotice[], subscriptions?: WebhookSubscriptions): Promise<number> {
    if (all.length === 0) return 0;
    const known = subscriptions ?? (await this.subscriptionsOf(tx, all.map((n) => n.agencyId)));
    const notices = all.filter((n) => known.wants(n.agencyId, n.type));
    if (notices.length === 0) return 0;
    const eventIds = notices.map(() => newId());
    const rows = await runPrepared(tx, ENQUEUE, [
      eventIds,
      notices.map((n) => n.agencyId),
      notices.map((n) => n.type),
      notices.map((n) => n.orderKey),
      notices.map((n) => n.submissionId ?? null),
      notices.map((n) => n.candidateId ?? null),
      notices.map((n, i) => webhookBody(eventIds[i]!, n)),
      notices.map((n) => n.occurredAt.toISOString()),
    ]);
    return rows.length;
  }

  /**
   * The notice types some endpoint of these agencies may take (one small
   * read; none for no agency). The insert still joins the endpoints, so what
   * it writes does not depend on this read, only whether it is sent.
   */
  async subscriptionsOf(tx: Tx, agencyIds: Iterable<string>): Promise<WebhookSubscriptions> {
    const ids = [...new Set(agencyIds)];
    if (ids.length === 0) return WebhookSubscriptions.NONE;
    return WebhookSubscriptions.of(await runPrepared<{ agency_id: string; event_types: string[] }>(tx, SUBSCRIPTIONS, [ids]));
  }
}
