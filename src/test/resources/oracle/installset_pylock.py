"""Oracle: the packages packaging.pylock selects from a pylock.toml for a target (PEP 751).

Input: list of {lock, python, machine, extras, groups}. Output per case: {"packages": ["name==version", ...]}
sorted, or {"error": "requires-python" | "environments" | "package-requires-python" | "ambiguous" | "invalid: …"}.
Wheel choice is not compared here (tags own it): the tags passed are those of every wheel in the
lock, so select() never fails for want of a compatible wheel.
"""
import importlib, json, sys, tomllib

from target_env import environment

pylock = importlib.import_module(sys.argv[1] + ".pylock")
utils = importlib.import_module(sys.argv[1] + ".utils")

_locks = {}


def load(path):
    if path not in _locks:
        with open(path, "rb") as f:
            data = tomllib.load(f)
        lock = pylock.Pylock.from_dict(data)
        tags = []
        for p in data.get("packages", []):
            for w in p.get("wheels", []):
                name = w.get("name") or (w.get("url") or w.get("path", "")).rsplit("/", 1)[-1]
                tags.extend(utils.parse_wheel_filename(name)[3])
        _locks[path] = (lock, tags)
    return _locks[path]




def select(case):
    try:
        lock, tags = load(case["lock"])
    except Exception as e:  # packaging's validation errors
        return {"error": "invalid: %s" % e}
    groups = set(lock.default_groups or []) | set(case["groups"])
    try:
        chosen = list(lock.select(environment=environment(case["python"], case["machine"]), tags=tags,
                                  extras=case["extras"], dependency_groups=groups))
    except pylock.PylockSelectError as e:
        text = str(e)
        if "Multiple packages" in text:
            return {"error": "ambiguous"}
        if "for package" in text:
            return {"error": "package-requires-python"}
        if "Python version requirement" in text:
            return {"error": "requires-python"}
        if "environments" in text:
            return {"error": "environments"}
        return {"error": "other: " + text}
    return {"packages": sorted("%s==%s" % (utils.canonicalize_name(p.name), p.version if p.version is not None else "") for p, _ in chosen)}


json.dump([select(c) for c in json.load(sys.stdin)], sys.stdout)
