#!/usr/bin/env bash
# What the width of a row costs Postgres on insert (docs/performance.md, "Next
# steps"): 20,000 rows in batches of 500 into a fresh table with a primary key
# and a unique text key, once with a 7,000-character value (a screening row)
# and once with 2,600, alternated twice; prints the backend's CPU per run.
# Uses a scratch database `rowsize` on the local cluster (superuser needed to
# create it) and drops nothing else.
#   PGPASSWORD=postgres bash tools/bench/sql/row-width.sh [psql connection options]
set -euo pipefail
psql_() { psql -X -q -v ON_ERROR_STOP=1 "${@}"; }
if (($# == 0)); then set -- -h 127.0.0.1 -p "${PGPORT:-5433}" -U postgres; fi
conn=("$@")
psql_ "${conn[@]}" -c "DROP DATABASE IF EXISTS rowsize" -c "CREATE DATABASE rowsize"
# Source rows: base64 of hashes (incompressible, like sealed values), made once.
psql_ "${conn[@]}" -d rowsize -c "CREATE TABLE src AS SELECT g AS id, md5(g::text) AS k,
  (SELECT string_agg(encode(sha256((g * 100 + i)::text::bytea), 'base64'), '') FROM generate_series(1, 160) i) AS wide
  FROM generate_series(1, 20000) g; CREATE INDEX ON src (id);"
hz="$(getconf CLK_TCK)"
for width in 7000 2600 7000 2600; do
  psql_ "${conn[@]}" -d rowsize -c "DROP TABLE IF EXISTS t; CREATE TABLE t (id bigserial PRIMARY KEY, k text NOT NULL UNIQUE, v text) WITH (toast_tuple_target = 8160); ALTER TABLE t ALTER v SET STORAGE EXTERNAL;"
  # The backend reads its own CPU from /proc (psql and Postgres on this machine).
  ticks="$(psql_ "${conn[@]}" -d rowsize -At <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! awk '{print \$14 + \$15}' /proc/\$PID/stat > /tmp/row-width.before
DO \$\$ BEGIN FOR b IN 0..39 LOOP
  INSERT INTO t (k, v) SELECT k, substr(wide, 1, ${width}) FROM src WHERE id > b * 500 AND id <= (b + 1) * 500;
END LOOP; END \$\$;
\! awk '{print \$14 + \$15}' /proc/\$PID/stat > /tmp/row-width.after
SQL
  )"
  used=$(( $(cat /tmp/row-width.after) - $(cat /tmp/row-width.before) ))
  heap="$(psql_ "${conn[@]}" -d rowsize -At -c "SELECT pg_size_pretty(pg_relation_size('t'))")"
  awk -v w="${width}" -v t="${used}" -v hz="${hz}" -v h="${heap}" 'BEGIN { printf "%5d characters: %.0f us of backend CPU per row, heap %s\n", w, 1e6 * t / hz / 20000, h }'
done
rm -f /tmp/row-width.before /tmp/row-width.after
