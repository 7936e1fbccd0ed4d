#!/usr/bin/env bash
# GET /v1/pipeline of running monitors, RUNS requests per filter (1.2 s apart),
# time_total by curl: what a viewer waits. Since snapshots are reused for 4x
# their computing time (snapshot-reuse.ts), a request 1.2 s after the last one
# computes a fresh snapshot only when the previous one took under 0.2 s (to
# time the computation itself use tools/bench/monitor/snapshot-gather.js).
# Prints p50 and max per filter and monitor (lane 14a, docs/monitor.md
# "Snapshot at scale"). With two URLs (e.g. a build of main
# and one of a branch against the same database) the requests alternate
# A/B, B/A, … so both see the same load of a shared machine.
#   OPS_TOKEN=... bash tools/bench/monitor/snapshot-latency.sh http://127.0.0.1:3005 [http://127.0.0.1:3015]
set -euo pipefail
(($# >= 1)) || { echo "usage: $0 <monitor url> [<second monitor url>]" >&2; exit 2; }
urls=("$@")
token="${OPS_TOKEN:-local-ops-token-change-me}"
runs="${RUNS:-10}"
filters=("" "agencyId=fill-agency-7" "requisitionId=fill-req-42" "role=tech-lead&period=30d" "period=7d" "period=24h" "agencyId=fill-agency-7&period=90d")
once() {
  local code_time
  code_time="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer ${token}" "$1/v1/pipeline?$2")"
  [[ "${code_time%% *}" == 200 ]] || { echo "HTTP ${code_time%% *} from $1 for ?$2" >&2; exit 1; }
  echo "${code_time#* }"
}
summary() { sort -n | awk -v f="$1" -v u="$2" '{ v[NR] = $1 } END { printf "%-38s %-26s p50 %.3f s  max %.3f s  (n=%d)\n", f, u, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR], NR }'; }
for f in "${filters[@]}"; do
  declare -A times=()
  for ((i = 0; i < runs; i++)); do
    order=("${!urls[@]}")
    ((i % 2 == 1)) && order=($(printf '%s\n' "${order[@]}" | sort -rn))
    for k in "${order[@]}"; do
      times[$k]+="$(once "${urls[$k]}" "$f") "
      sleep 1.2
    done
  done
  for k in "${!urls[@]}"; do tr ' ' '\n' <<<"${times[$k]}" | grep . | summary "${f:-(none)}" "${urls[$k]}"; done
  unset times
done
