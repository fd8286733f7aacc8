#!/usr/bin/env bash
# Builds target/wheelwise-VERSION-linux-ARCH.tar.gz from target/wheelwise.jar: a Java runtime
# trimmed by jlink to the modules jdeps finds, the jar, the class list its AppCDS archive is made
# from, and the bin/wheelwise launcher (packaging/wheelwise.sh). Run by `mvn -P release package`
# (pom.xml); needs only the JDK 17 that builds the jar. Prints the archive's path last.
set -euo pipefail
version="$1"
target="$(cd "$2" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$target/wheelwise.jar"
case "$(uname -m)" in
  x86_64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "release: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
name="wheelwise-$version"
work="$target/release"
home="$work/$name"
rm -rf "$work"
mkdir -p "$home/bin" "$home/lib"
cp "$jar" "$home/lib/wheelwise.jar"
cp "$here/wheelwise.sh" "$home/bin/wheelwise"
chmod 755 "$home/bin/wheelwise"
mkdir -p "$home/share/bash-completion/completions"
cp "$here/completion/wheelwise.bash" "$home/share/bash-completion/completions/wheelwise"
mkdir -p "$home/share/fish/vendor_completions.d" "$home/share/man/man1"
cp "$here/completion/wheelwise.fish" "$home/share/fish/vendor_completions.d/wheelwise.fish"
cp "$here/man/wheelwise.1" "$home/share/man/man1/wheelwise.1"

# jdeps reads the shaded jar's bytecode. jdk.crypto.ec is added by hand: TLS to the index needs
# its elliptic-curve key exchange, a service no class names, so jdeps cannot see it.
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar"),jdk.crypto.ec"
echo "release: modules $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$home/runtime"

# One training run (the hidden __train command) lists the classes a typical run loads; the
# launcher dumps a static archive of them (static: only that holds picocli's old class files).
"$home/runtime/bin/java" -XX:DumpLoadedClassList="$home/lib/classes.lst" -Xshare:off \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$home/lib/wheelwise.jar" dev.wheelwise.cli.Main __train >/dev/null

# Reproducible tar: sorted names, one timestamp (the last commit's), no owner names. The files
# get that timestamp on disk too, so an archive dumped from this folder (the container image's)
# matches the files unpacked from the tar.
epoch="${SOURCE_DATE_EPOCH:-$(git -C "$here/.." log -1 --format=%ct 2>/dev/null || echo 0)}"
find "$home" -exec touch -h -d "@$epoch" {} +
out="$target/$name-linux-$arch.tar.gz"
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -C "$work" -cf - "$name" | gzip -n -9 > "$out"
echo "release: $(du -h "$out" | cut -f1) $out"
