#!/usr/bin/env bash
# npm run bench -- [options]: see tools/bench/pipeline/pipeline-bench.ts.
# Uses the same connection settings as the services (deploy/local/env.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=deploy/local/env.sh
source deploy/local/env.sh
exec node -r @swc-node/register tools/bench/pipeline/pipeline-bench.ts "$@"
