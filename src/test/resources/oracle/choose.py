"""Oracle for advise.FileChooser: pip's candidate choice (research notes section 2.2) built on
`packaging` for a simulated target. argv[1] names the packaging module to import.

Input: a JSON list of cases. A case is either
  {"op": "tags", "target": T}                       -> list of "interp-abi-plat", best first
  {"op": "choose", "targets": [T...], "project": name, "spec": "==1.0", "formats": F, "files": [...]}
                                                    -> per target {"install": "wheel|sdist|none", "file": name|null}
T = {"python": "3.12.12", "libc": "glibc|musl", "libcVersion": [2, 41], "arch": "x86_64",
     "musllinux": bool, "pep600": bool, "manylinux2014": bool}   (the last three: what the pip knows)
F = {"onlyBinary": [...], "noBinary": [...], "preferBinary": bool}  (already merged, as pip's FormatControl)
file = {"filename", "yanked", "requiresPython"}: the version is read off the name as pip reads it
  (pip's own splitext, SUPPORTED_EXTENSIONS and _extract_version_from_fragment for an sdist; the
  wheel name's for a wheel), then parsed by the packaging module given: packaging 26.2 refuses a
  non-PEP 440 version (pip 24.1+ skips the file), 21.3 keeps it as a LegacyVersion (pip 22-24.0).
"""
import importlib, json, sys

mod = sys.argv[1]
tags = importlib.import_module(mod + ".tags")
utils = importlib.import_module(mod + ".utils")
specifiers = importlib.import_module(mod + ".specifiers")
version = importlib.import_module(mod + ".version")

ALIASES = {(2, 17): "manylinux2014", (2, 12): "manylinux2010", (2, 5): "manylinux1"}
from pip._internal.utils.misc import splitext as pip_splitext
from pip._internal.utils.unpacking import SUPPORTED_EXTENSIONS
from pip._internal.index.package_finder import LinkEvaluator, _extract_version_from_fragment


def sdist_version(base, canonical, py):
    """pip's LinkEvaluator.evaluate_link for a source archive: the version text after the
    project's name, a -pyX.Y suffix that must name the target's Python, then the version as the
    packaging module parses it (None when pip skips the file)."""
    text = _extract_version_from_fragment(base, canonical)
    if not text:
        return None
    match = LinkEvaluator._py_version_re.search(text)
    if match:
        text = text[: match.start()]
        if match.group(1) != "%d.%d" % py:
            return None
    try:
        return version.parse(text)
    except version.InvalidVersion:
        return None

def platforms(t):
    arch = t["arch"]
    out = []
    major, minor = t["libcVersion"]
    if t["libc"] == "glibc":
        floor = 5 if arch in ("x86_64", "i686") else 17
        for m in range(minor, floor - 1, -1):
            alias = ALIASES.get((2, m))
            if t["pep600"]:
                out.append("manylinux_2_%d_%s" % (m, arch))
            if alias and (alias != "manylinux2014" or t["manylinux2014"]):
                out.append("%s_%s" % (alias, arch))
    elif t["musllinux"]:
        for m in range(minor, -1, -1):
            out.append("musllinux_%d_%d_%s" % (major, m, arch))
    out.append("linux_" + arch)
    return out


def supported(t):
    py = tuple(int(x) for x in t["python"].split(".")[:2])
    interp = "cp%d%d" % py
    plats = platforms(t)
    result = list(tags.cpython_tags(python_version=py, abis=[interp], platforms=plats))
    result += list(tags.compatible_tags(python_version=py, interpreter=interp, platforms=plats))
    return [str(x) for x in result]


def allows_python(rp, full):
    if rp is None:
        return True
    try:
        spec = specifiers.SpecifierSet(rp)
    except specifiers.InvalidSpecifier:
        return True
    return version.parse(full) in spec


def choose(case, t, cache):
    key = json.dumps(t, sort_keys=True)
    if key not in cache:
        tl = supported(t)
        cache[key] = {tag: i for i, tag in reversed(list(enumerate(tl)))} , len(tl)
    rank_of, ntags = cache[key]
    name = utils.canonicalize_name(case["project"])
    f = case["formats"]
    def allowed(kind):
        res = {"binary", "source"}
        if name in f["onlyBinary"]:
            res.discard("source")
        elif name in f["noBinary"]:
            res.discard("binary")
        elif ":all:" in f["onlyBinary"]:
            res.discard("source")
        elif ":all:" in f["noBinary"]:
            res.discard("binary")
        return kind in res
    cands = []
    py = tuple(int(x) for x in t["python"].split(".")[:2])
    for fl in case["files"]:
        fn = fl["filename"]
        base, ext = pip_splitext(fn)
        if ext not in SUPPORTED_EXTENSIONS:
            continue
        if ext == ".whl":
            if not allowed("binary"):
                continue
            try:
                wname, wver, build, wtags = utils.parse_wheel_filename(fn)
            except utils.InvalidWheelFilename:
                continue
            if wname != name:
                continue
            ranks = [rank_of[str(x)] for x in wtags if str(x) in rank_of]
            if not ranks:
                continue
            pri = -min(ranks)
            ver = wver
            is_wheel = True
        else:
            if not allowed("source"):
                continue
            ver = sdist_version(base, name, py)
            if ver is None:
                continue
            pri = -ntags
            build = ()
            is_wheel = False
        if not allows_python(fl.get("requiresPython"), t["python"]):
            continue
        cands.append((fl, ver, is_wheel, pri, build))
    spec = specifiers.SpecifierSet(case["spec"])
    allowed_versions = set(str(v) for v in spec.filter(sorted({c[1] for c in cands}, key=lambda v: v)))
    cands = [c for c in cands if str(c[1]) in allowed_versions]
    pinned = len(spec) == 1 and next(iter(spec)).operator in ("==", "===") and not str(next(iter(spec))).endswith(".*")
    all_yanked = bool(cands) and all(c[0]["yanked"] for c in cands)
    cands = [c for c in cands if not c[0]["yanked"] or (all_yanked and pinned)]
    if not cands:
        return {"install": "none", "file": None}
    pb = f["preferBinary"]
    best = max(cands, key=lambda c: (-int(c[0]["yanked"]), int(pb and c[2]), c[1], c[3], c[4]))
    return {"install": "wheel" if best[2] else "sdist", "file": best[0]["filename"]}


cache = {}
out = []
for case in json.load(sys.stdin):
    if case["op"] == "tags":
        out.append(supported(case["target"]))
    else:
        out.append([choose(case, t, cache) for t in case["targets"]])
json.dump(out, sys.stdout)
