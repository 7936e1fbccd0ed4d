// The dispatcher's SQL: claim a batch of due deliveries, record a batch of
// attempts, purge old ones. A few statements per batch, never one per row.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from './webhook-endpoint.repository';
import type { SealedSecret } from './webhook-secrets';

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  agencyId: string;
  eventType: string;
  body: string;
  /** This attempt's number, 1 for the first. */
  attempt: number;
  firstAttemptAt: Date;
  url: string;
  secret: SealedSecret;
  previousSecret: SealedSecret | null;
}

export type AttemptOutcome = 'delivered' | 'retry' | 'refused' | 'expired';

export interface AttemptRecord {
  delivery: ClaimedDelivery;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  outcome: AttemptOutcome;
  error: string | null;
  /** For a retry: when the next attempt is due. */
  nextAttemptAt: Date | null;
}

export interface EndpointFailures {
  endpointId: string;
  /** True when an attempt in the batch succeeded: the count restarts from `failures` (those after the last success). */
  reset: boolean;
  failures: number;
  lastError: string | null;
}

interface ClaimRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  agency_id: string;
  event_type: string;
  body: string;
  attempts: number;
  first_attempt_at: Date;
  url: string;
  secret_key_id: string;
  secret_wrapped: Buffer;
  previous_secret_key_id: string | null;
  previous_secret_wrapped: Buffer | null;
  previous_secret_until: Date | null;
}

@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Due deliveries of active endpoints, each the earliest still pending of its
   * submission at its endpoint (strict order: a later event waits for the
   * earlier one to be delivered or given up). SKIP LOCKED lets any number of
   * dispatchers claim side by side; the lease keeps a claimed row from being
   * sent twice while its request is in flight, and lets another dispatcher
   * take it over if this one dies.
   */
  async claim(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    const rows = returnedRows<ClaimRow>(
      await this.db.query(
        `WITH due AS (
           SELECT w.id FROM sourcing.webhook_events w
             JOIN sourcing.webhook_endpoints e ON e.id = w.endpoint_id AND e.status = 'active'
            WHERE w.status = 'pending' AND w.next_attempt_at <= $1 AND (w.leased_until IS NULL OR w.leased_until < $1)
              AND NOT EXISTS (SELECT 1 FROM sourcing.webhook_events b
                               WHERE b.endpoint_id = w.endpoint_id AND b.order_key = w.order_key AND b.status = 'pending' AND b.seq < w.seq)
            ORDER BY w.next_attempt_at, w.seq
            LIMIT $2
            FOR UPDATE OF w SKIP LOCKED)
         UPDATE sourcing.webhook_events w
            SET leased_until = $3, attempts = w.attempts + 1, first_attempt_at = COALESCE(w.first_attempt_at, $1)
           FROM due, sourcing.webhook_endpoints e
          WHERE w.id = due.id AND e.id = w.endpoint_id
          RETURNING w.id, w.event_id, w.endpoint_id, w.agency_id, w.event_type, w.body, w.attempts, w.first_attempt_at, e.url,
                    e.secret_key_id, e.secret_wrapped, e.previous_secret_key_id, e.previous_secret_wrapped, e.previous_secret_until`,
        [now, limit, leaseUntil],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      endpointId: r.endpoint_id,
      agencyId: r.agency_id,
      eventType: r.event_type,
      body: r.body,
      attempt: r.attempts,
      firstAttemptAt: new Date(r.first_attempt_at),
      url: r.url,
      secret: { keyId: r.secret_key_id, wrapped: r.secret_wrapped },
      previousSecret:
        r.previous_secret_wrapped && r.previous_secret_key_id && r.previous_secret_until && new Date(r.previous_secret_until) > now
          ? { keyId: r.previous_secret_key_id, wrapped: r.previous_secret_wrapped }
          : null,
    }));
  }

  /**
   * One transaction for a batch of attempts: the log rows, the deliveries'
   * new state, and the endpoints' failure counts (disabling those that reached
   * the limit). Returns the endpoints disabled now.
   */
  async record(attempts: readonly AttemptRecord[], failures: readonly EndpointFailures[], disableAfter: number, now: Date): Promise<string[]> {
    if (attempts.length === 0) return [];
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO sourcing.webhook_attempts (webhook_event_id, event_id, endpoint_id, agency_id, attempt, attempted_at, status_code, latency_ms, outcome, error)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::timestamptz[], $7::int[], $8::int[], $9::text[], $10::text[])`,
        [
          attempts.map((a) => a.delivery.id),
          attempts.map((a) => a.delivery.eventId),
          attempts.map((a) => a.delivery.endpointId),
          attempts.map((a) => a.delivery.agencyId),
          attempts.map((a) => a.delivery.attempt),
          attempts.map((a) => a.attemptedAt.toISOString()),
          attempts.map((a) => a.statusCode),
          attempts.map((a) => a.latencyMs),
          attempts.map((a) => a.outcome),
          attempts.map((a) => a.error),
        ],
      );
      // A row cancelled meanwhile (erasure, endpoint deleted) stays cancelled.
      await tx.query(
        `UPDATE sourcing.webhook_events w
            SET status = CASE u.outcome WHEN 'delivered' THEN 'delivered' WHEN 'retry' THEN 'pending' ELSE 'failed' END,
                next_attempt_at = COALESCE(u.next_at, w.next_attempt_at),
                finished_at = CASE WHEN u.outcome = 'retry' THEN NULL ELSE $5::timestamptz END,
                last_status_code = u.status_code, last_error = u.error, leased_until = NULL
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $6::text[]) AS u(id, outcome, next_at, status_code, error)
          WHERE w.id = u.id AND w.status = 'pending'`,
        [
          attempts.map((a) => a.delivery.id),
          attempts.map((a) => a.outcome),
          attempts.map((a) => a.nextAttemptAt?.toISOString() ?? null),
          attempts.map((a) => a.statusCode),
          now.toISOString(),
          attempts.map((a) => a.error),
        ],
      );
      if (failures.length === 0) return [];
      const disabled = returnedRows<{ id: string; disabled_now: boolean }>(
        await tx.query(
          `UPDATE sourcing.webhook_endpoints e
              SET consecutive_failures = CASE WHEN f.reset THEN f.failures ELSE e.consecutive_failures + f.failures END,
                  status = CASE WHEN e.status = 'active' AND (CASE WHEN f.reset THEN f.failures ELSE e.consecutive_failures + f.failures END) >= $5::int
                                THEN 'disabled' ELSE e.status END,
                  disabled_at = CASE WHEN e.status = 'active' AND (CASE WHEN f.reset THEN f.failures ELSE e.consecutive_failures + f.failures END) >= $5::int
                                     THEN $6::timestamptz ELSE e.disabled_at END,
                  disabled_reason = CASE WHEN e.status = 'active' AND (CASE WHEN f.reset THEN f.failures ELSE e.consecutive_failures + f.failures END) >= $5::int
                                         THEN $5::int || ' consecutive failed attempts; last: ' || coalesce(f.last_error, 'unknown') ELSE e.disabled_reason END
             FROM unnest($1::uuid[], $2::boolean[], $3::int[], $4::text[]) AS f(id, reset, failures, last_error)
            WHERE e.id = f.id
            RETURNING e.id, e.status = 'disabled' AND e.disabled_at = $6::timestamptz AS disabled_now`,
          [failures.map((f) => f.endpointId), failures.map((f) => f.reset), failures.map((f) => f.failures), failures.map((f) => f.lastError), disableAfter, now.toISOString()],
        ),
      );
      return disabled.filter((d) => d.disabled_now).map((d) => d.id);
    });
  }

  /** The delivery log and finished deliveries older than the retention; pending ones stay whatever their age. */
  async purge(before: Date): Promise<{ attempts: number; deliveries: number }> {
    const attempts = returnedRows(await this.db.query('DELETE FROM sourcing.webhook_attempts WHERE attempted_at < $1 RETURNING 1', [before])).length;
    const deliveries = returnedRows(
      await this.db.query(`DELETE FROM sourcing.webhook_events WHERE status <> 'pending' AND coalesce(finished_at, created_at) < $1 RETURNING 1`, [before]),
    ).length;
    return { attempts, deliveries };
  }
}
