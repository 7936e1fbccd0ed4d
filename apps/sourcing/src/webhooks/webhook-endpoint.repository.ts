import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SealedSecret } from './webhook-secrets';

export type EndpointStatus = 'active' | 'disabled' | 'deleted';

export interface WebhookEndpoint {
  id: string;
  agencyId: string;
  url: string;
  eventTypes: string[];
  status: EndpointStatus;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  previousSecretUntil: Date | null;
  createdAt: Date;
}

export interface NewEndpoint {
  id: string;
  agencyId: string;
  url: string;
  eventTypes: string[];
  secret: SealedSecret;
}

interface EndpointRow {
  id: string;
  agency_id: string;
  url: string;
  event_types: string[];
  status: EndpointStatus;
  consecutive_failures: number;
  disabled_at: Date | null;
  disabled_reason: string | null;
  previous_secret_until: Date | null;
  created_at: Date;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count] on Postgres, an INSERT with rows. */
export function returnedRows<T>(raw: unknown): T[] {
  return (Array.isArray(raw) && Array.isArray(raw[0]) ? raw[0] : raw) as T[];
}

const COLUMNS = 'id, agency_id, url, event_types, status, consecutive_failures, disabled_at, disabled_reason, previous_secret_until, created_at';

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  agencyId: r.agency_id,
  url: r.url,
  eventTypes: r.event_types,
  status: r.status,
  consecutiveFailures: r.consecutive_failures,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  previousSecretUntil: r.previous_secret_until,
  createdAt: r.created_at,
});

/** Endpoints of agencies. Every read and write names the agency, so one agency never reaches another's. */
@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly db: DataSource) {}

  async create(e: NewEndpoint): Promise<WebhookEndpoint> {
    const rows: EndpointRow[] = await this.db.query(
      `INSERT INTO sourcing.webhook_endpoints (id, agency_id, url, event_types, secret_key_id, secret_wrapped)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [e.id, e.agencyId, e.url, e.eventTypes, e.secret.keyId, e.secret.wrapped],
    );
    return toEndpoint(rows[0]!);
  }

  async list(agencyId: string | undefined): Promise<WebhookEndpoint[]> {
    const rows: EndpointRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM sourcing.webhook_endpoints WHERE ($1::uuid IS NULL OR agency_id = $1) AND status <> 'deleted' ORDER BY created_at, id`,
      [agencyId ?? null],
    );
    return rows.map(toEndpoint);
  }

  async find(agencyId: string | undefined, id: string): Promise<WebhookEndpoint | undefined> {
    const rows: EndpointRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM sourcing.webhook_endpoints WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2) AND status <> 'deleted'`,
      [id, agencyId ?? null],
    );
    return rows[0] && toEndpoint(rows[0]);
  }

  /** The old secret keeps signing until `previousUntil`; a second rotation inside the grace drops the oldest. */
  async rotateSecret(agencyId: string | undefined, id: string, secret: SealedSecret, previousUntil: Date): Promise<WebhookEndpoint | undefined> {
    const rows = returnedRows<EndpointRow>(await this.db.query(
      `UPDATE sourcing.webhook_endpoints
          SET previous_secret_key_id = secret_key_id, previous_secret_wrapped = secret_wrapped, previous_secret_until = $5,
              secret_key_id = $3, secret_wrapped = $4
        WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2) AND status <> 'deleted'
        RETURNING ${COLUMNS}`,
      [id, agencyId ?? null, secret.keyId, secret.wrapped, previousUntil],
    ));
    return rows[0] && toEndpoint(rows[0]);
  }

  async enable(agencyId: string | undefined, id: string): Promise<WebhookEndpoint | undefined> {
    const rows = returnedRows<EndpointRow>(await this.db.query(
      `UPDATE sourcing.webhook_endpoints SET status = 'active', consecutive_failures = 0, disabled_at = NULL, disabled_reason = NULL
        WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2) AND status <> 'deleted'
        RETURNING ${COLUMNS}`,
      [id, agencyId ?? null],
    ));
    return rows[0] && toEndpoint(rows[0]);
  }

  /** Deleted endpoints keep their rows for the delivery log; what was still queued for them is cancelled. */
  async delete(agencyId: string | undefined, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = returnedRows(await tx.query(
        `UPDATE sourcing.webhook_endpoints SET status = 'deleted' WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2) AND status <> 'deleted' RETURNING 1`,
        [id, agencyId ?? null],
      ));
      if (rows.length === 0) return false;
      await tx.query(`UPDATE sourcing.webhook_events SET status = 'cancelled', finished_at = now() WHERE endpoint_id = $1 AND status = 'pending'`, [id]);
      return true;
    });
  }
}
