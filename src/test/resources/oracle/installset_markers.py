"""Oracle: install sets of per-package-marker locks (Pipfile.lock; pdm.lock with inherit_metadata).

Input: list of {lock, kind, python, machine, groups}. Output per case: {"packages": [...]} sorted
"name==version", or {"error": "requires-python"}. Markers, specifiers and names are packaging's.
"""
import functools, importlib, json, sys, tomllib

from target_env import environment

markers = importlib.import_module(sys.argv[1] + ".markers")
specifiers = importlib.import_module(sys.argv[1] + ".specifiers")
utils = importlib.import_module(sys.argv[1] + ".utils")
canon = utils.canonicalize_name
_cache = {}


@functools.lru_cache(maxsize=None)
def parse_marker(text):
    return markers.Marker(text)


def load(path, kind):
    if path not in _cache:
        with open(path, "rb") as f:
            _cache[path] = json.load(f) if kind == "Pipfile.lock" else tomllib.load(f)
    return _cache[path]




def holds(marker, env):
    return not marker or parse_marker(marker).evaluate(env)


def pipfile(lock, case, env):
    requires = lock.get("_meta", {}).get("requires", {})
    if "python_full_version" in requires:
        spec = "==" + requires["python_full_version"]
    elif "python_version" in requires:
        spec = "==" + requires["python_version"] + ".*"
    else:
        spec = ""
    if spec and not specifiers.SpecifierSet(spec).contains(case["python"], prereleases=True):
        return {"error": "requires-python"}
    # pipenv writes PEP 751 markers into Pipfile.lock too ('dev' in dependency_groups): the
    # develop section is the "dev" group there.
    env = dict(env, extras=frozenset(), dependency_groups=frozenset(
        set(case["groups"]) | ({"dev"} if "develop" in case["groups"] else set())))
    out = set()
    for section in case["groups"]:
        for name, entry in lock.get(section, {}).items():
            if holds(entry.get("markers"), env):
                out.add("%s==%s" % (canon(name), entry.get("version", "").removeprefix("==")))
    return {"packages": sorted(out)}


def pdm(lock, case, env):
    meta = lock.get("metadata", {})
    rp = meta.get("requires_python")
    targets = meta.get("targets", [])
    if rp is None and len(targets) == 1:
        rp = targets[0].get("requires_python")
    if rp and not specifiers.SpecifierSet(rp).contains(case["python"], prereleases=True):
        return {"error": "requires-python"}
    out = set()
    for p in lock.get("package", []):
        if p.get("extras"):
            continue
        if set(canon(g) for g in p.get("groups", [])) & set(case["groups"]) and holds(p.get("marker"), env):
            out.add("%s==%s" % (canon(p["name"]), p["version"]))
    return {"packages": sorted(out)}


def one_version_each(answer):
    """Two versions of one name selected together cannot both be installed."""
    names = [p.split("==")[0] for p in answer.get("packages", [])]
    return {"error": "ambiguous"} if len(names) != len(set(names)) else answer


answers = []
for case in json.load(sys.stdin):
    lock = load(case["lock"], case["kind"])
    env = environment(case["python"], case["machine"])
    answers.append(one_version_each(pipfile(lock, case, env) if case["kind"] == "Pipfile.lock" else pdm(lock, case, env)))
json.dump(answers, sys.stdout)
