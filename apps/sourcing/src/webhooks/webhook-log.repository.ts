// Reads of the delivery log and of webhook health, redelivery, and the
// erasure of queued webhooks. Agency reads always filter by agency.
import { Injectable } from '@nestjs/common';
import { entityManagerOf, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { returnedRows } from './webhook-endpoint.repository';
import type { WebhookHealthTotals } from './webhook.metrics';

export interface DeliveryAttempt {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  agencyId: string;
  attempt: number;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  outcome: string;
  error: string | null;
  /** Where the event stands now: pending, delivered, failed, cancelled. */
  deliveryStatus: string;
}

export interface DeliveryLogQuery {
  agencyId?: string;
  endpointId?: string;
  eventId?: string;
  /** Attempts with an id below this (the cursor); newest first. */
  beforeId?: string;
  limit: number;
}

export interface RedeliverySelection {
  agencyId?: string;
  eventId?: string;
  from?: Date;
  to?: Date;
  endpointId?: string;
}

export interface AgencyWebhookHealth {
  agencyId: string;
  agencyName: string;
  endpoints: number;
  disabledEndpoints: number;
  pending: number;
  failedLast24h: number;
  deliveredLast24h: number;
  lastDeliveredAt: Date | null;
  oldestPendingAt: Date | null;
  disabled: { endpointId: string; url: string; disabledAt: Date | null; reason: string | null }[];
}

interface AttemptRow {
  id: string;
  event_id: string;
  event_type: string;
  endpoint_id: string;
  agency_id: string;
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  latency_ms: number;
  outcome: string;
  error: string | null;
  delivery_status: string;
}

@Injectable()
export class WebhookLogRepository {
  constructor(private readonly db: DataSource) {}

  async attempts(q: DeliveryLogQuery): Promise<DeliveryAttempt[]> {
    const rows: AttemptRow[] = await this.db.query(
      `SELECT a.id::text AS id, a.event_id, w.event_type, a.endpoint_id, a.agency_id, a.attempt, a.attempted_at, a.status_code, a.latency_ms, a.outcome, a.error,
              w.status AS delivery_status
         FROM sourcing.webhook_attempts a JOIN sourcing.webhook_events w ON w.id = a.webhook_event_id
        WHERE ($1::uuid IS NULL OR a.agency_id = $1) AND ($2::uuid IS NULL OR a.endpoint_id = $2) AND ($3::uuid IS NULL OR a.event_id = $3)
          AND ($4::bigint IS NULL OR a.id < $4)
        ORDER BY a.id DESC LIMIT $5`,
      [q.agencyId ?? null, q.endpointId ?? null, q.eventId ?? null, q.beforeId ?? null, q.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      endpointId: r.endpoint_id,
      agencyId: r.agency_id,
      attempt: r.attempt,
      attemptedAt: new Date(r.attempted_at),
      statusCode: r.status_code,
      latencyMs: r.latency_ms,
      outcome: r.outcome,
      error: r.error,
      deliveryStatus: r.delivery_status,
    }));
  }

  /**
   * Queues finished deliveries again (one event, or every event created in a
   * time range), keeping their event ids and their order. Pending ones are
   * left alone; an erased candidate's are never sent again.
   */
  async redeliver(s: RedeliverySelection, now: Date): Promise<number> {
    const rows = returnedRows(
      await this.db.query(
        `UPDATE sourcing.webhook_events w
            SET status = 'pending', attempts = 0, first_attempt_at = NULL, next_attempt_at = $6, finished_at = NULL, leased_until = NULL
           FROM sourcing.webhook_endpoints e
          WHERE e.id = w.endpoint_id AND e.status <> 'deleted' AND w.status IN ('delivered', 'failed') AND NOT w.erased
            AND ($1::uuid IS NULL OR w.agency_id = $1) AND ($2::uuid IS NULL OR w.event_id = $2)
            AND ($3::timestamptz IS NULL OR w.created_at >= $3) AND ($4::timestamptz IS NULL OR w.created_at < $4)
            AND ($5::uuid IS NULL OR w.endpoint_id = $5)
          RETURNING 1`,
        [s.agencyId ?? null, s.eventId ?? null, s.from?.toISOString() ?? null, s.to?.toISOString() ?? null, s.endpointId ?? null, now.toISOString()],
      ),
    );
    return rows.length;
  }

  async totals(): Promise<WebhookHealthTotals> {
    const [row]: { disabled: string; pending: string }[] = await this.db.query(
      `SELECT (SELECT count(*) FROM sourcing.webhook_endpoints WHERE status = 'disabled') AS disabled,
              (SELECT count(*) FROM sourcing.webhook_events WHERE status = 'pending') AS pending`,
    );
    return { disabledEndpoints: Number(row?.disabled ?? 0), pendingDeliveries: Number(row?.pending ?? 0) };
  }

  /** One row per agency with an endpoint: what the monitor shows. Set-based, whatever the number of agencies. */
  async healthByAgency(now: Date): Promise<AgencyWebhookHealth[]> {
    const since = new Date(now.getTime() - 86_400_000).toISOString();
    const rows: {
      agency_id: string;
      agency_name: string;
      endpoints: string;
      disabled_endpoints: string;
      pending: string;
      failed: string;
      delivered: string;
      last_delivered_at: Date | null;
      oldest_pending_at: Date | null;
      disabled: { endpointId: string; url: string; disabledAt: string | null; reason: string | null }[] | null;
    }[] = await this.db.query(
      `SELECT g.id AS agency_id, g.name AS agency_name,
              count(*) AS endpoints,
              count(*) FILTER (WHERE e.status = 'disabled') AS disabled_endpoints,
              coalesce(sum(w.pending), 0) AS pending, coalesce(sum(w.failed), 0) AS failed, coalesce(sum(w.delivered), 0) AS delivered,
              max(w.last_delivered_at) AS last_delivered_at, min(w.oldest_pending_at) AS oldest_pending_at,
              jsonb_agg(jsonb_build_object('endpointId', e.id, 'url', e.url, 'disabledAt', e.disabled_at, 'reason', e.disabled_reason))
                FILTER (WHERE e.status = 'disabled') AS disabled
         FROM sourcing.webhook_endpoints e
         JOIN sourcing.agencies g ON g.id = e.agency_id
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
                  count(*) FILTER (WHERE status = 'failed' AND finished_at >= $1) AS failed,
                  count(*) FILTER (WHERE status = 'delivered' AND finished_at >= $1) AS delivered,
                  max(finished_at) FILTER (WHERE status = 'delivered') AS last_delivered_at,
                  min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending_at
             FROM sourcing.webhook_events WHERE endpoint_id = e.id) w ON true
        WHERE e.status <> 'deleted'
        GROUP BY g.id, g.name
        ORDER BY g.name`,
      [since],
    );
    return rows.map((r) => ({
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      endpoints: Number(r.endpoints),
      disabledEndpoints: Number(r.disabled_endpoints),
      pending: Number(r.pending),
      failedLast24h: Number(r.failed),
      deliveredLast24h: Number(r.delivered),
      lastDeliveredAt: r.last_delivered_at && new Date(r.last_delivered_at),
      oldestPendingAt: r.oldest_pending_at && new Date(r.oldest_pending_at),
      disabled: (r.disabled ?? []).map((d) => ({ endpointId: d.endpointId, url: d.url, disabledAt: d.disabledAt ? new Date(d.disabledAt) : null, reason: d.reason })),
    }));
  }

  /**
   * Erasure: nothing more is sent about the person, and nothing about them
   * can be redelivered. Queued rows are cancelled and every row's body is
   * blanked (it held their submission's externalId, which the agency may have
   * built from the person). Reaches duplicates of the person too.
   */
  async eraseCandidate(tx: Tx, candidateId: string, now: Date): Promise<number> {
    const rows = returnedRows(
      await entityManagerOf(tx).query(
        `UPDATE sourcing.webhook_events
            SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
                finished_at = coalesce(finished_at, $2), body = '{}', erased = true, leased_until = NULL
          WHERE (candidate_id = $1 OR submission_id IN (SELECT submission_id FROM sourcing.duplicates WHERE owner_candidate_id = $1))
            AND NOT erased
          RETURNING 1`,
        [candidateId, now.toISOString()],
      ),
    );
    return rows.length;
  }
}
