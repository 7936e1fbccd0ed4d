#!/usr/bin/env bash
# What a command costs the local Postgres in WAL and index page reads:
# snapshots pg_stat_wal, pg_stat_bgwriter and pg_statio_user_indexes before
# and after it, and prints the deltas, per candidate (sourcing.candidates rows
# inserted meanwhile), the indexes that read the most pages, the row writes
# and index entries of each table, and the indexes of written tables that no
# statement read meanwhile (idx_scan did not move). Nothing is
# reset, so it can wrap a bench run while other readers use the same views.
#   bash tools/bench/pg-io.sh -- npm run -s bench -- --only kafka,latency --n 20000
# Connection: DATABASE_URL (deploy/local/env.sh), as the services use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=deploy/local/env.sh
source deploy/local/env.sh
[[ "${1:-}" == "--" ]] && shift
(($# > 0)) || { echo "usage: $0 -- command [args...]" >&2; exit 2; }

snap() {
  psql -X -q -At -F ' ' -v ON_ERROR_STOP=1 "${DATABASE_URL}" <<'SQL'
SELECT 'wal_records', wal_records FROM pg_stat_wal
UNION ALL SELECT 'wal_fpi', wal_fpi FROM pg_stat_wal
UNION ALL SELECT 'wal_bytes', wal_bytes FROM pg_stat_wal
UNION ALL SELECT 'checkpoints', checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter
UNION ALL SELECT 'buffers_backend', buffers_backend FROM pg_stat_bgwriter
UNION ALL SELECT 'buffers_clean', buffers_clean FROM pg_stat_bgwriter
UNION ALL SELECT 'buffers_checkpoint', buffers_checkpoint FROM pg_stat_bgwriter
UNION ALL SELECT 'idx_blks_read', coalesce(sum(idx_blks_read), 0) FROM pg_statio_user_indexes
UNION ALL SELECT 'idx_blks_hit', coalesce(sum(idx_blks_hit), 0) FROM pg_statio_user_indexes
UNION ALL SELECT 'heap_blks_read', coalesce(sum(heap_blks_read), 0) FROM pg_statio_user_tables
UNION ALL SELECT 'candidates', n_tup_ins FROM pg_stat_user_tables WHERE schemaname = 'sourcing' AND relname = 'candidates'
UNION ALL SELECT 'idx:' || schemaname || '.' || indexrelname, idx_blks_read FROM pg_statio_user_indexes
UNION ALL SELECT 'scan:' || schemaname || '.' || relname || '/' || indexrelname, idx_scan FROM pg_stat_user_indexes
UNION ALL SELECT 'ins:' || schemaname || '.' || relname, n_tup_ins FROM pg_stat_user_tables
UNION ALL SELECT 'upd:' || schemaname || '.' || relname, n_tup_upd FROM pg_stat_user_tables
UNION ALL SELECT 'hot:' || schemaname || '.' || relname, n_tup_hot_upd FROM pg_stat_user_tables
UNION ALL SELECT 'del:' || schemaname || '.' || relname, n_tup_del FROM pg_stat_user_tables
-- B-tree indexes without a predicate: each inserted row and each non-HOT update adds one entry to every one
-- (a partial index only for the rows it covers, a BRIN index none per row: counted apart, not in the entries).
UNION ALL SELECT 'nidx:' || t.schemaname || '.' || t.relname,
                 (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                   WHERE i.indrelid = t.relid AND i.indpred IS NULL AND a.amname = 'btree')
  FROM pg_stat_user_tables t
UNION ALL SELECT 'pidx:' || t.schemaname || '.' || t.relname,
                 (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                   WHERE i.indrelid = t.relid AND (i.indpred IS NOT NULL OR a.amname <> 'btree'))
  FROM pg_stat_user_tables t;
SQL
}

before="$(mktemp)"; after="$(mktemp)"
trap 'rm -f "${before}" "${after}"' EXIT
snap >"${before}"
status=0
"$@" || status=$?
snap >"${after}"

size="$(psql -X -q -At "${DATABASE_URL}" -c "SELECT pg_size_pretty(pg_database_size(current_database())) || ', ' || (SELECT count(*) FROM sourcing.candidates) || ' candidates'")"
awk -v size="${size}" '
  NR == FNR { b[$1] = $2; next }
  { d[$1] = $2 - b[$1]; a[$1] = $2 }
  END {
    n = d["candidates"]; per = n > 0 ? n : 1
    printf "\n### Postgres I/O over the command (database now %s)\n\n", size
    printf "| counter | delta | per candidate (%d inserted) |\n|---|---:|---:|\n", n
    split("wal_records wal_fpi wal_bytes checkpoints buffers_backend buffers_clean buffers_checkpoint idx_blks_read idx_blks_hit heap_blks_read", keys, " ")
    for (i = 1; i in keys; i++) printf "| %s | %d | %.2f |\n", keys[i], d[keys[i]], d[keys[i]] / per
    printf "\nIndexes that read the most pages (idx_blks_read):\n\n| index | blocks read | per candidate |\n|---|---:|---:|\n"
    m = 0
    for (k in d) if (k ~ /^idx:/ && d[k] > 0) { names[++m] = k }
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (d[names[j]] > d[names[i]]) { t = names[i]; names[i] = names[j]; names[j] = t }
    for (i = 1; i <= m && i <= 10; i++) printf "| %s | %d | %.3f |\n", substr(names[i], 5), d[names[i]], d[names[i]] / per
    printf "\nRow writes and index entries per candidate, by table (entries: one per insert and non-HOT update in each B-tree index without a predicate; partial and BRIN indexes counted apart, their entries not):\n\n"
    printf "| table | inserted | updated (HOT) | deleted | B-tree indexes (+ partial, BRIN) | index entries |\n|---|---:|---:|---:|---:|---:|\n"
    m = 0; rows = 0; entries = 0
    for (k in d) if (k ~ /^ins:/) {
      t = substr(k, 5); w = d[k] + d["upd:" t] + d["del:" t]
      if (w <= 0) continue
      e[t] = (d[k] + d["upd:" t] - d["hot:" t]) * a["nidx:" t]; tabs[++m] = t; rows += d[k] + d["upd:" t] + d["del:" t]; entries += e[t]
    }
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (e[tabs[j]] > e[tabs[i]]) { t = tabs[i]; tabs[i] = tabs[j]; tabs[j] = t }
    for (i = 1; i <= m; i++) { t = tabs[i]; printf "| %s | %.2f | %.2f (%.2f) | %.2f | %d (+%d) | %.2f |\n", t, d["ins:" t] / per, d["upd:" t] / per, d["hot:" t] / per, d["del:" t] / per, a["nidx:" t], a["pidx:" t], e[t] / per }
    printf "| all | | | | | %.2f (%.2f row writes) |\n", entries / per, rows / per
    printf "\nIndexes of tables written meanwhile that no statement read (idx_scan unchanged):\n\n"
    for (k in d) if (k ~ /^scan:/ && d[k] == 0) {
      split(substr(k, 6), parts, "/")
      if (parts[1] in e) printf "- %s (%s)\n", parts[2], parts[1]
    }
  }' "${before}" "${after}"
exit "${status}"
