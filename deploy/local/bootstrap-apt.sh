#!/usr/bin/env bash
# Installs the Debian packages the test tiers need beyond the README's
# prerequisites: kcat (the end-to-end tier reads topics with it, as agencies
# would), docker-compose (the lint tier validates docker-compose.yml; there is
# no Docker engine here) and chromium (the monitor's browser test).
# Only missing packages are installed; a second run does nothing and needs no
# network. Kept out of infra.sh on purpose: starting infrastructure must not
# need root or the package archive.
#
# Usage: bash deploy/local/bootstrap-apt.sh          install what is missing
#        bash deploy/local/bootstrap-apt.sh --check  exit 1 with a one-line
#                                                    instruction when something is missing
set -euo pipefail

PACKAGES=(kcat docker-compose chromium)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

main() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    installed "${pkg}" || missing+=("${pkg}")
  done
  if ((${#missing[@]} == 0)); then
    echo "[bootstrap-apt] already installed: ${PACKAGES[*]}"
    return 0
  fi
  if [[ "${1:-}" == --check ]]; then
    echo "[bootstrap-apt] missing ${missing[*]}: run 'sudo bash deploy/local/bootstrap-apt.sh' once (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  local as_root=(env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1)
  if [[ "${EUID}" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || {
      echo "[bootstrap-apt] ERROR: need root (or sudo) to install ${missing[*]}" >&2
      exit 1
    }
    as_root=(sudo "${as_root[@]}")
  fi
  echo "[bootstrap-apt] installing: ${missing[*]}"
  # apt/debconf/needrestart chatter goes to a log shown only on failure.
  local log
  log="$(mktemp)"
  # The package lists of a fresh image are empty; refresh once.
  if ! { "${as_root[@]}" apt-get update -qq &&
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"${log}" 2>&1; then
    cat "${log}" >&2
    rm -f "${log}"
    echo "[bootstrap-apt] ERROR: apt-get failed installing ${missing[*]}" >&2
    exit 1
  fi
  rm -f "${log}"
  for pkg in "${missing[@]}"; do
    installed "${pkg}" || { echo "[bootstrap-apt] ERROR: ${pkg} did not install" >&2; exit 1; }
  done
  echo "[bootstrap-apt] installed: ${missing[*]}"
}

main "$@"
