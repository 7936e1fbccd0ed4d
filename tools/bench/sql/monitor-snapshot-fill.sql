-- Fills the monitor's read model with a large pipeline for the snapshot
-- latency measurement (lane 14a, docs/monitor.md "Snapshot at scale"):
-- :n candidates (default 250000) of 60 agencies on 300 requisitions (each
-- agency on 25 of them), sourced over the last 180 days; 90 % screened
-- within two days (advance 30 %, review 20 %, needs-interview 10 %, reject
-- 40 %), 80 % of those scored, 5 % of the scored with an offer decision.
-- Times in whole milliseconds, as the monitor writes them. Ids start with
-- "fill-": remove them with
--   DELETE FROM monitor.candidate_stages WHERE candidate_id LIKE 'fill-%';
-- Run against your own database only:
--   psql "$DATABASE_URL" -v n=250000 -f tools/bench/sql/monitor-snapshot-fill.sql
\if :{?n}
\else
  \set n 250000
\endif
SELECT setseed(0.14);
WITH c AS (
  SELECT g,
         'fill-agency-' || (g % 60) AS agency_id,
         'fill-req-' || (((g % 60) * 5 + (g / 60) % 25) % 300) AS requisition_id,
         CASE WHEN (((g % 60) * 5 + (g / 60) % 25) % 300) % 3 = 0 THEN 'tech-lead' ELSE 'ai-tech-lead' END AS role,
         date_trunc('milliseconds', now() - random() * interval '180 days') AS sourced_at,
         random() AS r_screen, random() AS r_decision, random() AS r_score, random() AS r_offer,
         random() * interval '48 hours' AS to_screen, random() * interval '6 hours' AS to_score, random() * interval '20 days' AS to_offer
    FROM generate_series(1, :n) g
), s AS (
  SELECT c.*,
         CASE WHEN r_screen < 0.9 THEN date_trunc('milliseconds', sourced_at + to_screen) END AS screened_at,
         CASE WHEN r_screen >= 0.9 THEN NULL WHEN r_decision < 0.3 THEN 'advance' WHEN r_decision < 0.5 THEN 'review'
              WHEN r_decision < 0.6 THEN 'needs-interview' ELSE 'reject' END AS decision
    FROM c
), t AS (
  SELECT s.*,
         CASE WHEN screened_at IS NOT NULL AND r_score < 0.8 THEN date_trunc('milliseconds', screened_at + to_score) END AS scored_at
    FROM s
), o AS (
  SELECT t.*,
         CASE WHEN scored_at IS NOT NULL AND r_offer < 0.05 THEN date_trunc('milliseconds', scored_at + to_offer) END AS offer_at,
         CASE WHEN r_offer < 0.035 THEN 'approved' ELSE 'refused' END AS offer_decision
    FROM t
)
INSERT INTO monitor.candidate_stages AS x
  (candidate_id, agency_id, requisition_id, role, sourced_at, screened_at, screening_decision, screening_decision_at, qualified_at,
   scored_at, score_decision, score_decision_at, offer_decided_at, offer_decision, offer_decision_at, refused_offer_ids)
SELECT 'fill-cand-' || g, agency_id, requisition_id, role, sourced_at, screened_at, decision, screened_at,
       CASE WHEN decision IN ('advance', 'review') THEN screened_at END,
       scored_at, CASE WHEN scored_at IS NOT NULL THEN decision END, scored_at,
       offer_at, CASE WHEN offer_at IS NOT NULL THEN offer_decision END, offer_at,
       CASE WHEN offer_at IS NOT NULL AND offer_decision = 'refused' THEN ARRAY['fill-offer-' || g] ELSE '{}'::text[] END
  FROM o
ON CONFLICT (candidate_id) DO NOTHING;
ANALYZE monitor.candidate_stages;
SELECT count(*) AS candidates FROM monitor.candidate_stages;
