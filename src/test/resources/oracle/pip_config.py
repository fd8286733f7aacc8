"""Oracle for index.PipConfigLoader: the options pip's own install command starts from.
argv[1] is ignored; pip is imported directly (python3's pip, 23.2.1).
Input: list of {"env": {...}, "isolated": bool, "args": [...]}: the whole environment pip sees.
Output per case: the parsed options, the configuration files pip loaded that exist (override
order: global, user, site, env), or {"error": text} where pip's parser stops."""
import contextlib, io, json, os, sys
from pip._internal.commands import create_command

ORDER = ["global", "user", "site", "env"]
out = []
for case in json.load(sys.stdin):
    os.environ.clear()
    os.environ.update(case["env"])
    cmd = create_command("install", isolated=case["isolated"])
    args = (["--isolated"] if case["isolated"] else []) + case["args"]
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            options, _ = cmd.parse_args(args)
    except SystemExit:
        out.append({"error": err.getvalue().strip().splitlines()[-1]})
        continue
    parsers = cmd.parser.config._parsers
    files = [[v, f] for v in ORDER for f, _ in parsers.get(v, []) if os.path.exists(f)]
    fc = options.format_control
    out.append({"indexUrl": options.index_url, "extraIndexUrls": options.extra_index_urls,
                "findLinks": options.find_links, "noIndex": options.no_index,
                "onlyBinary": sorted(fc.only_binary), "noBinary": sorted(fc.no_binary),
                "preferBinary": options.prefer_binary, "pre": options.pre, "files": files})
json.dump(out, sys.stdout)
