#!/usr/bin/env bash
# `npm stop`: stops the services, then Kafka and Postgres. Data is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash deploy/local/services.sh down
bash deploy/local/infra.sh down
