#!/bin/sh
# Wheel-install CPU time per MB, measured on this machine (issue 14, BuildTimeModel's install
# constant). Serves the local wheel index (/opt/pypi, or $INDEX_DIR) on loopback, then installs
# each wheel alone with pip (--no-deps, bytecode compiled as pip does by default) into a fresh
# --target folder, REPEAT times, and prints CPU seconds (user + sys) and wall seconds per run
# with the wheel's file size and installed size (du -sb: files + bytecode). A tiny wheel (six)
# gives pip's fixed cost, subtracted per run in the summary: what is left is the unpack and
# bytecode work that grows with the wheel.
#
# CPU time, not wall time: on this shared 2-core machine wall time measures the neighbours.
# Output: one TSV row per run on stdout, then a summary (min/median/max s per file MB and per
# installed MB over the wheels, each wheel's median run).
set -eu
INDEX_DIR=${INDEX_DIR:-/opt/pypi}
REPEAT=${REPEAT:-3}
PY=${PY:-python3}
WHEELS=${WHEELS:-"six==1.17.0 numpy==1.26.4 pandas==2.3.3 matplotlib==3.11.2 scipy==1.11.1 pillow==11.3.0 fonttools==4.66.1 kiwisolver==1.5.1 lxml==6.1.3 contourpy==1.3.3 pytz==2026.4 python-dateutil==2.9.0.post0 pyparsing==3.3.3"}

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$PY -m http.server --bind 127.0.0.1 --directory "$INDEX_DIR" "$port" >/dev/null 2>&1 &
server=$!
i=0
until $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/simple/')" 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 50 ] || { echo "index server did not start" >&2; exit 1; }; sleep 0.1
done

printf 'wheel\trun\tfile_bytes\tinstalled_bytes\tcpu_s\twall_s\n'
for spec in $WHEELS; do
  name=${spec%%==*}
  r=1
  while [ $r -le "$REPEAT" ]; do
    rm -rf "$work/t" "$work/dl"
    /usr/bin/time -f '%U %S %e' -o "$work/time" \
      $PY -m pip install --isolated --no-deps --no-cache-dir --disable-pip-version-check -q \
        --index-url "http://127.0.0.1:$port/simple/" --target "$work/t" "$spec" >/dev/null
    set -- $(cat "$work/time")
    cpu=$($PY -c "print(round($1 + $2, 2))")
    $PY -m pip download --isolated --no-deps --no-cache-dir --disable-pip-version-check -q \
      --index-url "http://127.0.0.1:$port/simple/" -d "$work/dl" "$spec" >/dev/null
    file=$(du -sb "$work"/dl/*.whl | cut -f1)
    installed=$(du -sb "$work/t" | cut -f1)
    printf '%s\t%d\t%s\t%s\t%s\t%s\n' "$name" "$r" "$file" "$installed" "$cpu" "$3"
    r=$((r + 1))
  done
done | tee "$work/runs.tsv"

$PY - "$work/runs.tsv" <<'EOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
by = {}
for w, r, f, i, c, wall in rows:
    by.setdefault(w, []).append((int(f), int(i), float(c), float(wall)))
fixed = statistics.median(c for _, _, c, _ in by.pop("six"))
print(f"# pip's fixed cost (six, median of runs): {fixed:.2f} CPU s")
per_file, per_inst = [], []
for w, runs in by.items():
    f, i = runs[0][0], runs[0][1]
    c = statistics.median(x[2] for x in runs) - fixed
    per_file.append(c / (f / 1e6)); per_inst.append(c / (i / 1e6))
    print(f"# {w}: {f/1e6:.1f} MB file, {i/1e6:.1f} MB installed, {c:.2f} CPU s above fixed: "
          f"{c/(f/1e6):.3f} s/file MB, {c/(i/1e6):.3f} s/installed MB")
for label, v in (("per file MB", per_file), ("per installed MB", per_inst)):
    print(f"# CPU s {label}: min {min(v):.3f} median {statistics.median(v):.3f} max {max(v):.3f} "
          f"(max/min {max(v)/min(v):.2f}, {len(v)} wheels)")
EOF
