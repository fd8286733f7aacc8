"""Oracle: the supported-tag list pip computes inside a simulated Linux image.

argv[1]: the packaging module (e.g. "packaging" or "pip._vendor.packaging").
Input: a JSON list of targets {"python": [3, 12], "freeThreaded": bool,
"libc": "glibc"|"musl", "libcVersion": [2, 36], "arch": "x86_64"}.
Output per target: the ordered tag strings, as pip's get_supported() chains them:
cpython_tags(python_version, abis=None, platforms) + compatible_tags(python_version, "cpXY", platforms).

What is simulated, and nothing else (the package's own logic runs unchanged):
- sysconfig.get_platform() returns "linux-<arch>" (what the image's Python reports);
- _manylinux._get_glibc_version() returns the image's glibc, or (-1, -1) on musl (what it finds there);
- _musllinux._get_musl_version() returns the image's musl, or None on glibc;
- _manylinux's ELF probes _is_linux_armhf/_is_linux_i686 answer True: an armv7l image runs a
  hard-float ARM Python and an i686 image a 32-bit i386 one (they are consulted only for those arches);
- tags._get_config_var answers Py_DEBUG=0, Py_GIL_DISABLED=1 for a free-threaded build else 0,
  WITH_PYMALLOC=1, Py_UNICODE_SIZE=4, py_version_nodot=XY (an official, non-debug CPython build);
No _manylinux override module exists (as in the official images and on this host).
"""
import importlib, json, sys, sysconfig

mod = sys.argv[1]
tags = importlib.import_module(mod + ".tags")
_manylinux = importlib.import_module(mod + "._manylinux")
_musllinux = importlib.import_module(mod + "._musllinux")

out = []
for case in json.load(sys.stdin):
    major, minor = case["python"]
    arch = case["arch"]
    musl = case["libc"] == "musl"
    lmaj, lmin = case["libcVersion"]
    config = {
        "Py_DEBUG": 0,
        "Py_GIL_DISABLED": 1 if case["freeThreaded"] else 0,
        "WITH_PYMALLOC": 1,
        "Py_UNICODE_SIZE": 4,
        "py_version_nodot": f"{major}{minor}",
    }
    tags._get_config_var = lambda name, warn=False: config.get(name)
    sysconfig.get_platform = lambda: "linux-" + arch
    _manylinux._get_glibc_version = (lambda: _manylinux._GLibCVersion(-1, -1)) if musl else (
        lambda: _manylinux._GLibCVersion(lmaj, lmin))
    _manylinux._is_linux_armhf = lambda *a: arch == "armv7l"
    _manylinux._is_linux_i686 = lambda *a: arch == "i686"
    _musllinux._get_musl_version = (lambda *a: _musllinux._MuslVersion(lmaj, lmin)) if musl else (lambda *a: None)
    platforms = list(tags._linux_platforms())
    result = list(tags.cpython_tags(python_version=(major, minor), abis=None, platforms=platforms))
    result += list(tags.compatible_tags(python_version=(major, minor), interpreter=f"cp{major}{minor}", platforms=platforms))
    out.append([str(t) for t in result])
json.dump(out, sys.stdout)
