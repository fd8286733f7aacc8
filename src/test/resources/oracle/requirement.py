"""Oracle: requirements. Input: list of strings. Output per case: null when invalid, else
{"name", "extras" (sorted), "specifier" (str), "url", "marker" (str or null), "str"}."""
import importlib, json, sys, warnings

warnings.simplefilter("ignore")
requirements = importlib.import_module(sys.argv[1] + ".requirements")


def answer(text):
    try:
        r = requirements.Requirement(text)
    except (requirements.InvalidRequirement, SyntaxError):  # 22+ read marker values with ast.literal_eval
        return None
    return {"name": r.name, "extras": sorted(r.extras), "specifier": str(r.specifier), "url": r.url,
            "marker": None if r.marker is None else str(r.marker), "str": str(r)}


json.dump([answer(c) for c in json.load(sys.stdin)], sys.stdout)
