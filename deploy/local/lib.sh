#!/usr/bin/env bash
# Shared helpers for deploy/local/*.sh: paths, logging, timing, waiting.
# Sourced, never executed; the caller sets `set -euo pipefail`.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${LOCAL_DIR}/../.." && pwd)"
# Everything the scripts create lives here (git-ignored), so `rm -rf .cache`
# is a full reset and a fresh clone starts from nothing.
HIRING_CACHE_DIR="${HIRING_CACHE_DIR:-${REPO_ROOT}/.cache}"

# shellcheck source=deploy/local/env.sh
source "${LOCAL_DIR}/env.sh"

log() { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARN: %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}

# Milliseconds since the epoch; GNU date is part of the machine kind.
now_ms() { date +%s%3N; }

# "1234" -> "1.2s": timings are printed for humans, not parsed.
fmt_ms() { awk -v ms="$1" 'BEGIN { printf "%.1fs", ms / 1000 }'; }

# Ordered list of "label: duration" lines that `up` prints at the end.
TIMINGS=()
record_timing() { TIMINGS+=("$(printf '%-22s %s' "$1" "$2")"); }
print_timings() {
  local line
  log "timings:"
  for line in "${TIMINGS[@]}"; do printf '    %s\n' "${line}"; done
}

# require_cmd <command> <how to install>: fail early with an actionable message
# instead of a confusing "command not found" halfway through a start.
require_cmd() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH. $2"
}

# True when something accepts TCP connections on host:port (bash's /dev/tcp;
# no nc/ss dependency).
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# True when pid names a live process. A zombie (killed, not yet reaped by its
# parent, e.g. a server reparented to a slow-reaping init) answers kill -0 but
# is dead for our purposes.
pid_alive() {
  local state
  [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 1
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "${state}" && "${state}" != "Z" ]]
}

# True when pid is alive and its command line contains the given marker, so a
# stale pid file whose number was reused by another process is not trusted.
pid_matches() {
  local pid="$1" marker="$2"
  pid_alive "${pid}" &&
    tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -qF -- "${marker}"
}

read_pid_file() {
  if [[ -f "$1" ]]; then tr -d '[:space:]' <"$1"; fi
}

# tail_file <file> [lines]: shown when a start fails, so the cause is on screen.
tail_file() {
  local file="$1" lines="${2:-40}"
  if [[ -s "${file}" ]]; then
    printf -- '----- last %s lines of %s -----\n' "${lines}" "${file}" >&2
    tail -n "${lines}" "${file}" >&2
    printf -- '-----\n' >&2
  fi
}
