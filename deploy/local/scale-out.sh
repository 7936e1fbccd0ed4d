#!/usr/bin/env bash
# The scale-out test (test/scale-out/scale-out.scale-spec.ts) on a cluster of
# its own: three Kafka nodes and a Postgres under .cache/scale-out, on ports
# that do not collide with the single-broker infrastructure of the other test
# tiers (base SCALE_OUT_PORT_BASE, default 9190: Kafka nodes 9190-9195,
# Postgres 9196). Everything it starts is stopped and deleted at the end, so a
# run starts from empty topics and an empty database.
#   bash deploy/local/scale-out.sh        (Nx: npx nx run system-tests:scale-out)
set -euo pipefail
LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${LOCAL_DIR}/../.." && pwd)"
cd "${REPO_ROOT}"

base="${SCALE_OUT_PORT_BASE:-9190}"
# Only this run's variables: nothing inherited from a developer's shell may
# point the test at the everyday broker or database.
unset KAFKA_BROKERS DATABASE_URL KAFKA_SIZE_FILE KAFKA_HOME_DIR KAFKA_DATA_DIR KAFKA_LOG_FILE KAFKA_PID_FILE PG_HOME_DIR PG_DATA_DIR PG_LOG_FILE
# The jars are shared with the everyday cluster (same version, read-only).
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "${LOCAL_DIR}/kafka/pom.xml" | head -n1)"
export KAFKA_LIB_DIR="${KAFKA_LIB_DIR:-${HIRING_CACHE_DIR:-${REPO_ROOT}/.cache}/kafka/lib-${version}}"
export HIRING_CACHE_DIR="${REPO_ROOT}/.cache/scale-out"
export KAFKA_BROKER_COUNT=3
export KAFKA_PORT="${base}" KAFKA_CONTROLLER_PORT="$((base + 1))"
export KAFKA_PORT_2="$((base + 2))" KAFKA_CONTROLLER_PORT_2="$((base + 3))"
export KAFKA_PORT_3="$((base + 4))" KAFKA_CONTROLLER_PORT_3="$((base + 5))"
export PGPORT="$((base + 6))"
# Three JVMs on a small machine: a smaller heap each.
export KAFKA_HEAP_OPTS="${SCALE_OUT_KAFKA_HEAP_OPTS:--Xms192m -Xmx384m}"

cleanup() {
  bash deploy/local/infra.sh down || true
  if [[ "${SCALE_OUT_KEEP:-}" != 1 ]]; then rm -rf "${HIRING_CACHE_DIR}"; fi
}
trap cleanup EXIT

started=$(date +%s%3N)
bash deploy/local/infra.sh down >/dev/null 2>&1 || true
rm -rf "${HIRING_CACHE_DIR}"
bash deploy/local/infra.sh up
# shellcheck source=deploy/local/env.sh
source "${LOCAL_DIR}/env.sh"
echo "[scale-out] cluster ready in $(awk -v ms="$(($(date +%s%3N) - started))" 'BEGIN { printf "%.1fs", ms / 1000 }'): KAFKA_BROKERS=${KAFKA_BROKERS}"
npx jest -c jest.scale.config.js "$@"
