-- Status write-back on a large sourcing.submissions (issue 11, docs/performance.md
-- "Sourcing status write-back"). Builds scratch copies in schema bench11d
-- (150,000 submissions with 2.1 KB of sealed data each, 3 history rows each)
-- in three layouts, then times status changes in batches of 200 like the
-- progress consumers do:
--   old:    the layout before migration 1796325062559 (8 indexes, history with
--           a foreign key and its own primary key, SELECT … FOR UPDATE with an OR);
--   new:    after it (partial Idempotency-Key index, history keyed by
--           (submission_id, id) without a foreign key, lock FOR NO KEY UPDATE);
--   narrow: the status in a table of its own with only the listing's indexes
--           (built since: migration 1796336788705, submission_states).
-- Run on a scratch cluster (needs tsm_system_rows, from postgresql-contrib):
--   psql "$URL" -f tools/bench/sql/status-write-back.sql
--   psql "$URL" -Atc "select * from bench11d.round('old', 25)"   -- ms and WAL KB per status change
--   psql "$URL" -Atc "select bench11d.sel('or', 'cand', 25)"      -- ms per row of the lock SELECT
-- and DROP SCHEMA bench11d CASCADE afterwards.
CREATE EXTENSION IF NOT EXISTS tsm_system_rows;
DROP SCHEMA IF EXISTS bench11d CASCADE;
CREATE SCHEMA bench11d;
CREATE TABLE bench11d.subs_old (
  id uuid PRIMARY KEY, agency_id uuid NOT NULL, external_id text NOT NULL, idempotency_key text, request_hash text NOT NULL,
  channel text NOT NULL, requisition_id uuid NOT NULL, status text NOT NULL, candidate_id uuid, received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(), personal_data text, sealed_for uuid,
  UNIQUE (agency_id, external_id), UNIQUE (agency_id, idempotency_key));
INSERT INTO bench11d.subs_old
SELECT gen_random_uuid(), ('00000000-0000-0000-0000-00000000000' || (g % 10))::uuid, 'ext-' || g, CASE WHEN g % 20 = 0 THEN 'key-' || g END, md5(g::text) || md5(g::text),
       'kafka', ('00000000-0000-0000-0001-0000000000' || lpad((g % 50)::text, 2, '0'))::uuid,
       (ARRAY['sourced','screened','scored','offer-refused','offer-approved','rejected'])[1 + g % 6], gen_random_uuid(), now() - (g || ' s')::interval, now() - (g || ' s')::interval,
       'pd1.' || (SELECT string_agg(md5(g::text || i), '') FROM generate_series(1, 66) i), NULL
  FROM generate_series(1, 150000) g;
UPDATE bench11d.subs_old SET sealed_for = candidate_id;
CREATE INDEX ON bench11d.subs_old (candidate_id);
CREATE INDEX ON bench11d.subs_old (sealed_for);
CREATE INDEX ON bench11d.subs_old (agency_id, updated_at, id);
CREATE INDEX ON bench11d.subs_old (agency_id, status, updated_at, id);
CREATE INDEX ON bench11d.subs_old (agency_id, requisition_id, updated_at, id);
CREATE TABLE bench11d.hist_old (id bigserial PRIMARY KEY, submission_id uuid NOT NULL REFERENCES bench11d.subs_old (id) ON DELETE CASCADE, status text NOT NULL, reason text, at timestamptz NOT NULL DEFAULT now());
CREATE INDEX ON bench11d.hist_old (submission_id, id);
INSERT INTO bench11d.hist_old (submission_id, status, reason, at) SELECT id, s, 'x', now() FROM bench11d.subs_old, unnest(ARRAY['received','sourced','screened']) s;

-- new layout: same data, partial Idempotency-Key index; history keyed (submission_id, id), no foreign key
CREATE TABLE bench11d.subs_new (LIKE bench11d.subs_old INCLUDING DEFAULTS);
ALTER TABLE bench11d.subs_new ALTER COLUMN personal_data SET STORAGE EXTERNAL;
INSERT INTO bench11d.subs_new SELECT * FROM bench11d.subs_old;
ALTER TABLE bench11d.subs_new ADD PRIMARY KEY (id), ADD UNIQUE (agency_id, external_id);
CREATE UNIQUE INDEX ON bench11d.subs_new (agency_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ON bench11d.subs_new (candidate_id);
CREATE INDEX ON bench11d.subs_new (sealed_for);
CREATE INDEX ON bench11d.subs_new (agency_id, updated_at, id);
CREATE INDEX ON bench11d.subs_new (agency_id, status, updated_at, id);
CREATE INDEX ON bench11d.subs_new (agency_id, requisition_id, updated_at, id);
CREATE TABLE bench11d.hist_new (id bigserial, submission_id uuid NOT NULL, status text NOT NULL, reason text, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (submission_id, id));
INSERT INTO bench11d.hist_new (submission_id, status, reason, at) SELECT submission_id, status, reason, at FROM bench11d.hist_old;

-- narrow status table: the mutable status with the listing's indexes only
CREATE TABLE bench11d.states (submission_id uuid PRIMARY KEY, agency_id uuid NOT NULL, requisition_id uuid NOT NULL, status text NOT NULL, updated_at timestamptz NOT NULL);
INSERT INTO bench11d.states SELECT id, agency_id, requisition_id, status, updated_at FROM bench11d.subs_old;
CREATE INDEX ON bench11d.states (agency_id, updated_at, submission_id);
CREATE INDEX ON bench11d.states (agency_id, status, updated_at, submission_id);
CREATE INDEX ON bench11d.states (agency_id, requisition_id, updated_at, submission_id);
VACUUM ANALYZE bench11d.subs_old; VACUUM ANALYZE bench11d.subs_new; VACUUM ANALYZE bench11d.hist_old; VACUUM ANALYZE bench11d.hist_new; VACUUM ANALYZE bench11d.states;
SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class WHERE relnamespace = 'bench11d'::regnamespace AND relkind = 'r';

CREATE OR REPLACE FUNCTION bench11d.round(variant text, rounds int) RETURNS TABLE (ms numeric, wal_kb numeric) LANGUAGE plpgsql AS $$
DECLARE ids uuid[]; cands uuid[]; t0 timestamptz; w0 pg_lsn; i int;
BEGIN
  t0 := clock_timestamp(); w0 := pg_current_wal_insert_lsn();
  FOR i IN 1..rounds LOOP
    IF variant = 'old' THEN
      SELECT array_agg(id) INTO ids FROM bench11d.subs_old TABLESAMPLE SYSTEM_ROWS(200);
      PERFORM id, status FROM bench11d.subs_old WHERE id = ANY(ids) OR (candidate_id = ANY('{}'::uuid[]) AND status <> 'duplicate') ORDER BY id FOR UPDATE;
      UPDATE bench11d.subs_old s SET status = 'scored', updated_at = now() FROM unnest(ids) AS c(id) WHERE s.id = c.id;
      INSERT INTO bench11d.hist_old (submission_id, status, reason, at) SELECT id, 'scored', 'score 81 (advance)', now() FROM unnest(ids) AS c(id);
    ELSIF variant = 'new' THEN
      SELECT array_agg(id) INTO ids FROM bench11d.subs_new TABLESAMPLE SYSTEM_ROWS(200);
      PERFORM id, status FROM bench11d.subs_new WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR NO KEY UPDATE;
      WITH c AS (SELECT * FROM unnest(ids) WITH ORDINALITY AS c(id, n)),
           moved AS (UPDATE bench11d.subs_new s SET status = 'scored', updated_at = now() FROM c WHERE s.id = c.id)
      INSERT INTO bench11d.hist_new (submission_id, status, reason, at) SELECT id, 'scored', 'score 81 (advance)', now() FROM c ORDER BY n;
    ELSE
      SELECT array_agg(submission_id) INTO ids FROM bench11d.states TABLESAMPLE SYSTEM_ROWS(200);
      PERFORM submission_id, status FROM bench11d.states WHERE submission_id IN (SELECT unnest(ids)) ORDER BY submission_id FOR NO KEY UPDATE;
      WITH c AS (SELECT * FROM unnest(ids) WITH ORDINALITY AS c(id, n)),
           moved AS (UPDATE bench11d.states s SET status = 'scored', updated_at = now() FROM c WHERE s.submission_id = c.id)
      INSERT INTO bench11d.hist_new (submission_id, status, reason, at) SELECT id, 'scored', 'score 81 (advance)', now() FROM c ORDER BY n;
    END IF;
  END LOOP;
  RETURN QUERY SELECT round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000 / (rounds * 200), 3), round((pg_current_wal_insert_lsn() - w0) / 1024.0 / (rounds * 200), 3);
END $$;

CREATE OR REPLACE FUNCTION bench11d.sel(variant text, kind text, rounds int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE ids uuid[]; cands uuid[]; none uuid[] := '{}'; t0 timestamptz; total interval := '0'; i int;
BEGIN
  FOR i IN 1..rounds LOOP
    SELECT array_agg(id), array_agg(candidate_id) INTO ids, cands FROM bench11d.subs_new TABLESAMPLE SYSTEM_ROWS(200);
    IF kind = 'cand' THEN ids := none; ELSE cands := none; END IF;
    t0 := clock_timestamp();
    IF variant = 'or' THEN
      PERFORM id, status FROM bench11d.subs_new WHERE id = ANY(ids) OR (candidate_id = ANY(cands) AND status <> 'duplicate') ORDER BY id FOR UPDATE;
    ELSIF kind = 'cand' THEN
      PERFORM id, status FROM bench11d.subs_new WHERE id IN (SELECT id FROM bench11d.subs_new WHERE candidate_id = ANY(cands) AND status <> 'duplicate') ORDER BY id FOR NO KEY UPDATE;
    ELSE
      PERFORM id, status FROM bench11d.subs_new WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR NO KEY UPDATE;
    END IF;
    total := total + (clock_timestamp() - t0);
  END LOOP;
  RETURN round(extract(epoch FROM total)::numeric * 1000 / (rounds * 200), 4);
END $$;
