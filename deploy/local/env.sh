#!/usr/bin/env bash
# Connection defaults of the local infrastructure (deploy/local/infra.sh).
# Source it from any script or shell that talks to the local Kafka/Postgres:
#   source deploy/local/env.sh
# Every value can be overridden by exporting it before sourcing; nothing here
# starts anything or touches the disk, so it is cheap and safe to source twice.
# libs/testing/src/env.ts reads the same variables with the same defaults.

# Kafka: single-node KRaft broker + controller on loopback.
export KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-${KAFKA_HOST}:${KAFKA_PORT}}"

# Postgres 15: a project-owned cluster on 5433 so it never collides with a
# system cluster on 5432. PGHOST/PGPORT also make plain `psql` land on it.
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5433}"
export HIRING_DB_USER="${HIRING_DB_USER:-hiring}"
export HIRING_DB_PASSWORD="${HIRING_DB_PASSWORD:-hiring}"
export HIRING_DB_NAME="${HIRING_DB_NAME:-hiring}"
export DATABASE_URL="${DATABASE_URL:-postgres://${HIRING_DB_USER}:${HIRING_DB_PASSWORD}@${PGHOST}:${PGPORT}/${HIRING_DB_NAME}}"
