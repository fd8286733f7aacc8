#!/usr/bin/env python3
"""How often check's offline guess "likely pure" is right (issue 13), on the embedded snapshot.

For every release that has both an sdist and wheels, the guess is made as check makes it for an
sdist-only release: from the wheels of the project's *other* releases (likely pure when there is
at least one and every one is none-any; otherwise no guess). It is scored against the release's
own wheels: a release whose wheels are all none-any built a pure wheel from that sdist; one with a
platform wheel compiled. That is a proxy (the sdists are not read here), and the snapshot holds
only the releases its inputs locked and their neighbours.

    python3 benchmarks/likely-pure-guess.py
"""
import gzip
import json
import pathlib

from packaging.utils import parse_wheel_filename

SNAPSHOT = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/dev/wheelwise/index/snapshot.json.gz"
SDIST = (".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar.xz", ".tar")


def all_none_any(wheels):
    for w in wheels:
        try:
            tags = parse_wheel_filename(w)[3]
        except Exception:
            continue
        if any(t.abi != "none" or t.platform != "any" for t in tags):
            return False
    return True


def main():
    projects = json.load(gzip.open(SNAPSHOT))["projects"]
    right, wrong, no_guess, wrong_names = 0, 0, 0, []
    for name, releases in projects.items():
        wheels = {v: [f["filename"] for f in r.get("files", []) if f["filename"].endswith(".whl")] for v, r in releases.items()}
        sdist = {v: any(f["filename"].endswith(SDIST) for f in r.get("files", [])) for v, r in releases.items()}
        for v in releases:
            if not (sdist[v] and wheels[v]):
                continue
            others = [w for o in releases if o != v for w in wheels[o]]
            if not others or not all_none_any(others):
                no_guess += 1
            elif all_none_any(wheels[v]):
                right += 1
            else:
                wrong += 1
                wrong_names.append(f"{name} {v}")
    guessed = right + wrong
    print(f"releases with an sdist and wheels: {guessed + no_guess}; guessed likely pure: {guessed}, "
          f"right {right} ({100.0 * right / max(guessed, 1):.1f}%), wrong {wrong}: {', '.join(wrong_names)}; no guess: {no_guess}")


if __name__ == "__main__":
    main()
