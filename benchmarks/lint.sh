#!/usr/bin/env bash
# Whole-process timings of `wheelwise lint` on one Dockerfile: without the wheel-aware rules
# (--no-wheels), with them on the embedded snapshot (--offline, --as-of AS_OF when set), and
# check's own time on the same file; median (min–max) of N runs. hadolint is compared only when
# installed. Without arguments: the article's 2020 Dockerfile (source builds on python:3.8-alpine,
# as of 2020-01-29) and today's (python:3.13-alpine, all wheels), the two ends of lint's work:
# it compares other images only as far as a source build on the base makes it.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-7}
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
bench() {
  local file=$1 asof=${2:-}
  local dated=()
  [ -n "$asof" ] && dated=(--as-of "$asof")
  echo "== $file${asof:+ (as of $asof)}"
  time_it "lint --no-wheels --no-shellcheck" ./wheelwise lint --no-wheels --no-shellcheck "$file"
  time_it "lint --no-wheels (shellcheck if on PATH)" ./wheelwise lint --no-wheels "$file"
  time_it "lint --offline (wheel-aware)" ./wheelwise lint --offline "${dated[@]}" --no-shellcheck "$file"
  time_it "check --offline" ./wheelwise check --offline "${dated[@]}" "$file"
  if command -v hadolint >/dev/null; then time_it "hadolint" hadolint "$file"; fi
}
if [ $# -gt 0 ]; then
  bench "$1" "${AS_OF:-}"
else
  bench examples/alpine-article/pinned/Dockerfile 2020-01-29
  bench examples/alpine-article/today/Dockerfile
fi
