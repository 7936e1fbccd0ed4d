#!/usr/bin/env bash
# `npm start`: from a fresh clone to a running pipeline with sample data.
# Installs dependencies when missing, starts Kafka and Postgres, applies
# migrations, builds and starts every service, then seeds sample data.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "${REPO_ROOT}"

started=$(now_ms)
if [[ ! -d node_modules/.bin || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
bash deploy/local/infra.sh up
log "building services"
npx nx run-many -t build --output-style=static >/dev/null
bash deploy/local/services.sh up
if [[ -f deploy/local/seed.sh ]]; then bash deploy/local/seed.sh; fi

cat <<TXT

The pipeline is running ($(fmt_ms $(($(now_ms) - started)))).
  sourcing   http://127.0.0.1:${SOURCING_PORT:-3001}/docs   (agencies, requisitions, submissions)
  screening  http://127.0.0.1:${SCREENING_PORT:-3002}/docs
  scoring    http://127.0.0.1:${SCORING_PORT:-3003}/docs
  offer      http://127.0.0.1:${OFFER_PORT:-3004}/docs
  monitor    http://127.0.0.1:${MONITOR_PORT:-3005}/#token=${OPS_TOKEN:-local-ops-token-change-me}   (live pipeline page for recruiting ops)
  health     /health/live, /health/ready on each; Prometheus metrics on /metrics
  Kafka      ${KAFKA_BROKERS}   Postgres ${DATABASE_URL}
  CLI        npm run -s hiring -- --help
  status     npm run status        stop: npm stop
TXT
