"""Oracle: requirements files as pip itself parses them (pip._internal.req.req_file).

Runs under python3's pip (23.x). Input: list of file paths. Output per file: {"requirements":
[[text, editable, hashes, constraint, file, line], ...], "index_urls": [...], "find_links": [...],
"no_binary": [...], "only_binary": [...], "pre": bool, "prefer_binary": bool,
"require_hashes": bool, "trusted_hosts": [...]} or {"error": "<type>: <message>"}.
argv[1] (the packaging module) is not used: the answer is pip's.
"""
import json, re, sys

from pip._internal.models.format_control import FormatControl
from pip._internal.models.search_scope import SearchScope
from pip._internal.network.session import PipSession
from pip._internal.req.req_file import parse_requirements


class Finder:
    """What handle_option_line touches on a PackageFinder, recorded."""

    def __init__(self):
        self.find_links = []
        self.index_urls = ["https://pypi.org/simple"]
        self.format_control = FormatControl(set(), set())
        self.search_scope = SearchScope.create(find_links=[], index_urls=["https://pypi.org/simple"], no_index=False)
        self.pre = False
        self.prefer_binary = False

    def set_allow_all_prereleases(self):
        self.pre = True

    def set_prefer_binary(self):
        self.prefer_binary = True


class Options:
    require_hashes = False
    features_enabled = []


class Session(PipSession):
    trusted = []

    def add_trusted_host(self, host, source=None, suppress_logging=False):
        self.trusted.append(host)


COMES_FROM = re.compile(r"^-[rc] (.*) \(line (\d+)\)$")


def parse(path):
    finder, options, session = Finder(), Options(), Session()
    session.trusted = []
    reqs = []
    for r in parse_requirements(path, session, finder=finder, options=options):
        m = COMES_FROM.match(r.comes_from)
        hashes = sorted("%s:%s" % (alg, h) for alg, hs in (r.options or {}).get("hashes", {}).items() for h in hs)
        reqs.append([r.requirement, r.is_editable, hashes, r.constraint, m.group(1), int(m.group(2))])
    scope = finder.search_scope
    return {
        "requirements": reqs,
        "index_urls": [] if scope.no_index else list(scope.index_urls),
        "find_links": list(scope.find_links),
        "no_binary": sorted(finder.format_control.no_binary),
        "only_binary": sorted(finder.format_control.only_binary),
        "pre": finder.pre,
        "prefer_binary": finder.prefer_binary,
        "require_hashes": bool(options.require_hashes),
        "trusted_hosts": session.trusted,
    }


out = []
for path in json.load(sys.stdin):
    try:
        out.append(parse(path))
    except Exception as e:  # noqa: BLE001 - pip's refusal is the answer
        out.append({"error": "%s: %s" % (type(e).__name__, e)})
json.dump(out, sys.stdout)
