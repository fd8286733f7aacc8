#!/usr/bin/env bash
# Issue 13's speed figures, whole process (farm-bench, median of 5):
#  1. the default candidate search on the corpus's largest uv.lock (every admitted Python x
#     slim/full/alpine x two OS releases, on amd64 and arm64: 30+ targets), offline;
#  2. one target on the same lock against benchmarks/lock_pick.py (tomllib + packaging.tags), paired.
# Needs ../shared beside the clone and farm-bench on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=${1:-../shared/corpus/lockfiles/uv/NVIDIA__earth2studio/uv.lock}
[ -f "$lock" ] || { echo "check-search: $lock is absent (../shared beside the clone?)" >&2; exit 2; }
./wheelwise --version >/dev/null   # build once, outside the timings
targets=$(./wheelwise check "$lock" --offline --platform linux/amd64 --platform linux/arm64 --format json 2>/dev/null \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["images"]))')
echo "default search: $targets targets"
farm-bench -n 5 -- ./wheelwise check "$lock" --offline --platform linux/amd64 --platform linux/arm64
echo "one target (python:3.13-slim, linux/amd64) vs lock_pick.py (cp313, glibc 2.41):"
farm-bench -n 5 --vs "python3 benchmarks/lock_pick.py $lock 3.13 2.41" -- \
  ./wheelwise check "$lock" --offline --image python:3.13-slim --platform linux/amd64
