#!/usr/bin/env bash
# Connection defaults of the local infrastructure (deploy/local/infra.sh).
# Source it from any script or shell that talks to the local Kafka/Postgres:
#   source deploy/local/env.sh
# Every value can be overridden by exporting it before sourcing; nothing here
# starts anything or touches the disk, so it is cheap and safe to source twice.
# libs/testing/src/env.ts reads the same variables with the same defaults.

# Kafka: KRaft nodes (broker + controller each) on loopback; one by default.
export KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# Cluster size: KAFKA_BROKER_COUNT (or `infra.sh up --brokers N`), else the
# size of the cluster `up` last started in this checkout (kept until `down`),
# else 1. So services, tests and `status` find every broker of a running
# cluster without being told again.
_hiring_kafka_home="${KAFKA_HOME_DIR:-${HIRING_CACHE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.cache}/kafka}"
export KAFKA_SIZE_FILE="${KAFKA_SIZE_FILE:-${_hiring_kafka_home}/brokers}"
if [[ -z "${KAFKA_BROKER_COUNT:-}" && -s "${KAFKA_SIZE_FILE}" ]]; then
  KAFKA_BROKER_COUNT="$(tr -d '[:space:]' <"${KAFKA_SIZE_FILE}")"
fi
export KAFKA_BROKER_COUNT="${KAFKA_BROKER_COUNT:-1}"
unset _hiring_kafka_home
# Node i > 1 listens on KAFKA_PORT_<i> / KAFKA_CONTROLLER_PORT_<i>, by default
# two above node i-1 (9094/9095, 9096/9097 for a three-node cluster).
kafka_port_var() { if (($1 == 1)); then echo KAFKA_PORT; else echo "KAFKA_PORT_$1"; fi; }
kafka_controller_port_var() { if (($1 == 1)); then echo KAFKA_CONTROLLER_PORT; else echo "KAFKA_CONTROLLER_PORT_$1"; fi; }
kafka_node_port() {
  local var
  var="$(kafka_port_var "$1")"
  echo "${!var:-$((KAFKA_PORT + 2 * ($1 - 1)))}"
}
kafka_node_controller_port() {
  local var
  var="$(kafka_controller_port_var "$1")"
  echo "${!var:-$((KAFKA_CONTROLLER_PORT + 2 * ($1 - 1)))}"
}
if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  KAFKA_BROKERS="${KAFKA_HOST}:${KAFKA_PORT}"
  for ((_i = 2; _i <= KAFKA_BROKER_COUNT; _i++)); do KAFKA_BROKERS+=",${KAFKA_HOST}:$(kafka_node_port "${_i}")"; done
  unset _i
fi
export KAFKA_BROKERS

# Postgres 15: a project-owned cluster on 5433 so it never collides with a
# system cluster on 5432. PGHOST/PGPORT also make plain `psql` land on it.
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5433}"
export HIRING_DB_USER="${HIRING_DB_USER:-hiring}"
export HIRING_DB_PASSWORD="${HIRING_DB_PASSWORD:-hiring}"
export HIRING_DB_NAME="${HIRING_DB_NAME:-hiring}"
export DATABASE_URL="${DATABASE_URL:-postgres://${HIRING_DB_USER}:${HIRING_DB_PASSWORD}@${PGHOST}:${PGPORT}/${HIRING_DB_NAME}}"
