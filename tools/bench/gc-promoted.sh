#!/usr/bin/env bash
# What a service promoted (survivors of scavenges moved to the old generation)
# and how often it collected, from a log written with --trace-gc-nvp
# (SERVICES_NODE_ARGS=--trace-gc-nvp npm run services:up): sums promoted= over
# the scavenge lines (gc=s) and counts them and the full collections (gc=mc)
# from line FROM of the log on (default 1), so a phase is measured by noting
# `wc -l` of the log before it.
#   bash tools/bench/gc-promoted.sh .cache/run/sourcing.log [FROM] [ITEMS]
# ITEMS: divide the promoted bytes by it (KB per candidate).
set -euo pipefail
log="$1"; from="${2:-1}"; items="${3:-0}"
tail -n "+${from}" "$log" | awk -v items="$items" '
  / gc=s / { s++; for (i = 1; i <= NF; i++) if ($i ~ /^promoted=/) { split($i, kv, "="); p += kv[2] } }
  / gc=mc / { mc++ }
  END {
    printf "scavenges %d, full collections %d, promoted %.1f MB", s, mc, p / 1048576
    if (items > 0) printf ", %.1f KB per item", p / 1024 / items
    printf "\n"
  }'
