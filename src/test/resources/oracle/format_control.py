"""Oracle for advise.FormatControl: pip's own FormatControl (pip._internal.models.format_control).
argv[1] is ignored (the packaging module); pip is imported directly.
Input: list of {"ops": [["only"|"no", value], ...], "names": [...]}.
Output per case: {"onlyBinary": sorted list, "noBinary": sorted list, "allowed": {name: sorted formats}}."""
import json, sys
from pip._internal.models.format_control import FormatControl

out = []
for case in json.load(sys.stdin):
    fc = FormatControl(set(), set())
    for kind, value in case["ops"]:
        if kind == "only":
            FormatControl.handle_mutual_excludes(value, fc.only_binary, fc.no_binary)
        else:
            FormatControl.handle_mutual_excludes(value, fc.no_binary, fc.only_binary)
    out.append({"onlyBinary": sorted(fc.only_binary), "noBinary": sorted(fc.no_binary),
                "allowed": {n: sorted(fc.get_allowed_formats(n)) for n in case["names"]}})
json.dump(out, sys.stdout)
