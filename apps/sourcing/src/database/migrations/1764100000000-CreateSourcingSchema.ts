import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sourcing schema. Rules the database enforces itself, not only the code:
 * one owner per normalised identifier (the duplicate race is settled by the
 * primary key of candidate_identifiers), one submission per agency and
 * externalId / Idempotency-Key, key hashes unique, statuses well-formed.
 * Identity (name, email, phone, profile URL) is PII and lives only here.
 */
export class CreateSourcingSchema1764100000000 implements MigrationInterface {
  name = 'CreateSourcingSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sourcing.agencies (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      -- HMAC secret for the Kafka ingestion path; returned once, never again. Stored as is (encryption at rest: to do).
      signing_secret text NOT NULL CHECK (length(signing_secret) >= 32),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE sourcing.agency_api_keys (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      -- sha256 (hex) of the full key; the key itself is never stored.
      key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
      prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    await q.query('CREATE INDEX agency_api_keys_agency_idx ON sourcing.agency_api_keys (agency_id)');

    await q.query(`CREATE TABLE sourcing.requisitions (
      id uuid PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      location_tier text NOT NULL CHECK (location_tier IN ('us-sf-ny', 'us-metro', 'us-remote', 'uk-london', 'il-tel-aviv')),
      signals jsonb NOT NULL,
      advised_role text NOT NULL CHECK (advised_role IN ('ai-tech-lead', 'tech-lead')),
      advice_reasons jsonb NOT NULL,
      advice_signals jsonb NOT NULL,
      advisor_rules_version text NOT NULL,
      target_role text NOT NULL CHECK (target_role IN ('ai-tech-lead', 'tech-lead')),
      role_source text NOT NULL CHECK (role_source IN ('advisor', 'ops')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
      CHECK (role_source = 'ops' OR target_role = advised_role)
    )`);

    await q.query(`CREATE TABLE sourcing.candidates (
      id uuid PRIMARY KEY,
      owner_agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      first_submission_id uuid NOT NULL,
      owned_from timestamptz NOT NULL,
      owned_until timestamptz NOT NULL,
      ownership_rules_version text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (owned_until > owned_from)
    )`);
    await q.query(`CREATE TABLE sourcing.candidate_identifiers (
      kind text NOT NULL CHECK (kind IN ('email', 'phone', 'profile-url')),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 2100),
      candidate_id uuid NOT NULL REFERENCES sourcing.candidates (id),
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      owned_from timestamptz NOT NULL,
      owned_until timestamptz NOT NULL,
      PRIMARY KEY (kind, value),
      CHECK (owned_until > owned_from)
    )`);
    await q.query('CREATE INDEX candidate_identifiers_candidate_idx ON sourcing.candidate_identifiers (candidate_id)');

    await q.query(`CREATE TABLE sourcing.submissions (
      id uuid PRIMARY KEY,
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 128),
      idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 128),
      request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
      channel text NOT NULL CHECK (channel IN ('http', 'kafka')),
      requisition_id uuid NOT NULL REFERENCES sourcing.requisitions (id),
      candidate_name text NOT NULL,
      candidate_email text,
      candidate_phone text,
      candidate_profile_url text,
      profile jsonb NOT NULL,
      -- received, duplicate, sourced; later stages (screened, scored, ...) are written by later consumers.
      status text NOT NULL CHECK (status ~ '^[a-z][a-z-]{1,39}$'),
      candidate_id uuid REFERENCES sourcing.candidates (id),
      received_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, external_id),
      UNIQUE (agency_id, idempotency_key),
      CHECK (status <> 'sourced' OR candidate_id IS NOT NULL)
    )`);
    await q.query('CREATE INDEX submissions_candidate_idx ON sourcing.submissions (candidate_id)');
    await q.query(`CREATE TABLE sourcing.submission_status_history (
      id bigserial PRIMARY KEY,
      submission_id uuid NOT NULL REFERENCES sourcing.submissions (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status ~ '^[a-z][a-z-]{1,39}$'),
      reason text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX submission_status_history_submission_idx ON sourcing.submission_status_history (submission_id, id)');

    await q.query(`CREATE TABLE sourcing.duplicates (
      submission_id uuid PRIMARY KEY REFERENCES sourcing.submissions (id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      owner_agency_id uuid NOT NULL REFERENCES sourcing.agencies (id),
      owner_candidate_id uuid NOT NULL REFERENCES sourcing.candidates (id),
      matched_on text[] NOT NULL CHECK (cardinality(matched_on) > 0),
      owned_until timestamptz NOT NULL,
      rules_version text NOT NULL,
      detected_at timestamptz NOT NULL DEFAULT now(),
      CHECK (agency_id <> owner_agency_id)
    )`);
    await q.query('CREATE INDEX duplicates_detected_idx ON sourcing.duplicates (detected_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS "sourcing" CASCADE');
  }
}
