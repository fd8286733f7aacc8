"""Oracle: specifier sets. Input: list of cases, each one of
  {"op": "parse", "spec": S}                      -> str(SpecifierSet(S)) or null when invalid
  {"op": "contains", "spec": S, "version": V, "pre": null|true|false}
                                                  -> SpecifierSet(S).contains(Version(V), prereleases=pre),
                                                     "invalid" when S or V is invalid, "error: ..." when it raises
  {"op": "filter", "spec": S, "versions": [V...], "pre": ...}
                                                  -> [str(v) for v in SpecifierSet(S).filter([Version(v)...], prereleases=pre)]
  {"op": "compare", "a": A, "b": B}               -> -1, 0, 1 comparing Version(A) with Version(B)
"""
import importlib, json, sys, warnings

warnings.simplefilter("ignore")
specifiers = importlib.import_module(sys.argv[1] + ".specifiers")
version = importlib.import_module(sys.argv[1] + ".version")


def answer(case):
    op = case["op"]
    if op == "compare":
        try:
            a, b = version.Version(case["a"]), version.Version(case["b"])
        except version.InvalidVersion:
            return None
        return (a > b) - (a < b)
    try:
        spec = specifiers.SpecifierSet(case["spec"])
    except specifiers.InvalidSpecifier:
        return None if op == "parse" else "invalid"
    if op == "parse":
        return str(spec)
    try:
        if op == "contains":
            try:
                v = version.Version(case["version"])
            except version.InvalidVersion:
                return "invalid"
            return spec.contains(v, prereleases=case["pre"])
        if op == "filter":
            vs = [version.Version(v) for v in case["versions"]]
            return [str(v) for v in spec.filter(vs, prereleases=case["pre"])]
    except Exception as e:  # the oracle's own failure is an answer too
        return "error: " + type(e).__name__
    raise ValueError(op)


json.dump([answer(c) for c in json.load(sys.stdin)], sys.stdout)
