#!/usr/bin/env bash
# Local base images for bench's tests, made once per CI run (no registry is reachable):
#   wheelwise-ci/bookworm-python      Debian bookworm, python3 3.11 + pip + venv, no compiler
#   wheelwise-ci/bookworm-python-gcc  the same plus build-essential and python3-dev
# Needs mmdebstrap and a running Docker engine. Images already present are kept.
set -euo pipefail
docker=${DOCKER:-docker}
base=wheelwise-ci/bookworm-python
if ! "$docker" image inspect "$base" >/dev/null 2>&1; then
  mmdebstrap --quiet --variant=apt --include=ca-certificates,python3,python3-pip,python3-venv \
    bookworm - | "$docker" import - "$base"
fi
if ! "$docker" image inspect "$base-gcc" >/dev/null 2>&1; then
  printf 'FROM %s\nRUN apt-get update -qq && apt-get install -y -qq --no-install-recommends build-essential python3-dev >/dev/null && rm -rf /var/lib/apt/lists/*\n' "$base" \
    | "$docker" build --network host -q -t "$base-gcc" -
fi
