"""Oracle: parse wheel and sdist file names with packaging.utils.

argv[1]: the packaging module. Input: a JSON list of {"kind": "wheel"|"sdist", "filename": str}.
Output per case: null when packaging rejects the name (any exception: InvalidWheelFilename,
InvalidSdistFilename, InvalidVersion), else {"name", "version", "build": [number-as-text, suffix] or [],
"tags": sorted tag strings} (tags only for wheels).
"""
import importlib, json, sys

utils = importlib.import_module(sys.argv[1] + ".utils")
out = []
for case in json.load(sys.stdin):
    try:
        if case["kind"] == "wheel":
            name, version, build, tags = utils.parse_wheel_filename(case["filename"])
            out.append({"name": name, "version": str(version),
                        "build": [str(build[0]), build[1]] if build else [],
                        "tags": sorted(str(t) for t in tags)})
        else:
            name, version = utils.parse_sdist_filename(case["filename"])
            out.append({"name": name, "version": str(version), "build": [], "tags": []})
    except Exception:
        out.append(None)
json.dump(out, sys.stdout)
