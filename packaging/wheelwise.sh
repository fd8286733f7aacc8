#!/bin/sh
# wheelwise launcher of the release archive: runs the jar on the bundled runtime (no JDK needed).
# The AppCDS archive that makes start-up fast records the jar's absolute path, and JDK 17 cannot
# move it, so it is made here on the first run in each place, from the class list the release
# build trained (lib/classes.lst): beside the jar when that folder is writable, else in the
# user's cache. Written aside and renamed, so a concurrent run never maps a half-written archive.
set -eu
self=$(readlink -f "$0")
home=$(dirname "$(dirname "$self")")
java="$home/runtime/bin/java"
jar="$home/lib/wheelwise.jar"
jsa="$home/lib/wheelwise.jsa"
if [ ! -w "$home/lib" ]; then
  jsa="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/wheelwise/cds/$(printf '%s' "$home" | cksum | cut -d' ' -f1).jsa"
fi
if [ ! -f "$jsa" ] && mkdir -p "$(dirname "$jsa")" 2>/dev/null; then
  "$java" -Xshare:dump -XX:SharedClassListFile="$home/lib/classes.lst" -XX:SharedArchiveFile="$jsa.$$" \
    -cp "$jar" >/dev/null 2>&1 && mv -f "$jsa.$$" "$jsa" || rm -f "$jsa.$$"
fi
# Transparent huge pages for the heap where the kernel gives them on request ("madvise"; see
# ./wheelwise in the source tree: 0.81-0.88x wall on check and lint).
thp=""
if { read -r mode < /sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null; then
  case "$mode" in *"[madvise]"*) thp="-XX:+UseTransparentHugePages" ;; esac
fi
# ArchiveRelocationMode=0: map the archive where it was dumped rather than at a random address
# and patch it (~45 ms of every start-up on JDK 17.0.15; see ./wheelwise in the source tree).
# shellcheck disable=SC2086 # $thp is zero or one option
exec "$java" $thp -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:SharedArchiveFile="$jsa" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn40m \
  -cp "$jar" dev.wheelwise.cli.Main "$@"
