#!/usr/bin/env python3
"""The yardstick for `check --image X --offline` on a uv.lock: read the lock with tomllib and, for
one target (CPython X.Y, glibc G, x86_64), pick each package's file the way pip ranks wheels
(packaging.tags order), falling back to the sdist. Prints one line per package and a summary.
No resolution, no markers, no sizes: it is the floor a lock reader plus a tag matcher costs.

usage: lock_pick.py UV_LOCK PYTHON_MINOR GLIBC   e.g. uv.lock 3.13 2.41
"""
import sys
import tomllib

from packaging import tags
from packaging.utils import parse_wheel_filename, InvalidWheelFilename


def target_tags(minor, glibc):
    major, minor_ = (int(p) for p in minor.split("."))
    glibc_major, glibc_minor = (int(p) for p in glibc.split("."))
    platforms = []
    # manylinux_2_X for every X the image's glibc meets, newest first, then the legacy aliases.
    for m in range(glibc_minor, 16, -1):
        platforms.append(f"manylinux_{glibc_major}_{m}_x86_64")
        legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}.get(m)
        if legacy:
            platforms.append(f"{legacy}_x86_64")
    platforms.append("linux_x86_64")
    ordered = list(tags.cpython_tags((major, minor_), platforms=platforms))
    ordered += list(tags.compatible_tags((major, minor_), platforms=platforms))
    return {t: i for i, t in enumerate(ordered)}


def pick(package, ranks):
    best, best_rank = None, None
    for wheel in package.get("wheels", []):
        name = wheel.get("url", wheel.get("path", wheel.get("filename", ""))).rsplit("/", 1)[-1]
        try:
            _, _, _, wheel_tags = parse_wheel_filename(name)
        except InvalidWheelFilename:
            continue
        rank = min((ranks[t] for t in wheel_tags if t in ranks), default=None)
        if rank is not None and (best_rank is None or rank < best_rank):
            best, best_rank = name, rank
    if best:
        return "wheel", best
    sdist = package.get("sdist")
    if sdist:
        return "sdist", sdist.get("url", "").rsplit("/", 1)[-1]
    return "none", ""


def main():
    lock_path, minor, glibc = sys.argv[1:4]
    with open(lock_path, "rb") as f:
        lock = tomllib.load(f)
    ranks = target_tags(minor, glibc)
    counts = {"wheel": 0, "sdist": 0, "none": 0}
    for package in lock.get("package", []):
        source = package.get("source", {})
        if "registry" not in source:
            continue
        kind, name = pick(package, ranks)
        counts[kind] += 1
        print(package["name"], package.get("version", ""), kind, name)
    print(f"wheels {counts['wheel']}, sdists {counts['sdist']}, nothing {counts['none']}")


if __name__ == "__main__":
    main()
