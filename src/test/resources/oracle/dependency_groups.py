"""Oracle: PEP 735 dependency groups expanded by packaging.dependency_groups (packaging 26.2).

Input: list of {file, group}. Output per case: list of requirement strings (str(Requirement)),
or {"error": "<exception type>"}.
"""
import importlib, json, sys, tomllib

groups = importlib.import_module(sys.argv[1] + ".dependency_groups")
_tables = {}
out = []
for case in json.load(sys.stdin):
    if case["file"] not in _tables:
        with open(case["file"], "rb") as f:
            _tables[case["file"]] = tomllib.load(f).get("dependency-groups", {})
    try:
        out.append(list(groups.resolve_dependency_groups(_tables[case["file"]], case["group"])))
    except Exception as e:  # noqa: BLE001 - the type is the answer
        out.append({"error": type(e).__name__})
json.dump(out, sys.stdout)
