"""Oracle: markers. Input: list of {"marker": M, "envs": [ENV...]} where ENV maps marker variable
names to strings, and "extras"/"dependency_groups" to lists. Output per case:
{"str": str(Marker(M)) or null when invalid, "eval": [true|false|"error: Type" per env]}."""
import importlib, json, sys, warnings

warnings.simplefilter("ignore")
markers = importlib.import_module(sys.argv[1] + ".markers")


def env_of(raw):
    env = dict(raw)
    for key in ("extras", "dependency_groups"):
        if key in env:
            env[key] = frozenset(env[key])
    return env


def answer(case):
    try:
        m = markers.Marker(case["marker"])
    except (markers.InvalidMarker, SyntaxError):  # 22+ read values with ast.literal_eval
        return {"str": None, "eval": []}
    results = []
    for raw in case["envs"]:
        try:
            results.append(bool(m.evaluate(env_of(raw))))
        except Exception as e:
            results.append("error: " + type(e).__name__)
    return {"str": str(m), "eval": results}


json.dump([answer(c) for c in json.load(sys.stdin)], sys.stdout)
