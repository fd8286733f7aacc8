"""Oracle for fuzz targets: one JSON case per stdin line, one JSON answer per stdout line, so a
fuzzer keeps one process for its whole run. argv[1]: the packaging module.

Cases and answers (the batch oracles' formats):
  {"kind": "version", "text": T}     -> str(Version(T)) or null
  {"kind": "specifier", "text": T}   -> str(SpecifierSet(T)) or null
  {"kind": "requirement", "text": T} -> null or {"name", "extras" (sorted), "specifier", "url", "marker"}
  {"kind": "wheel"|"sdist", "text": T} -> null or {"name", "version", "build", "tags"} (filenames.py)
"""
import importlib, json, sys, warnings

warnings.simplefilter("ignore")
module = sys.argv[1]
version = importlib.import_module(module + ".version")
specifiers = importlib.import_module(module + ".specifiers")
requirements = importlib.import_module(module + ".requirements")
utils = importlib.import_module(module + ".utils")


def answer(case):
    kind, text = case["kind"], case["text"]
    if kind == "version":
        try:
            return str(version.Version(text))
        except version.InvalidVersion:
            return None
    if kind == "specifier":
        try:
            return str(specifiers.SpecifierSet(text))
        except specifiers.InvalidSpecifier:
            return None
    if kind == "requirement":
        try:
            r = requirements.Requirement(text)
        except (requirements.InvalidRequirement, specifiers.InvalidSpecifier, SyntaxError):
            # packaging lets InvalidSpecifier escape Requirement() for some texts; rejected all the same
            return None
        return {"name": r.name, "extras": sorted(r.extras), "specifier": str(r.specifier), "url": r.url,
                "marker": None if r.marker is None else str(r.marker)}
    try:
        if kind == "wheel":
            name, v, build, tags = utils.parse_wheel_filename(text)
            return {"name": name, "version": str(v), "build": [str(build[0]), build[1]] if build else [],
                    "tags": sorted(str(t) for t in tags)}
        name, v = utils.parse_sdist_filename(text)
        return {"name": name, "version": str(v), "build": [], "tags": []}
    except Exception:
        return None


for line in sys.stdin:
    try:
        out = answer(json.loads(line))
    except RecursionError:
        out = {"oracle-error": "RecursionError: Python's recursion limit, not an answer"}
    except Exception as e:  # the process must outlive a surprise; the fuzz target fails on it
        out = {"oracle-failed": type(e).__name__ + ": " + str(e)}
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
