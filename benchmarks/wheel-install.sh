#!/bin/sh
# Wheel-install CPU time per MB, measured on this machine (issue 14, BuildTimeModel's install
# constant). Serves the local wheel index (/opt/pypi, or $INDEX_DIR) on loopback, then installs
# each wheel alone with pip (--no-deps, bytecode compiled as pip does by default) into a fresh
# --target folder, REPEAT times, and prints CPU seconds (user + sys) and wall seconds per run
# with the wheel's file size and installed size (du -sb: files + bytecode). The summary fits
# CPU = a + b x MB over the wheels' median runs: a is pip's fixed cost (its start), b the unpack
# and bytecode work that grows with the wheel (BuildTimeModel.INSTALL_CPU_SECONDS_PER_MB).
#
# CPU time, not wall time: on this shared 2-core machine wall time measures the neighbours.
# Output: one TSV row per run on stdout, then the fit per file MB and per installed MB.
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
    by.setdefault(w, []).append((int(f), int(i), float(c)))
# Each wheel's median run; then CPU = a + b x MB by least squares over the wheels: a is pip's
# fixed cost (its start), b the per-MB rate BuildTimeModel uses.
pts = {w: (v[0][0] / 1e6, v[0][1] / 1e6, statistics.median(x[2] for x in v)) for w, v in by.items()}
for label, k in (("file", 0), ("installed", 1)):
    xs = [p[k] for p in pts.values()]; ys = [p[2] for p in pts.values()]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    print(f"# CPU s = {a:.2f} + {b:.4f} x {label} MB (least squares over {len(xs)} wheels)")
    for w, p in pts.items():
        if p[k] > 5:
            print(f"#   {w}: {p[k]:.1f} {label} MB, {(p[2] - a) / p[k]:.3f} CPU s/MB above the intercept")
EOF
