"""Oracle: the install set of a uv.lock for a target, walked with packaging's markers.

Input: list of {lock, python, machine, extras, groups}. Output per case: {"packages": ["name==version", ...]}
sorted, or {"error": "requires-python" | "environments" | "<other>: detail"}.
Independent of the Java reader: reads the TOML with tomllib and evaluates markers, specifiers
and names with the packaging module given as argv[1].
"""
import functools, importlib, json, sys, tomllib

from target_env import environment

markers = importlib.import_module(sys.argv[1] + ".markers")
specifiers = importlib.import_module(sys.argv[1] + ".specifiers")
utils = importlib.import_module(sys.argv[1] + ".utils")
canon = utils.canonicalize_name

_locks = {}


@functools.lru_cache(maxsize=None)
def parse_marker(text):
    return markers.Marker(text)


def load(path):
    if path not in _locks:
        with open(path, "rb") as f:
            _locks[path] = tomllib.load(f)
    return _locks[path]




def source_key(src):
    for kind in ("registry", "git", "url", "path", "directory", "editable", "virtual"):
        if src and kind in src:
            return kind + "+" + src[kind]
    return None


def holds(marker, env, activated):
    if not marker:
        return True
    m = parse_marker(marker)
    if not activated:
        return m.evaluate(env)
    return any(m.evaluate(dict(env, extra=a)) for a in activated)


def roots_of(lock, packages):
    local = [p for p in packages if p.get("source") and any(k in p["source"] for k in ("editable", "virtual", "directory"))]
    at_root = [p for p in local if any(p["source"].get(k) == "." for k in ("editable", "virtual", "directory"))]
    if at_root:
        return at_root
    members = {canon(m) for m in lock.get("manifest", {}).get("members", [])}
    if members:
        return [p for p in local if canon(p["name"]) in members]
    depended = set()
    for p in packages:
        for d in p.get("dependencies", []):
            depended.add(canon(d["name"]))
        for table in ("optional-dependencies", "dev-dependencies"):
            for deps in p.get(table, {}).values():
                for d in deps:
                    depended.add(canon(d["name"]))
    return [p for p in local if canon(p["name"]) not in depended]


def install_set(case):
    lock = load(case["lock"])
    env = environment(case["python"], case["machine"])
    rp = lock.get("requires-python")
    if rp and not specifiers.SpecifierSet(rp).contains(case["python"], prereleases=True):
        return {"error": "requires-python"}
    envs = lock.get("supported-markers", [])
    if envs and not any(markers.Marker(m).evaluate(env) for m in envs):
        return {"error": "environments"}
    packages = lock.get("package", [])
    by_name = {}
    for p in packages:
        by_name.setdefault(canon(p["name"]), []).append(p)
    roots = roots_of(lock, packages)
    extras = [canon(e) for e in case["extras"]]
    groups = [canon(g) for g in case["groups"]]
    activated = set()
    for r in roots:
        n = canon(r["name"])
        activated |= {"extra-%d-%s-%s" % (len(n), n, e) for e in extras}
        activated |= {"group-%d-%s-%s" % (len(n), n, g) for g in groups}

    def resolve(dep):
        cands = by_name.get(canon(dep["name"]), [])
        if "version" in dep:
            cands = [c for c in cands if c.get("version") == dep["version"]]
        if "source" in dep and len(cands) > 1:
            cands = [c for c in cands if source_key(c.get("source")) == source_key(dep["source"])]
        if len(cands) != 1:
            raise LookupError("%s matches %d packages" % (dep["name"], len(cands)))
        return cands[0]

    queue = []
    for r in roots:
        queue.append(({"name": r["name"], "version": r.get("version"), "source": r.get("source")} if "version" in r
                      else {"name": r["name"], "source": r.get("source")}, set()))
        for e in extras:
            if e in {canon(x) for x in r.get("optional-dependencies", {})}:
                queue.append(({"name": r["name"], "source": r.get("source"), "extra": [e]}, set()))
        for g, deps in r.get("dev-dependencies", {}).items():
            if canon(g) in groups:
                queue.extend((d, set()) for d in deps)
    for req in lock.get("manifest", {}).get("requirements", []):
        queue.append(({"name": req["name"], "marker": req.get("marker")}, set()))
    for g, reqs in lock.get("manifest", {}).get("dependency-groups", {}).items():
        if canon(g) in groups:
            queue.extend(({"name": q["name"], "marker": q.get("marker")}, set()) for q in reqs)

    seen = {}
    while queue:
        dep, _ = queue.pop(0)
        if not holds(dep.get("marker"), env, activated):
            continue
        if "source" in dep and dep["source"] is None:
            del dep["source"]
        if dep.get("version") is None:
            dep.pop("version", None)
        pkg = resolve(dep)
        key = id(pkg)
        first = key not in seen
        done = seen.setdefault(key, (pkg, set()))[1]
        if first:
            queue.extend((d, set()) for d in pkg.get("dependencies", []))
        optional = {canon(k): v for k, v in pkg.get("optional-dependencies", {}).items()}
        for e in dep.get("extra", []):
            e = canon(e)
            if e not in done:
                done.add(e)
                queue.extend((d, set()) for d in optional.get(e, []))
    out = sorted("%s==%s" % (canon(p["name"]), p.get("version", "")) for p, _ in seen.values())
    return {"packages": out}


answers = []
for case in json.load(sys.stdin):
    try:
        answers.append(install_set(case))
    except LookupError as e:
        answers.append({"error": "ambiguous: %s" % e})
json.dump(answers, sys.stdout)
