#!/usr/bin/env bash
# `npm test`: every tier, against real Kafka and Postgres. Starts the
# infrastructure when it is not running and stops only what it started.
set -euo pipefail
# The tests get a database of their own, never the pipeline's: `npm start`
# keeps its agencies, requisitions and candidates in `hiring`, and a test must
# neither change them (one re-screens every stored candidate) nor slow down
# with them (on a database grown by benches that one ran past its timeout).
# HIRING_TEST_DB_NAME names it; an exported DATABASE_URL still wins. It is
# created on the running cluster by the infrastructure step. Kafka topics are
# the cluster's, shared with the pipeline.
export HIRING_DB_NAME="${HIRING_TEST_DB_NAME:-hiring_test}"
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "${REPO_ROOT}"

if [[ ! -d node_modules/.bin || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The tiers use a few Debian packages (kcat, docker-compose, chromium): install
# them when we may (root, or sudo without a password), otherwise stop at once
# with the one command to run rather than fail halfway through a tier.
if [[ "${EUID}" -eq 0 ]] || sudo -n true 2>/dev/null; then
  bash deploy/local/bootstrap-apt.sh
else
  bash deploy/local/bootstrap-apt.sh --check
fi

started_infra=false
if ! bash deploy/local/infra.sh status --quiet >/dev/null 2>&1; then
  started_infra=true
fi
cleanup() {
  if [[ "${started_infra}" == true && "${KEEP_INFRA:-}" != 1 ]]; then bash deploy/local/infra.sh down || true; fi
}
trap cleanup EXIT

step() { printf '\n==== %s ====\n' "$*"; }
# A tier that finds no test files fails: a suite that lost its tests must not
# pass. (Within a tier each project's jest run fails on zero tests as well.)
require_tests() {
  local n
  n=$(find apps libs test -name "$2" -not -path '*/node_modules/*' | wc -l)
  ((n > 0)) || die "$1: no $2 files found; a tier that runs zero tests fails"
}
t0=$(now_ms)
step "lint (module boundaries, type-aware rules) and typecheck"
npx nx run-many -t lint --output-style=static
npx tsc -p tsconfig.json --noEmit
bash deploy/docker/check-compose.sh
step "unit tests (*.spec.ts)"
require_tests unit '*.spec.ts'
npx nx run-many -t test --output-style=static
t_unit=$(now_ms)
step "infrastructure"
bash deploy/local/infra.sh up
step "integration tests (*.int-spec.ts, real Kafka + Postgres)"
require_tests integration '*.int-spec.ts'
npx nx run-many -t int-test --parallel=1 --output-style=static
t_int=$(now_ms)
step "build + end-to-end tests (test/, services as processes)"
require_tests end-to-end '*.e2e-spec.ts'
npx nx run system-tests:e2e --output-style=static
step "resilience: faults injected into the running pipeline, scorecard (test/resilience/)"
npx nx run system-tests:resilience --output-style=static
t_end=$(now_ms)
step "scale-out: three brokers, two instances each, faults under load (own cluster and ports)"
npx nx run system-tests:scale-out --output-style=static
t_scale=$(now_ms)
step "done: lint+unit $(fmt_ms $((t_unit - t0))), integration $(fmt_ms $((t_int - t_unit))), e2e $(fmt_ms $((t_end - t_int))), scale-out $(fmt_ms $((t_scale - t_end)))"
