#!/usr/bin/env bash
# The same 12-package check (flask + requests) over loopback against the machine's local wheel
# index (/opt/pypi, a PEP 503 tree), served once by `python3 -m http.server` (HTTP/1.0, one
# connection per response) and once by the same handler speaking HTTP/1.1 keep-alive; one
# whole-process run each after a warm-up. Target: under 1 s each. Skips where /opt/pypi is absent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tree="${WHEELWISE_BENCH_TREE:-/opt/pypi}"
if [ ! -d "$tree/simple" ]; then echo "SKIPPED: no local PEP 503 tree at $tree/simple"; exit 0; fi
work="$(mktemp -d)"; trap 'kill $p10 $p11 2>/dev/null || true; rm -rf "$work"' EXIT
printf 'flask\nrequests\n' > "$work/requirements.txt"
port10=$((20000 + RANDOM % 10000)); port11=$((port10 + 1))
python3 -m http.server "$port10" --bind 127.0.0.1 -d "$tree" >/dev/null 2>&1 & p10=$!
python3 -c 'import functools, http.server, sys
h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[2])
h.func.protocol_version = "HTTP/1.1"
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), h).serve_forever()' "$port11" "$tree" >/dev/null 2>&1 & p11=$!
sleep 1
run() { "$here/wheelwise" check "$work/requirements.txt" --image python:3.11-slim --platform linux/amd64 --isolated --no-cache \
  --index-url "http://127.0.0.1:$1/simple" >/dev/null; }
run "$port11" # warm-up: builds the jar and the CDS archive if needed
for label in "HTTP/1.0:$port10" "HTTP/1.1:$port11"; do
  start=$(date +%s.%N); run "${label#*:}"; end=$(date +%s.%N)
  printf '%s  %.2f s\n' "${label%%:*}" "$(echo "$end - $start" | bc)"
done
