"""Oracle: parse versions. Input: list of strings. Output per case: normalized str or null."""
import importlib, json, sys

packaging = importlib.import_module(sys.argv[1])
version = importlib.import_module(sys.argv[1] + ".version")
out = []
for text in json.load(sys.stdin):
    try:
        out.append(str(version.Version(text)))
    except version.InvalidVersion:
        out.append(None)
json.dump(out, sys.stdout)
