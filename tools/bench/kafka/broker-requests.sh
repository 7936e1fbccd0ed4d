#!/usr/bin/env bash
# What the local broker was asked during a command, per candidate: requests by
# API, request bytes, the broker's local time per API, bytes in/out per topic
# (JMX counters of the running broker, BrokerCounters.java, diffed around the
# command). With --by-client also the requests by client id and API, from the
# broker's request log switched on for the command (it costs the broker CPU:
# not for CPU runs).
#
#   bash tools/bench/kafka/broker-requests.sh [--by-client] <candidates> -- <command...>
#   e.g. bash tools/bench/kafka/broker-requests.sh 6000 -- npm run -s bench -- --only latency --skip-baselines
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=deploy/local/env.sh
source deploy/local/env.sh
by_client=false
if [[ "${1:-}" == "--by-client" ]]; then by_client=true; shift; fi
n="${1:?candidates}"; shift
[[ "${1:-}" == "--" ]] && shift
kafka_home="${KAFKA_HOME_DIR:-${HIRING_CACHE_DIR:-.cache}/kafka}"
pid="$(head -n1 "${kafka_home}/kafka.pid")"
tool=tools/bench/kafka/BrokerCounters.java
log="${kafka_home}/kafka.log"
before="$(mktemp)"; after="$(mktemp)"; reqlog="$(mktemp)"
trap 'rm -f "${before}" "${after}" "${reqlog}"' EXIT
java "${tool}" "${pid}" >"${before}"
tailer=""
if ${by_client}; then
  # tail -F follows the log across its rollover; only client id and API are kept.
  tail -n 0 -F "${log}" 2>/dev/null \
    > >(sed -un 's/.*Completed request:.*"clientId":"\([^"]*\)","requestApiKeyName":"\([A-Z_]*\)".*/\1 \2/p' >"${reqlog}") &
  tailer=$!
  java "${tool}" "${pid}" request-log DEBUG
fi
# A failing command still gets its counts, and the request log switched off again.
rc=0
"$@" || rc=$?
if ${by_client}; then
  java "${tool}" "${pid}" request-log WARN
  sleep 1 # the last lines through the pipe
  kill "${tailer}" 2>/dev/null || true
  wait "${tailer}" 2>/dev/null || true
  sleep 1 # sed writes what it holds
fi
java "${tool}" "${pid}" >"${after}"
echo
echo "broker counters per candidate (N=${n}):"
join -t $'\t' -a 2 -e 0 -o 0,1.2,2.2 <(sort "${before}") <(sort "${after}") |
  awk -F'\t' -v n="${n}" '$3 - $2 != 0 && $1 !~ /^(requests|requestBytes|LocalTimeMs|ResponseSendTimeMs|RequestQueueTimeMs)\.Fetch$/ { printf "  %-60s %12.3f\n", $1, ($3 - $2) / n }'
if ${by_client}; then
  echo
  echo "requests per candidate by client id and API (request log, $(wc -l <"${reqlog}") requests):"
  sort "${reqlog}" | uniq -c | sort -rn |
    awk -v n="${n}" '{ printf "  %-40s %-20s %9.3f\n", $2, $3, $1 / n }'
fi
exit "${rc}"
