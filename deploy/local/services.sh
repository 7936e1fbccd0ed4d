#!/usr/bin/env bash
# Starts, stops and reports the pipeline's services as background processes
# on this machine (built output under dist/, logs and pids under .cache/run).
#   services.sh up | down | status
#
# Instances per service: <SERVICE>_INSTANCES (e.g. SCORING_INSTANCES=2),
# default 1. Instances of a service share its consumer group, so Kafka splits
# the partitions between them; instance k listens on <SERVICE>_PORT +
# (k-1) * SERVICES_PORT_STEP (default 100: scoring 3003, 3103, 3203 ...).
# SERVICES_NODE_ARGS: extra node flags for every instance, e.g. for profiling
# "--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS).
#
# Memory under load (docs/performance.md "Peak RSS: what it holds (lane 15c)"):
# every service starts with --max-old-space-size=2047. Not a cap in practice
# (they hold 35-100 MB live): below a 2048 MB old-space limit V8 lets the old
# generation grow to at most 2x what survived the last full collection, at
# 2048 MB or more (its default here, 4 GB) up to 4x, which is most of a peak.
# It took offer's peak from ~205 to ~170 MB at no measurable CPU, scoring's
# from 254-266 to 174-177 MB for 0.02-0.04 ms of CPU per candidate
# (docs/performance.md "Scoring's old generation"), and sourcing's and
# screening's from 317-380 to 231-248 MB for 0.07-0.16 ms per candidate
# between them (+6-14 % of their CPU, 3-6 % of the pipeline's ~2.5 ms; the
# totals and rates did not move beyond their spread: docs/performance.md
# "Sourcing's and screening's peaks (lane 22c)"). Still above 200 MB for
# those two: smaller semi-spaces (--max-semi-space-size=8, 213-229 MB) and
# smaller fetches (176-238 MB, 25-31 % more of their CPU) are not taken.
# SERVICES_MEMORY_ARGS (default: the flag above; "" for none): node flags for
# every service instead, that trade CPU for memory,
# e.g. --heap-growing-percent=30: after a full collection V8 lets the old
# generation grow to 1.3x what survived, where its own choice under a high
# allocation rate is up to 4x (peaks of ~350 MB for ~70 MB live). It keeps
# every service near or under 200 MB but cost a third of the Kafka path's
# rate on a quiet machine (264 vs 420 candidates/s, 7.5 vs 4.8 ms CPU per
# candidate), so it is not the default. Not allowed in NODE_OPTIONS.
# What the peak is made of, and what else was tried (a larger new space,
# smaller Kafka fetches, smaller consumer transactions): docs/performance.md
# "Memory (lane 12d)". A larger new space (--max-semi-space-size=32/64), alone
# or with --max-old-space-size=2047, raised the peaks or still cost sourcing
# and screening 8-11 % CPU: "Peak RSS: young generation and promotion (lane 18c)".
# GLIBC_TUNABLES (default glibc.malloc.mmap_threshold=131072): allocations over
# 128 KiB (bulk bodies, Kafka fetches) get their own mapping, given back when
# freed; glibc otherwise raises the threshold after the first large free and
# keeps tens of MB of freed buffers in its heap. Set either to "" for none.
# Stack traces name TypeScript lines without --enable-source-maps (it kept
# every module's source map on the heap): libs/platform maps our own frames
# when a stack is formatted (logging/stack-traces.ts).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(sourcing screening scoring offer monitor)
declare -A PORTS=([sourcing]="${SOURCING_PORT:-3001}" [screening]="${SCREENING_PORT:-3002}" [scoring]="${SCORING_PORT:-3003}" [offer]="${OFFER_PORT:-3004}" [monitor]="${MONITOR_PORT:-3005}")
RUN_DIR="${HIRING_CACHE_DIR}/run"
# The same for every service (see "Memory under load" above).
DEFAULT_MEMORY_ARGS="--max-old-space-size=2047"
READY_TIMEOUT_S="${SERVICES_READY_TIMEOUT_S:-90}"
PORT_STEP="${SERVICES_PORT_STEP:-100}"

svc_log() { printf '[services] %s\n' "$*"; }

instances_of() {
  local var="${1^^}_INSTANCES" n
  n="${!var:-1}"
  [[ "${n}" =~ ^[1-9][0-9]?$ ]] || die "${var} must be a number 1..99, got '${n}'"
  echo "${n}"
}

# Instance 1 keeps the historic names (<svc>.pid, <svc>.log); k > 1 adds -k.
inst_name() { if (($2 == 1)); then echo "$1"; else echo "$1-$2"; fi; }
inst_port() { echo $((PORTS[$1] + ($2 - 1) * PORT_STEP)); }

# <SERVICE>_MEMORY_ARGS (e.g. SOURCING_MEMORY_ARGS) wins over
# SERVICES_MEMORY_ARGS, which wins over DEFAULT_MEMORY_ARGS; "" for none.
memory_args_of() {
  local var="${1^^}_MEMORY_ARGS"
  if [[ -n "${!var+set}" ]]; then echo "${!var}"; else echo "${SERVICES_MEMORY_ARGS-${DEFAULT_MEMORY_ARGS}}"; fi
}

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(inst_port "$1" "$2")/health/ready"; }

start_one() {
  local svc="$1" k="$2" name pid port
  name="$(inst_name "${svc}" "${k}")"
  port="$(inst_port "${svc}" "${k}")"
  pid="$(read_pid_file "${RUN_DIR}/${name}.pid")"
  if pid_matches "${pid}" "dist/apps/${svc}/src/main.js"; then
    svc_log "${name} already running (pid ${pid})"
    return
  fi
  if port_open 127.0.0.1 "${port}"; then
    die "port ${port} for ${name} is taken by another process (set ${svc^^}_PORT or SERVICES_PORT_STEP)"
  fi
  # setsid: the service outlives this script and gets its own process group.
  PORT="${port}" INSTANCE_ID="${name}-$$" SOURCING_URL="http://127.0.0.1:$(inst_port sourcing 1)" GLIBC_TUNABLES="${GLIBC_TUNABLES-glibc.malloc.mmap_threshold=131072}" setsid node $(memory_args_of "${svc}") ${SERVICES_NODE_ARGS:-} "${REPO_ROOT}/dist/apps/${svc}/src/main.js" \
    >>"${RUN_DIR}/${name}.log" 2>&1 </dev/null &
  echo $! >"${RUN_DIR}/${name}.pid"
  svc_log "${name} started (pid $!, port ${port}, log ${RUN_DIR}/${name}.log)"
}

wait_ready() {
  local svc="$1" k="$2" deadline=$((SECONDS + READY_TIMEOUT_S)) pid name
  name="$(inst_name "${svc}" "${k}")"
  until ready "${svc}" "${k}"; do
    pid="$(read_pid_file "${RUN_DIR}/${name}.pid")"
    if ! kill -0 "${pid}" 2>/dev/null; then
      tail_file "${RUN_DIR}/${name}.log"
      die "${name} exited before it was ready"
    fi
    if ((SECONDS >= deadline)); then
      tail_file "${RUN_DIR}/${name}.log"
      die "${name} not ready within ${READY_TIMEOUT_S}s (http://127.0.0.1:$(inst_port "${svc}" "${k}")/health/ready)"
    fi
    sleep 0.5 # polling interval of a deadline-bounded wait
  done
  svc_log "${name} ready: http://127.0.0.1:$(inst_port "${svc}" "${k}")  (OpenAPI: /docs, metrics: /metrics)"
}

up() {
  require_cmd curl "Install it with: apt-get install -y curl"
  [[ -f "${REPO_ROOT}/dist/apps/sourcing/src/main.js" ]] || die "services are not built: run 'npm run build' first"
  mkdir -p "${RUN_DIR}"
  local svc k
  for svc in "${SERVICES[@]}"; do
    for ((k = 1; k <= $(instances_of "${svc}"); k++)); do start_one "${svc}" "${k}"; done
  done
  for svc in "${SERVICES[@]}"; do
    for ((k = 1; k <= $(instances_of "${svc}"); k++)); do wait_ready "${svc}" "${k}"; done
  done
}

# Every pid file of a service, whatever its instance count is now, so `down`
# also stops instances started with a larger count.
pid_files_of() {
  [[ -f "${RUN_DIR}/$1.pid" ]] && echo "${RUN_DIR}/$1.pid"
  compgen -G "${RUN_DIR}/$1-[0-9]*.pid" || true
}

down() {
  local svc f pid name deadline
  for svc in "${SERVICES[@]}"; do
    while read -r f; do
      [[ -n "${f}" ]] || continue
      name="$(basename "${f}" .pid)"
      pid="$(read_pid_file "${f}")"
      if pid_matches "${pid}" "dist/apps/${svc}/src/main.js"; then
        kill -TERM "${pid}"
        deadline=$((SECONDS + 30))
        while kill -0 "${pid}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
        kill -0 "${pid}" 2>/dev/null && { warn "${name} ignored SIGTERM; killing"; kill -KILL "${pid}"; }
        svc_log "${name} stopped"
      fi
      rm -f "${f}"
    done < <(pid_files_of "${svc}")
  done
}

status() {
  local svc k pid state name
  for svc in "${SERVICES[@]}"; do
    for ((k = 1; k <= $(instances_of "${svc}"); k++)); do
      name="$(inst_name "${svc}" "${k}")"
      pid="$(read_pid_file "${RUN_DIR}/${name}.pid")"
      if pid_matches "${pid}" "dist/apps/${svc}/src/main.js"; then
        if ready "${svc}" "${k}"; then state=ready; else state="running, not ready"; fi
      else
        state=stopped
      fi
      printf '  %-12s %-20s port %s\n' "${name}" "${state}" "$(inst_port "${svc}" "${k}")"
    done
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: services.sh up|down|status" ;;
esac
