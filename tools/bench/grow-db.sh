#!/usr/bin/env bash
# Grows the local pipeline's database to a target number of candidates by
# running the bench's Kafka path (signed submission events through every
# service) in chunks until sourcing.candidates holds --target rows.
#   bash tools/bench/grow-db.sh --target 500000 [--chunk 50000]
# Why the Kafka path and not synthetic SQL: every schema then holds the rows
# the services write themselves (sealed profiles, data keys, screenings,
# scores, eligibility, statuses, inbox rows, the monitor's projection), with
# the ids and widths production has, and the fill follows the schemas as they
# change. The cost is time: N / (the Kafka path's rate) seconds; 36,000 to
# 500,000 took 35 minutes on a shared 2-core machine (docs/performance.md,
# "Time-ordered ids"). Needs the stack running (npm start) and nothing else
# consuming its topics. Each chunk's bench table goes to
# .cache/bench/grow-<time>.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=deploy/local/env.sh
source deploy/local/env.sh
target=500000 chunk=50000
while (($# > 0)); do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --chunk) chunk="$2"; shift 2 ;;
    *) echo "usage: $0 [--target N] [--chunk N]" >&2; exit 2 ;;
  esac
done
count() { psql -X -q -At "${DATABASE_URL}" -c 'SELECT count(*) FROM sourcing.candidates'; }
mkdir -p .cache/bench
log=".cache/bench/grow-$(date -u +%Y%m%dT%H%M%SZ).log"
have="$(count)"
while ((have < target)); do
  n=$((target - have < chunk ? target - have : chunk))
  echo "[grow] ${have} candidates, adding ${n} through the Kafka path" >&2
  bash tools/bench/pipeline/bench.sh --only kafka --n "${n}" --pg-top 0 --out "${log%.log}-${have}.json" >>"${log}"
  have="$(count)"
done
echo "[grow] ${have} candidates; database $(psql -X -q -At "${DATABASE_URL}" -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')" >&2
