#!/usr/bin/env bash
# Whole-process timings of `wheelwise lint` on one Dockerfile: without the wheel-aware rules
# (--no-wheels), with them on the embedded snapshot (--offline --as-of), and check's own time
# on the same file; median (min–max) of N runs. hadolint is compared only when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-7}
file=${1:-examples/alpine-article/pinned/Dockerfile}
./wheelwise --version >/dev/null   # build once, outside the timings
time_it() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$N"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%-40s median %.3f s (%.3f–%.3f)\n", l, a[int((NR+1)/2)], a[1], a[NR]}'
}
time_it "lint --no-wheels --no-shellcheck" ./wheelwise lint --no-wheels --no-shellcheck "$file"
time_it "lint --no-wheels (shellcheck if on PATH)" ./wheelwise lint --no-wheels "$file"
time_it "lint --offline (wheel-aware)" ./wheelwise lint --offline --as-of 2020-01-29 --no-shellcheck "$file"
time_it "check --offline" ./wheelwise check --offline --as-of 2020-01-29 "$file"
if command -v hadolint >/dev/null; then time_it "hadolint" hadolint "$file"; fi
