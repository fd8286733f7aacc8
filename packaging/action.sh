#!/usr/bin/env bash
# The shell step of action.yml: installs the release archive when wheelwise is not on PATH, runs
# wheelwise check with the INPUT_* variables, writes the report's path to GITHUB_OUTPUT and exits
# with check's code (1 when --fail-on tripped).
set -euo pipefail
if ! command -v wheelwise >/dev/null; then
  arch=$(uname -m)
  dir="${RUNNER_TEMP:-/tmp}/wheelwise-$INPUT_VERSION"
  mkdir -p "$dir"
  curl -fsSL "https://github.com/wheelwise/wheelwise/releases/download/v$INPUT_VERSION/wheelwise-$INPUT_VERSION-linux-$arch.tar.gz" \
    | tar xz -C "$dir"
  PATH="$dir/wheelwise-$INPUT_VERSION/bin:$PATH"
  [ -n "${GITHUB_PATH:-}" ] && echo "$dir/wheelwise-$INPUT_VERSION/bin" >> "$GITHUB_PATH"
fi
args=(check "${INPUT_PATH:-.}" --fail-on "${INPUT_FAIL_ON:-never}" --format "${INPUT_FORMAT:-table}")
for image in ${INPUT_IMAGES:-}; do args+=(--image "$image"); done
for platform in ${INPUT_PLATFORMS:-}; do args+=(--platform "$platform"); done
report=""
if [ "${INPUT_FORMAT:-table}" != table ]; then
  report="${RUNNER_TEMP:-/tmp}/wheelwise.${INPUT_FORMAT/markdown/md}"
  args+=(--output "$report")
fi
# INPUT_ARGS is split on spaces on purpose: it holds several arguments.
# shellcheck disable=SC2206
args+=(${INPUT_ARGS:-})
code=0
wheelwise "${args[@]}" || code=$?
[ -n "${GITHUB_OUTPUT:-}" ] && echo "report=$report" >> "$GITHUB_OUTPUT"
exit "$code"
