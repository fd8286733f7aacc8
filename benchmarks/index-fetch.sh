#!/usr/bin/env bash
# Whole-process time of `wheelwise files` for 200 projects served by a loopback Simple API
# index with 50 ms latency per request: cold (empty HTTP cache) and warm (cache filled).
# Usage: benchmarks/index-fetch.sh [COUNT] [LATENCY_MS] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-200}"; latency="${2:-50}"; runs="${3:-5}"
cd "$here"
mvn -q -o -B test-compile >/dev/null
./wheelwise --version >/dev/null   # builds the jar and its class-data archive if stale
cp="$(mvn -q -o -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
java -cp "target/test-classes:target/classes:$cp" dev.wheelwise.index.IndexBenchServer "$count" "$latency" "$work/names" >"$work/url" &
server=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url="$(cat "$work/url")"
mapfile -t names <"$work/names"
run() { ./wheelwise files "${names[@]}" --index-url "$url" --isolated --quiet --cache-dir "$work/cache" >/dev/null; }
echo "projects=${#names[@]} latency=${latency}ms index=$url"
for i in $(seq "$runs"); do
  rm -rf "$work/cache"
  /usr/bin/time -f "cold %e s wall, %U s user, %M KB" bash -c "$(declare -f run); names=(${names[*]}); url=$url; work=$work; run"
done
run
for i in $(seq "$runs"); do
  /usr/bin/time -f "warm %e s wall, %U s user, %M KB" bash -c "$(declare -f run); names=(${names[*]}); url=$url; work=$work; run"
done
