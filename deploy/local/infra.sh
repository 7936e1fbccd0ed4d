#!/usr/bin/env bash
# Local infrastructure on a bare machine (no Docker): Apache Kafka (KRaft,
# single node) and PostgreSQL 15, started from this repository only.
#
#   bash deploy/local/infra.sh up       start both (idempotent), provision topics
#   bash deploy/local/infra.sh up --brokers 3   a three-node Kafka cluster
#                                       (same as KAFKA_BROKER_COUNT=3)
#   bash deploy/local/infra.sh down     stop both
#   bash deploy/local/infra.sh status   what runs where; exit 0 only if both run
#   bash deploy/local/infra.sh status --quiet   exit code only (for scripts)
#   bash deploy/local/infra.sh pid kafka|postgres   the broker's (node 1) or
#                                       the postmaster's pid; exit 1 if it is not
#                                       running (the resilience suite signals them)
#
# Settings: see deploy/local/env.sh and docs/infrastructure.md.
set -euo pipefail

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# --brokers N before env.sh derives KAFKA_BROKERS from the cluster size.
ARGS=()
while (($# > 0)); do
  case "$1" in
    --brokers)
      [[ $# -ge 2 ]] || { echo "--brokers needs a number" >&2; exit 2; }
      export KAFKA_BROKER_COUNT="$2"
      shift 2
      ;;
    --brokers=*)
      export KAFKA_BROKER_COUNT="${1#--brokers=}"
      shift
      ;;
    *)
      ARGS+=("$1")
      shift
      ;;
  esac
done
set -- "${ARGS[@]+"${ARGS[@]}"}"
# shellcheck source=deploy/local/lib.sh
source "${LOCAL_DIR}/lib.sh"
# shellcheck source=deploy/local/kafka.sh
source "${LOCAL_DIR}/kafka.sh"
# shellcheck source=deploy/local/postgres.sh
source "${LOCAL_DIR}/postgres.sh"

provision_topics() {
  local t0
  t0="$(now_ms)"
  # swc-node compiles the TypeScript on the fly, honouring the workspace path
  # aliases, so the catalogue in @hiring/contracts is the one source of truth.
  (cd "${REPO_ROOT}" && node -r @swc-node/register tools/provision-topics.ts) ||
    die "topic provisioning failed (see above)."
  record_timing "topics" "$(fmt_ms $(($(now_ms) - t0)))"
}

cmd_up() {
  local t0
  t0="$(now_ms)"
  # Postgres first: it is quick, and its failure is cheaper to report before
  # a cold Kafka jar download.
  pg_up
  kafka_up
  provision_topics
  record_timing "total" "$(fmt_ms $(($(now_ms) - t0)))"
  print_timings
  log "ready: KAFKA_BROKERS=${KAFKA_BROKERS} DATABASE_URL=postgres://${HIRING_DB_USER}:***@${PGHOST}:${PGPORT}/${HIRING_DB_NAME}"
}

cmd_down() {
  # Kafka first: services and tests may still be committing offsets, and
  # neither depends on the other, so order is only about log tidiness.
  kafka_down
  pg_down
  # The next plain `up` is a single broker again.
  rm -f "${KAFKA_SIZE_FILE}"
}

cmd_status() {
  local rc=0
  if [[ "${1:-}" == "--quiet" ]]; then
    kafka_status >/dev/null 2>&1 || rc=1
    pg_status >/dev/null 2>&1 || rc=1
  else
    kafka_status || rc=1
    pg_status || rc=1
  fi
  return "${rc}"
}

# The pid fault-injection tests signal: the broker JVM (node 1) or the postmaster.
cmd_pid() {
  local pid=""
  case "${1:-}" in
    kafka)
      kafka_init_vars
      kafka_node 1
      pid="$(kafka_running_pid)"
      ;;
    postgres)
      pg_init_vars
      pg_running && pid="$(pg_pid)"
      ;;
    *)
      echo "usage: $0 pid kafka|postgres" >&2
      exit 2
      ;;
  esac
  [[ -n "${pid}" ]] || exit 1
  echo "${pid}"
}

# up and down change state: serialise them (two CI steps or a developer and
# a test script racing would otherwise both try to start the broker).
with_lock() {
  mkdir -p "${HIRING_CACHE_DIR}"
  # fd 9: kafka.sh and postgres.sh close it for the servers they start.
  exec 9>"${HIRING_CACHE_DIR}/infra.lock"
  if ! flock -w 300 9; then
    die "another infra.sh holds ${HIRING_CACHE_DIR}/infra.lock for more than 300s."
  fi
  "$@"
}

main() {
  case "${1:-}" in
    up) with_lock cmd_up ;;
    down) with_lock cmd_down ;;
    status) cmd_status "${2:-}" ;;
    pid) cmd_pid "${2:-}" ;;
    *)
      echo "usage: $0 up [--brokers N] | down | status [--quiet] | pid kafka|postgres" >&2
      exit 2
      ;;
  esac
}

main "$@"
