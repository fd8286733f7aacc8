#!/usr/bin/env bash
# Whole-process wall and CPU time of the commands users run most, as median (min–max) over
# RUNS runs after one warm-up, with /usr/bin/time. The heaviest is `check` of the largest
# uv.lock in the shared corpus (NVIDIA earth2studio, ~2.3 MB) against 12 images, offline
# (issue 9's target: under 1 s).
# Usage: benchmarks/startup.sh [RUNS]     (WHEELWISE=/path/to/launcher to time another build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
ww="${WHEELWISE:-$here/wheelwise}"
cd "$here"
lock="../shared/corpus/lockfiles/uv/NVIDIA__earth2studio/uv.lock"
images=()
for i in 3.10-slim 3.10-alpine 3.11-slim 3.11-alpine 3.12-slim 3.12-alpine 3.12 3.13-slim 3.13-alpine 3.13 \
         3.14-slim 3.14-alpine; do
  images+=(--image "python:$i")
done
"$ww" --version >/dev/null   # builds the jar and its class-data archive if stale

# median min max of the numbers on standard input
stats() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.3f (%.3f–%.3f)", m, v[1], v[NR]}'; }

bench() {
  local name="$1"; shift
  local log; log="$(mktemp)"
  "$@" >/dev/null 2>&1 || true   # warm-up: page cache, archive mapping
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -a -o "$log" "$@" >/dev/null 2>&1 || true
  done
  printf "%-26s wall %s s   cpu %s s   (n=%s)\n" "$name" \
    "$(awk '{print $1}' "$log" | stats)" "$(awk '{print $2+$3}' "$log" | stats)" "$runs"
  rm -f "$log"
}

bench "--version" "$ww" --version
bench "tags" "$ww" tags --python 3.12 --libc musl-1.2 --arch aarch64
if [ -f "$lock" ]; then
  bench "check uv.lock x 12 images" "$ww" check "$lock" --offline "${images[@]}"
else
  echo "check uv.lock x 12 images: skipped ($lock not found)"
fi
bench "check alpine-article" "$ww" check examples/alpine-article/pinned --offline --as-of 2020-01-29
