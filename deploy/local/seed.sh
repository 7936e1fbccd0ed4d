#!/usr/bin/env bash
# Sample data for a running pipeline: two agencies, two requisitions and ~20
# candidates over HTTP and signed Kafka events (examples/seed/samples.json),
# then a summary of where they went. Run by `npm start` after the services are
# up; safe to run again (it replays instead of duplicating, and rotates the
# sample agencies' API keys and signing secrets: see tools/seed-sample-data.ts).
#   bash deploy/local/seed.sh        SEED_WAIT_SECONDS=0 to skip the wait
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "${REPO_ROOT}"

started=$(now_ms)
log "seeding sample data (tools/seed-sample-data.ts)"
if ! node -r @swc-node/register tools/seed-sample-data.ts; then
  die "seeding sample data failed (see the message above); the services keep running. Retry: bash deploy/local/seed.sh"
fi
log "sample data seeded in $(fmt_ms $(($(now_ms) - started)))"
