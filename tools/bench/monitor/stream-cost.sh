#!/usr/bin/env bash
# What open live pages cost: STREAMS viewers of GET /v1/pipeline/stream (same
# filter) for SECONDS, against a running monitor and the local Postgres.
# Prints the snapshots the viewers received and the CPU the monitor process
# and the Postgres cluster spent meanwhile (from /proc; run it on the machine
# that runs both). Used for docs/performance.md "Live page cost".
#   STREAMS=3 SECONDS_OPEN=60 STAGGER=0.7 FILTER='' bash tools/bench/monitor/stream-cost.sh [monitor url]
set -euo pipefail
url="${1:-http://127.0.0.1:${MONITOR_PORT:-3005}}"
token="${OPS_TOKEN:-local-ops-token-change-me}"
streams="${STREAMS:-3}"
seconds="${SECONDS_OPEN:-60}"
filter="${FILTER:-}"
stagger="${STAGGER:-0.7}" # seconds between viewers opening the page, as people do
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
monitor_pid="${MONITOR_PID:-$(pgrep -f "${repo}/dist/apps/monitor/src/main.js" | head -n1)}"
[[ -n "${monitor_pid}" ]] || { echo "no monitor process of this checkout (${repo}/dist/apps/monitor/src/main.js); set MONITOR_PID" >&2; exit 1; }
# user+system ticks of a set of pids
ticks() { local t=0 p; for p in "$@"; do [[ -r "/proc/${p}/stat" ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/${p}/stat"))); done; echo "${t}"; }
# the local cluster's postmaster and its children (other clusters on the machine are left out)
pg_dir="${PG_DATA_DIR:-${repo}/.cache/postgres/data}"
# Parallel workers and other short-lived backends exit within the window: their time is
# in the postmaster's cutime/cstime once reaped, so the postmaster counts with its children's.
pg_ticks() {
  local pm t
  pm="$(head -n1 "${pg_dir}/postmaster.pid")"
  t="$(awk '{print $14 + $15 + $16 + $17}' "/proc/${pm}/stat")"
  echo $((t + $(ticks $(pgrep -P "${pm}" || true))))
}
hz="$(getconf CLK_TCK)"
db="${DATABASE_URL:-postgres://hiring:hiring@127.0.0.1:${PGPORT:-5433}/hiring}"
# snapshots computed: calls of the cohort query (pg_stat_statements, which the local cluster loads)
computed() { psql -X -At "${db}" -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '%FROM monitor.candidate_stages%GROUP BY 1, 2, 3%'" 2>/dev/null || echo 0; }
computed_before="$(computed)"
out="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "${out}"' EXIT
pg_before="$(pg_ticks)"; mon_before="$(ticks "${monitor_pid}")"
for ((i = 0; i < streams; i++)); do
  curl -s -N --max-time "${seconds}" -H "Authorization: Bearer ${token}" "${url}/v1/pipeline/stream?${filter}" > "${out}/${i}" &
  sleep "${stagger}"
done
wait || true
pg_after="$(pg_ticks)"; mon_after="$(ticks "${monitor_pid}")"
computed_after="$(computed)"
received="$(cat "${out}"/* | grep -c '^data: ' || true)"
awk -v s="${streams}" -v sec="${seconds}" -v f="${filter:-(none)}" -v r="${received}" -v pg=$((pg_after - pg_before)) -v mon=$((mon_after - mon_before)) -v hz="${hz}" -v c=$((computed_after - computed_before)) 'BEGIN {
  printf "%d streams, filter %s, %d s: %d snapshots computed, %d received; CPU s: postgres %.1f, monitor %.1f (%.0f %% and %.0f %% of a core)\n",
    s, f, sec, c, r, pg / hz, mon / hz, 100 * pg / hz / sec, 100 * mon / hz / sec }'
