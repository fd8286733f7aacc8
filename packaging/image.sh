#!/usr/bin/env bash
# Builds target/wheelwise-VERSION-image-ARCH.tar, a container image of the release archive,
# without a Docker daemon or a registry: `docker load -i` it, or copy it anywhere as an OCI
# archive. Run by `mvn -P release,image package` (pom.xml) after packaging/release.sh.
#
# Base: scratch plus the Debian packages the jlink runtime links against (libc6, libgcc-s1,
# libstdc++6, zlib1g), extracted by mmdebstrap from the Debian mirror of the suite the JDK that
# built the runtime comes from, so glibc and libstdc++ are the ones it was built for. No shell,
# no package manager: the entrypoint is the runtime's java with the launcher's options.
# The AppCDS archive is dumped once at its final path /opt/wheelwise inside the root file system
# (chroot, so root only; elsewhere the image is built without one and starts slower).
set -euo pipefail
version="$1"
target="$(cd "$2" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "$(uname -m)" in
  x86_64) arch=x86_64 oci_arch=amd64 ;;
  aarch64 | arm64) arch=aarch64 oci_arch=arm64 ;;
  *) echo "image: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
archive="$target/wheelwise-$version-linux-$arch.tar.gz"
[ -f "$archive" ] || { echo "image: $archive missing; build it with -P release" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "image: needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 2; }
suite="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
mirror="${WHEELWISE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# Where the source lives, for the org.opencontainers.image.source label.
source_url="${WHEELWISE_SOURCE_URL:-https://github.com/wheelwise/wheelwise}"
epoch="${SOURCE_DATE_EPOCH:-$(git -C "$here/.." log -1 --format=%ct 2>/dev/null || echo 0)}"

work="$target/image"
rm -rf "$work"
mkdir -p "$work"
root="$work/rootfs"
SOURCE_DATE_EPOCH="$epoch" mmdebstrap --quiet --variant=extract --include=libc6,libgcc-s1,libstdc++6,zlib1g \
  "$suite" "$root" "$mirror"
# What only apt and dpkg use, and documentation but the copyright files.
rm -rf "$root"/{etc/apt,etc/dpkg,var,dev,tmp,etc/fstab,etc/hostname,etc/resolv.conf} "$root/usr/share/lintian" "$root/usr/share/gdb"
find "$root/usr/share/doc" -type f ! -name copyright -delete 2>/dev/null || true
mkdir -p "$root/tmp" "$root/work" "$root/home/wheelwise" "$root/opt"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nwheelwise:x:65532:65532:wheelwise:/home/wheelwise:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nwheelwise:x:65532:\n' > "$root/etc/group"
chown 65532:65532 "$root/work" "$root/home/wheelwise"

tar xzf "$archive" -C "$root/opt"
mv "$root/opt/wheelwise-$version" "$root/opt/wheelwise"
home=/opt/wheelwise
# UTF-8 output whatever the locale: the image has no locale files, so LANG=C.UTF-8 alone leaves
# Java on ASCII and the reports' "≥" would print as "?".
# ArchiveRelocationMode=0: the archive is mapped where it was dumped, not relocated (start-up).
java=(/opt/wheelwise/runtime/bin/java -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0
  -XX:SharedArchiveFile=$home/lib/wheelwise.jsa -Xshare:auto
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8
  -cp $home/lib/wheelwise.jar dev.wheelwise.cli.Main)
if [ "$(id -u)" = 0 ]; then
  # No /proc in the chroot: the loader cannot expand java's $ORIGIN rpath, so the path is given.
  LD_LIBRARY_PATH=$home/runtime/lib chroot "$root" "${java[0]}" -Xshare:dump -XX:SharedClassListFile=$home/lib/classes.lst \
    -XX:SharedArchiveFile=$home/lib/wheelwise.jsa -cp $home/lib/wheelwise.jar >/dev/null
else
  echo "image: not root, so no chroot: the image has no AppCDS archive" >&2
fi
find "$root" -exec touch -h -d "@$epoch" {} +

labels="$(python3 - "$version" "$source_url" <<'PY'
import json, sys
print(json.dumps({
    "org.opencontainers.image.title": "wheelwise",
    "org.opencontainers.image.description": "Which base image should this Python project use, and what does each choice cost?",
    "org.opencontainers.image.source": sys.argv[2],
    "org.opencontainers.image.version": sys.argv[1],
    "org.opencontainers.image.licenses": "NOASSERTION",
}))
PY
)"
config="$(python3 - "$labels" "${java[@]}" <<'PY'
import json, sys
print(json.dumps({
    "Entrypoint": sys.argv[2:],
    "Cmd": ["--help"],
    "User": "65532:65532",
    "WorkingDir": "/work",
    "Env": ["PATH=/usr/bin:/bin", "HOME=/home/wheelwise"],
    "Labels": json.loads(sys.argv[1]),
}))
PY
)"
out="$target/wheelwise-$version-image-$arch.tar"
python3 "$here/oci.py" "$root" "$out" --layer etc,home,lib,lib64,tmp,usr,work --layer opt/wheelwise \
  --config-json "$config" --architecture "$oci_arch" --tag "wheelwise:$version" --epoch "$epoch" >/dev/null
echo "image: $(du -h "$out" | cut -f1) $out"
