import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency webhooks: endpoints (secrets stored only wrapped by a master key),
 * the webhook outbox (one row per event and endpoint, written in the
 * transaction of the state change) and the delivery log (every attempt, kept
 * 30 days). docs/webhooks.md.
 */
export class CreateWebhooks1796301700347 implements MigrationInterface {
  name = 'CreateWebhooks1796301700347';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sourcing.webhook_endpoints (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2048),
      event_types text[] NOT NULL CHECK (cardinality(event_types) >= 1),
      -- The secret signs deliveries, so it must be readable: AES-256-GCM under a master key (never stored in clear).
      secret_key_id text NOT NULL,
      secret_wrapped bytea NOT NULL,
      previous_secret_key_id text,
      previous_secret_wrapped bytea,
      previous_secret_until timestamptz,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'deleted')),
      consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((previous_secret_wrapped IS NULL) = (previous_secret_until IS NULL))
    )`);
    await q.query('CREATE INDEX webhook_endpoints_agency_idx ON sourcing.webhook_endpoints (agency_id)');

    await q.query(`CREATE TABLE sourcing.webhook_events (
      id uuid PRIMARY KEY,
      -- Sent as Hiring-Event-Id; the same for every endpoint the event goes to.
      event_id uuid NOT NULL,
      seq bigserial NOT NULL UNIQUE,
      endpoint_id uuid NOT NULL REFERENCES sourcing.webhook_endpoints (id),
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      event_type text NOT NULL,
      -- Deliveries with the same key go out one after another, in seq order (the submission id).
      order_key text NOT NULL,
      submission_id uuid,
      candidate_id uuid,
      body text NOT NULL,
      created_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      first_attempt_at timestamptz,
      leased_until timestamptz,
      last_status_code integer,
      last_error text,
      finished_at timestamptz,
      erased boolean NOT NULL DEFAULT false,
      UNIQUE (event_id, endpoint_id)
    )`);
    await q.query("CREATE INDEX webhook_events_due_idx ON sourcing.webhook_events (next_attempt_at) WHERE status = 'pending'");
    await q.query("CREATE INDEX webhook_events_order_idx ON sourcing.webhook_events (endpoint_id, order_key, seq) WHERE status = 'pending'");
    await q.query('CREATE INDEX webhook_events_agency_idx ON sourcing.webhook_events (agency_id, created_at)');
    await q.query('CREATE INDEX webhook_events_submission_idx ON sourcing.webhook_events (submission_id)');
    await q.query('CREATE INDEX webhook_events_candidate_idx ON sourcing.webhook_events (candidate_id)');

    await q.query(`CREATE TABLE sourcing.webhook_attempts (
      id bigserial PRIMARY KEY,
      webhook_event_id uuid NOT NULL REFERENCES sourcing.webhook_events (id) ON DELETE CASCADE,
      event_id uuid NOT NULL,
      endpoint_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      attempt integer NOT NULL,
      attempted_at timestamptz NOT NULL,
      status_code integer,
      latency_ms integer NOT NULL CHECK (latency_ms >= 0),
      outcome text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'refused', 'expired')),
      error text
    )`);
    await q.query('CREATE INDEX webhook_attempts_agency_idx ON sourcing.webhook_attempts (agency_id, id)');
    await q.query('CREATE INDEX webhook_attempts_at_idx ON sourcing.webhook_attempts (attempted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sourcing.webhook_attempts');
    await q.query('DROP TABLE sourcing.webhook_events');
    await q.query('DROP TABLE sourcing.webhook_endpoints');
  }
}
