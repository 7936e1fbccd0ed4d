#!/usr/bin/env bash
# Starts, stops and reports the pipeline's services as background processes
# on this machine (built output under dist/, logs and pids under .cache/run).
#   services.sh up | down | status
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(sourcing screening scoring offer monitor)
declare -A PORTS=([sourcing]="${SOURCING_PORT:-3001}" [screening]="${SCREENING_PORT:-3002}" [scoring]="${SCORING_PORT:-3003}" [offer]="${OFFER_PORT:-3004}" [monitor]="${MONITOR_PORT:-3005}")
RUN_DIR="${HIRING_CACHE_DIR}/run"
READY_TIMEOUT_S="${SERVICES_READY_TIMEOUT_S:-90}"

svc_log() { printf '[services] %s\n' "$*"; }

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${PORTS[$1]}/health/ready"; }

start_one() {
  local svc="$1" pid
  pid="$(read_pid_file "${RUN_DIR}/${svc}.pid")"
  if pid_matches "${pid}" "dist/apps/${svc}/src/main.js"; then
    svc_log "${svc} already running (pid ${pid})"
    return
  fi
  # setsid: the service outlives this script and gets its own process group.
  PORT="${PORTS[$svc]}" setsid node --enable-source-maps "${REPO_ROOT}/dist/apps/${svc}/src/main.js" \
    >>"${RUN_DIR}/${svc}.log" 2>&1 </dev/null &
  echo $! >"${RUN_DIR}/${svc}.pid"
  svc_log "${svc} started (pid $!, port ${PORTS[$svc]}, log ${RUN_DIR}/${svc}.log)"
}

wait_ready() {
  local svc="$1" deadline=$((SECONDS + READY_TIMEOUT_S)) pid
  until ready "${svc}"; do
    pid="$(read_pid_file "${RUN_DIR}/${svc}.pid")"
    if ! kill -0 "${pid}" 2>/dev/null; then
      tail_file "${RUN_DIR}/${svc}.log"
      die "${svc} exited before it was ready"
    fi
    if ((SECONDS >= deadline)); then
      tail_file "${RUN_DIR}/${svc}.log"
      die "${svc} not ready within ${READY_TIMEOUT_S}s (http://127.0.0.1:${PORTS[$svc]}/health/ready)"
    fi
    sleep 0.5 # polling interval of a deadline-bounded wait
  done
  svc_log "${svc} ready: http://127.0.0.1:${PORTS[$svc]}  (OpenAPI: /docs, metrics: /metrics)"
}

up() {
  require_cmd curl "Install it with: apt-get install -y curl"
  [[ -f "${REPO_ROOT}/dist/apps/sourcing/src/main.js" ]] || die "services are not built: run 'npm run build' first"
  mkdir -p "${RUN_DIR}"
  local svc
  for svc in "${SERVICES[@]}"; do start_one "${svc}"; done
  for svc in "${SERVICES[@]}"; do wait_ready "${svc}"; done
}

down() {
  local svc pid deadline
  for svc in "${SERVICES[@]}"; do
    pid="$(read_pid_file "${RUN_DIR}/${svc}.pid")"
    if pid_matches "${pid}" "dist/apps/${svc}/src/main.js"; then
      kill -TERM "${pid}"
      deadline=$((SECONDS + 30))
      while kill -0 "${pid}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      kill -0 "${pid}" 2>/dev/null && { warn "${svc} ignored SIGTERM; killing"; kill -KILL "${pid}"; }
      svc_log "${svc} stopped"
    fi
    rm -f "${RUN_DIR}/${svc}.pid"
  done
}

status() {
  local svc pid state
  for svc in "${SERVICES[@]}"; do
    pid="$(read_pid_file "${RUN_DIR}/${svc}.pid")"
    if pid_matches "${pid}" "dist/apps/${svc}/src/main.js"; then
      if ready "${svc}"; then state=ready; else state="running, not ready"; fi
    else
      state=stopped
    fi
    printf '  %-10s %-20s port %s\n' "${svc}" "${state}" "${PORTS[$svc]}"
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: services.sh up|down|status" ;;
esac
