// Rate cards (immutable versions), candidate eligibility from scored events,
// offers with the decision that judged them, and the overrides granted on them.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class CreateOfferSchema1764100000000 implements MigrationInterface {
  name = 'CreateOfferSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.rate_cards (
      version text PRIMARY KEY CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
      effective_from date NOT NULL UNIQUE,
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
      bands jsonb NOT NULL CHECK (jsonb_typeof(bands) = 'array' AND jsonb_array_length(bands) > 0),
      created_by text NOT NULL CHECK (length(btrim(created_by)) > 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Versions are immutable: a published card is evidence for every decision taken with it.
    await q.query(`CREATE FUNCTION ${s}.rate_cards_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'rate card versions are immutable (% refused)', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER rate_cards_immutable BEFORE UPDATE OR DELETE ON ${s}.rate_cards
      FOR EACH ROW EXECUTE FUNCTION ${s}.rate_cards_immutable()`);

    await q.query(`CREATE TABLE ${s}.candidate_eligibility (
      candidate_id text PRIMARY KEY,
      submission_id text NOT NULL,
      requisition_id text NOT NULL,
      agency_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('ai-tech-lead', 'tech-lead')),
      location_tier text NOT NULL CHECK (location_tier IN ('us-sf-ny', 'us-metro', 'us-remote', 'uk-london', 'il-tel-aviv')),
      decision text NOT NULL CHECK (decision IN ('advance', 'review', 'reject')),
      score double precision NOT NULL CHECK (score BETWEEN 0 AND 100),
      rubric_id text NOT NULL,
      rubric_version text NOT NULL,
      scored_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE ${s}.offers (
      id uuid PRIMARY KEY,
      candidate_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('ai-tech-lead', 'tech-lead')),
      location_tier text NOT NULL,
      base_amount integer NOT NULL CHECK (base_amount >= 0),
      base_currency text NOT NULL CHECK (base_currency IN ('USD', 'GBP')),
      total_comp_amount integer CHECK (total_comp_amount >= 0),
      total_comp_currency text CHECK (total_comp_currency IN ('USD', 'GBP')),
      proposed_on date NOT NULL,
      proposed_by text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approved', 'refused')),
      floor_amount integer NOT NULL,
      floor_currency text NOT NULL,
      gap integer CHECK (gap >= 0),
      reasons jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
      rate_card_version text NOT NULL REFERENCES ${s}.rate_cards (version),
      decided_at timestamptz NOT NULL,
      declined_at timestamptz,
      declined_by text,
      declined_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((total_comp_amount IS NULL) = (total_comp_currency IS NULL)),
      CHECK ((declined_at IS NULL) = (declined_reason IS NULL)),
      -- only an approved offer reaches the candidate, so only it can be declined
      CHECK (declined_at IS NULL OR decision = 'approved')
    )`);
    await q.query(`CREATE INDEX offers_candidate_idx ON ${s}.offers (candidate_id, created_at DESC)`);

    await q.query(`CREATE TABLE ${s}.overrides (
      id uuid PRIMARY KEY,
      offer_id uuid NOT NULL UNIQUE REFERENCES ${s}.offers (id),
      approver text NOT NULL CHECK (length(btrim(approver)) > 0),
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      previous_decision text NOT NULL,
      previous_reasons jsonb NOT NULL,
      decision text NOT NULL,
      rate_card_version text NOT NULL REFERENCES ${s}.rate_cards (version),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE IF EXISTS ${s}.overrides, ${s}.offers, ${s}.candidate_eligibility, ${s}.rate_cards`);
    await q.query(`DROP FUNCTION IF EXISTS ${s}.rate_cards_immutable()`);
  }
}
