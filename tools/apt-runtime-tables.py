#!/usr/bin/env python3
"""Generates src/main/resources/dev/wheelwise/lint/fix/apt-runtime-<os>-<release>.tsv.

For `wheelwise fix` (WW1003 on Debian/Ubuntu): a build package (one lint's WW1003 calls
build-only: *-dev, *-devel, a compiler or build tool) -> the packages the extensions pip
compiled against it still load at run time, which must stay installed when
`apt-get purge -y --auto-remove BUILD...` removes the build packages. The answer depends on the
release (libssl-dev -> libssl1.1 on bullseye, libssl3 on bookworm, libssl3t64 on trixie), so
there is one table per release, read from that release's Packages index:

* a -dev package P: the packages P depends on (first alternative, version dropped) that are
  built from P's own source package and are not build packages themselves; P's dependencies of
  its own source that are build packages are followed the same way (libjpeg-dev ->
  libjpeg62-turbo-dev -> libjpeg62-turbo). A P with no dependency of its own source
  (default-libmysqlclient-dev, a pointer to another library's -dev) follows its build-package
  dependencies of any source.
  The toolchain's own -dev packages (libstdc++-12-dev from gcc-12, libc6-dev) are not followed.
* packages every image of the release has (Priority: required, Essential: yes) are left out.
* compilers and build tools: nothing, once the data shows that apt (Priority: required, in
  every image) depends on libgcc-s1 and libstdc++6, the only libraries C/C++ (and Rust)
  extensions load from the toolchain; gfortran: the libgfortran package its dependencies reach.

The names covered are the apt names wheelwise itself writes or knows (apk-to-apt.tsv,
build-deps.json) plus the build packages commonly installed for pip (NAMES below, which
includes every build-package name found in the project's Dockerfile corpus); a name a release
does not have gets no row there, and fix refuses naming it.

Usage: tools/apt-runtime-tables.py [CACHE_DIR]   (run from the repository root; downloads the
Packages indexes from the mirrors below into CACHE_DIR, default /tmp/apt-runtime-cache)
"""

import datetime
import json
import lzma
import os
import re
import sys
import urllib.request

OUT = "src/main/resources/dev/wheelwise/lint/fix"
DEBIAN = "http://deb.debian.org/debian"
UBUNTU = "http://archive.ubuntu.com/ubuntu"
ARCH = "amd64"  # library package names are the same on every architecture
RELEASES = [
    ("debian", "11", "bullseye", DEBIAN, ["main"]),
    ("debian", "12", "bookworm", DEBIAN, ["main"]),
    ("debian", "13", "trixie", DEBIAN, ["main"]),
    ("ubuntu", "22.04", "jammy", UBUNTU, ["main", "universe"]),
    ("ubuntu", "24.04", "noble", UBUNTU, ["main", "universe"]),
]

# lint's BUILD_TOOLS (src/main/java/dev/wheelwise/lint/rules/Facts.java): keep in step
BUILD_TOOLS = {"build-base", "build-essential", "gcc", "g++", "clang", "make", "cmake", "musl-dev", "libc-dev", "libc6-dev",
               "gfortran", "cargo", "rust", "rustc", "autoconf", "automake", "libtool", "pkgconf", "pkg-config",
               "linux-headers", "meson", "ninja", "ninja-build"}
FORTRAN = {"gfortran"}

NAMES = """
build-essential gcc g++ clang make cmake libc6-dev gfortran cargo rustc autoconf automake libtool pkgconf pkg-config
meson ninja-build python3-dev libpython3-dev python-dev-is-python3 linux-libc-dev
libssl-dev libffi-dev libpq-dev libjpeg-dev libjpeg62-turbo-dev libjpeg-turbo8-dev libpng-dev libtiff-dev libtiff5-dev
libwebp-dev libfreetype-dev libfreetype6-dev liblcms2-dev libopenjp2-7-dev libxml2-dev libxslt1-dev libxslt-dev
libyaml-dev zlib1g-dev libbz2-dev liblzma-dev libzstd-dev liblz4-dev libsnappy-dev libncurses-dev libncurses5-dev
libncursesw5-dev libreadline-dev libsqlite3-dev libgdbm-dev libdb-dev uuid-dev libedit-dev
libmariadb-dev libmariadb-dev-compat default-libmysqlclient-dev libmysqlclient-dev libsasl2-dev libldap2-dev libldap-dev
libkrb5-dev libgssapi-krb5-2 libcurl4-openssl-dev libcurl4-gnutls-dev libxmlsec1-dev libxmlsec1-openssl unixodbc-dev
freetds-dev libopenblas-dev libblas-dev liblapack-dev libatlas-base-dev libhdf5-dev libhdf5-serial-dev libnetcdf-dev
libgeos-dev libproj-dev libgdal-dev libspatialindex-dev libcairo2-dev libgirepository1.0-dev libgirepository-2.0-dev
libpango1.0-dev libgdk-pixbuf2.0-dev libglib2.0-dev libdbus-1-dev libsystemd-dev libudev-dev libusb-1.0-0-dev
libsndfile1-dev libportaudio2 portaudio19-dev libasound2-dev libavcodec-dev libavformat-dev libavdevice-dev
libavfilter-dev libavutil-dev libswscale-dev libswresample-dev libv4l-dev libmpg123-dev libfftw3-dev libgmp-dev
libmpfr-dev libmpc-dev libprotobuf-dev protobuf-compiler libgrpc-dev libre2-dev libzmq3-dev libevent-dev libev-dev
libuv1-dev libpcre3-dev libpcre2-dev libxrender-dev libxext-dev libx11-dev libsm-dev libgl1-mesa-dev libglu1-mesa-dev
libtinyxml-dev libhunspell-dev libleveldb-dev librocksdb-dev libcap-dev libacl1-dev libattr1-dev libseccomp-dev
libnss3-dev libgnutls28-dev libnghttp2-dev libssh-dev libssh2-1-dev libgit2-dev libarchive-dev libmagic-dev
libboost-dev libboost-all-dev libeigen3-dev libopencv-dev libtesseract-dev libleptonica-dev libpoppler-cpp-dev
libqpdf-dev libmupdf-dev libharfbuzz-dev libfribidi-dev libimagequant-dev libraqm-dev libheif-dev libavif-dev
libcfitsio-dev libgsl-dev libsuitesparse-dev libmemcached-dev libsodium-dev libsecp256k1-dev libargon2-dev
libkeyutils-dev libaio-dev libnuma-dev libhwloc-dev libopenmpi-dev libomp-dev libtbb-dev libgeoip-dev libmaxminddb-dev
libyara-dev libfuse-dev libfuse3-dev libsnmp-dev libpcap-dev libnetfilter-queue-dev libnfnetlink-dev libjansson-dev
libcurl-dev libexpat1-dev libonig-dev libicu-dev libltdl-dev libsasl2-modules libsqlcipher-dev libspatialite-dev
"""

DEV = re.compile(r".*-(dev|devel)$")
# what a -dev package's dependencies are followed through (libmariadb-dev-compat -> libmariadb-dev)
DEV_LIKE = re.compile(r".*-(multi)?(dev|devel)(-compat)?$")
# the toolchain's own -dev packages (libstdc++-12-dev, libc6-dev): what they hold is in every image or is the build tool's
TOOLCHAIN_SOURCE = re.compile(r"(gcc-[0-9]+|gcc-defaults|glibc)$")


def build_package(name):
    return name in BUILD_TOOLS or DEV.match(name) is not None


def fetch(url, path):
    if not os.path.exists(path):
        with urllib.request.urlopen(url, timeout=300) as r, open(path + ".part", "wb") as f:
            f.write(r.read())
        os.rename(path + ".part", path)
    return path


def stanzas(text):
    for block in text.split("\n\n"):
        fields = {}
        key = None
        for line in block.split("\n"):
            if line.startswith((" ", "\t")) and key:
                fields[key] += " " + line.strip()
            elif ":" in line:
                key, value = line.split(":", 1)
                fields[key] = value.strip()
        if "Package" in fields:
            yield fields


def depends(fields):
    out = []
    for field in ("Pre-Depends", "Depends"):
        for group in filter(None, (g.strip() for g in fields.get(field, "").split(","))):
            first = group.split("|")[0].strip()
            out.append(re.sub(r"[\s(].*$", "", first).split(":")[0])
    return out


def source(fields):
    return re.sub(r"\s.*$", "", fields.get("Source", fields["Package"]))


def names():
    wanted = set(NAMES.split()) | BUILD_TOOLS
    with open(os.path.join(OUT, "apk-to-apt.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                wanted.update(n for n in line.split("\t")[1].split() if n != "-")
    with open("src/main/resources/dev/wheelwise/cost/build-deps.json", encoding="utf-8") as f:
        for row in json.load(f)["rows"]:
            apt = row.get("apt") or {}
            for key in ("required", "optional"):
                wanted.update(apt.get(key) or [])
    return sorted(n for n in wanted if build_package(n))


def table(packages, os_id, version, codename):
    """The rows of one release: (build package, runtime packages, source) for each name it has."""
    every_image = {p for p, f in packages.items() if f.get("Priority") == "required" or f.get("Essential") == "yes"}
    apt_libs = set(depends(packages["apt"]))
    toolchain_ok = {"libgcc-s1", "libstdc++6"} <= apt_libs

    def runtime(name, seen):
        fields = packages[name]
        own = source(fields)
        deps = [d for d in depends(fields) if d in packages and d not in seen]
        mine = [d for d in deps if source(packages[d]) == own]
        follow = mine if mine else [d for d in deps if DEV_LIKE.match(d) and not TOOLCHAIN_SOURCE.match(source(packages[d]))]
        out = []
        for d in follow:
            seen.add(d)
            if DEV_LIKE.match(d) or d in BUILD_TOOLS:
                out += runtime(d, seen)
            elif d not in every_image:
                out.append(d)
        return out

    rows = []
    for name in names():
        fields = packages.get(name)
        if fields is None:
            continue
        where = "%s %s %s" % (codename, name, fields["Version"])
        if name in FORTRAN:
            closure, todo = set(), [name]
            while todo:
                p = todo.pop()
                if p in closure or p not in packages:
                    continue
                closure.add(p)
                todo += depends(packages[p])
            libs = sorted(p for p in closure if re.fullmatch(r"libgfortran[0-9]+", p))
            if not libs:
                raise SystemExit("%s: no libgfortran in the dependencies of %s" % (codename, name))
            rows.append((name, " ".join(libs), where + ": Fortran extensions load " + libs[0]
                         + " (reached by its Depends); libgcc-s1 and libstdc++6 are apt's (Priority: required) Depends"))
        elif name in BUILD_TOOLS:
            if not toolchain_ok:
                raise SystemExit("%s: apt does not depend on libgcc-s1 and libstdc++6" % codename)
            rows.append((name, "-", where + ": a build tool; the libraries compiled code loads from the toolchain "
                         "(libgcc-s1, libstdc++6) are apt's Depends, apt is Priority: required; libc6 is Priority: required"))
        else:
            keep = list(dict.fromkeys(runtime(name, {name})))
            shown = " ".join(keep) if keep else "-"
            why = ("Depends " + shown + " (libraries of source " + source(fields) + ", or of the -dev packages it points to)") if keep else (
                "no library of its own source outside the packages every image has (Priority: required)")
            rows.append((name, shown, where + ": " + why))
    return rows


def main():
    cache = sys.argv[1] if len(sys.argv) > 1 else "/tmp/apt-runtime-cache"
    os.makedirs(cache, exist_ok=True)
    today = datetime.date.today().isoformat()
    for os_id, version, codename, mirror, components in RELEASES:
        release = open(fetch("%s/dists/%s/Release" % (mirror, codename), os.path.join(cache, codename + ".Release")),
                       encoding="utf-8").read()
        date = re.search(r"^Date: (.*)$", release, re.M).group(1)
        packages = {}
        for component in components:
            path = fetch("%s/dists/%s/%s/binary-%s/Packages.xz" % (mirror, codename, component, ARCH),
                         os.path.join(cache, "%s-%s.xz" % (codename, component)))
            for fields in stanzas(lzma.open(path, "rt", encoding="utf-8").read()):
                packages.setdefault(fields["Package"], fields)
        rows = table(packages, os_id, version, codename)
        out = os.path.join(OUT, "apt-runtime-%s-%s.tsv" % (os_id, version))
        with open(out, "w", encoding="utf-8") as f:
            f.write("# %s %s (%s): build package -> the packages the extensions pip compiled against it load at run time,\n"
                    % (os_id, version, codename))
            f.write("# which `wheelwise fix` keeps installed when `apt-get purge -y --auto-remove` removes the build packages (WW1003).\n")
            f.write("# Generated by tools/apt-runtime-tables.py on %s from %s/dists/%s/{%s}/binary-%s/Packages.xz\n"
                    % (today, mirror, codename, ",".join(components), ARCH))
            f.write("# (Release file Date: %s). Columns: build package, runtime packages (\"-\": none), source.\n" % date)
            f.write("# A build package this release does not have is not listed: fix refuses naming it.\n")
            for row in rows:
                f.write("\t".join(row) + "\n")
        print("%s: %d rows" % (out, len(rows)))


if __name__ == "__main__":
    main()
