#!/usr/bin/env bash
# check against pip, on the benchmark of startup.sh: `check` of the largest uv.lock in the corpus
# (NVIDIA earth2studio) against 12 images, offline, as one whole process; and the same file
# choices obtained from pip itself, one `pip install --dry-run --report - --no-deps` process per
# image on the locked pins plus one per package check finds no file for (pip stops at the first),
# against a loopback index (127.0.0.1) of the lock's real file names with PEP 658 metadata.
# Prints the agreement of the choices, then wall and CPU time of both sides as median (min–max)
# over RUNS runs after one warm-up, with /usr/bin/time, and their ratio. pip's time is the sum of
# the medians of its two sets of runs (on the pins; for the packages without a file), each timed
# as one bash script running its processes one after another.
#
# Both sides model the pip on this machine (python3 -m pip, 23.2.1): check runs with --pip 23.2.1
# (the images' own pip is not recorded in the catalog; check would otherwise assume 26.1), and pip
# is given each image's Python, libc and CPU from check's JSON, as --python-version and its full
# ordered --platform list. The index server starts before any timing and is not timed (nor is its
# CPU). pip 23.2.1 reads the PEP 658 files while resolving, but then downloads every chosen file
# and asks an sdist's build backend for its metadata even with --dry-run: the generated files are
# small and the sdists' backend only copies PKG-INFO, so pip's time has no compile in it.
# Usage: benchmarks/check-vs-pip.sh [RUNS]     (WHEELWISE=/path/to/launcher to time another build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
ww="${WHEELWISE:-$here/wheelwise}"
cd "$here"
lock="../shared/corpus/lockfiles/uv/NVIDIA__earth2studio/uv.lock"
[ -f "$lock" ] || { echo "check-vs-pip: skipped ($lock not found)"; exit 0; }
pip_version="$(python3 -m pip --version | awk '{print $2}')"
images=()
for i in 3.10-slim 3.10-alpine 3.11-slim 3.11-alpine 3.12-slim 3.12-alpine 3.12 3.13-slim 3.13-alpine 3.13 \
         3.14-slim 3.14-alpine; do
  images+=(--image "python:$i")
done
check=("$ww" check "$lock" --offline "${images[@]}" --pip "$pip_version" --format json)

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mvn -q -o -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test \
  >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
"$ww" --version >/dev/null   # builds the jar and its class-data archive if stale
cp="target/test-classes:target/classes:$(cat "$work/classpath")"
java -cp "$cp" dev.wheelwise.resolve.LockIndexServer "$lock" >"$work/url" &
server=$!
for _ in $(seq 300); do [ -s "$work/url" ] && break; sleep 0.1; done
url="$(cat "$work/url")"
[ -n "$url" ] || { echo "check-vs-pip: the index server did not start" >&2; exit 1; }

"${check[@]}" >"$work/check.json"
agreement=0
java -cp "$cp" dev.wheelwise.resolve.PipAgreement "$url" "$work/check.json" "$work" || agreement=$?
[ -s "$work/pip-pins.sh" ] || exit "$agreement"

# median min max of the numbers on standard input
stats() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.3f %.3f %.3f\n", m, v[1], v[NR]}'; }

# bench NAME CMD…: prints "NAME wall M (min–max) s cpu M (min–max) s"; the medians go to $work/NAME.
bench() {
  local name="$1"; shift
  local log="$work/$name.log"
  "$@" >/dev/null 2>&1 || true   # warm-up: page cache, class-data archive, pip's bytecode
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -a -o "$log" "$@" >/dev/null 2>&1 || true
  done
  read -r wall wmin wmax < <(awk '{print $1}' "$log" | stats)
  read -r cpu cmin cmax < <(awk '{print $2+$3}' "$log" | stats)
  printf "%-16s wall %s (%s–%s) s   cpu %s (%s–%s) s   (n=%s)\n" "$name" "$wall" "$wmin" "$wmax" "$cpu" "$cmin" "$cmax" "$runs"
  echo "$wall $cpu" >"$work/$name"
}

pins="$(grep -c '^.python3' "$work/pip-pins.sh")"
none="$(grep -c '^.python3' "$work/pip-none.sh" || true)"
echo "timing: wheelwise = 1 check process (12 images); pip $pip_version = $pins processes on the pins + $none for packages without a file"
bench wheelwise "${check[@]}"
bench pip-pins bash "$work/pip-pins.sh"
bench pip-none bash "$work/pip-none.sh"
read -r ww_wall ww_cpu <"$work/wheelwise"
read -r pins_wall pins_cpu <"$work/pip-pins"
read -r none_wall none_cpu <"$work/pip-none"
awk -v pw="$pins_wall" -v nw="$none_wall" -v ww="$ww_wall" -v pc="$pins_cpu" -v nc="$none_cpu" -v wc="$ww_cpu" 'BEGIN {
  printf "pip (sum)         wall %.3f s   cpu %.3f s\n", pw + nw, pc + nc
  printf "ratio pip/wheelwise: wall %.1fx, cpu %.1fx (on the pins alone: wall %.1fx, cpu %.1fx)\n",
    (pw + nw) / ww, (pc + nc) / wc, pw / ww, pc / wc }'
exit "$agreement"
