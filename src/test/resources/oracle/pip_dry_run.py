"""Oracle: pip's own install set, from `pip install --dry-run --ignore-installed --report`.

Input: list of {requirements: [...], indexUrl, cacheDir}. Output per case: {"packages": sorted
"name==version"} or {"error": pip's last error line, "exit": pip's exit code}. pip runs in this
one process, case after case (its start-up costs more than a small resolve), isolated from any
configuration (the caller sets PIP_CONFIG_FILE=/dev/null; --isolated drops PIP_* variables).
Argument 1 (the packaging module, as for the other oracles) is ignored: pip brings its own.
"""
import contextlib, io, json, logging, os, sys, tempfile

from pip._internal.cli.main import main as pip_main
from pip._vendor.packaging.utils import canonicalize_name


def resolve(case, report):
    args = ["install", "--dry-run", "--ignore-installed", "--isolated", "--quiet", "--disable-pip-version-check",
            "--no-input", "--report", report, "--index-url", case["indexUrl"], "--cache-dir", case["cacheDir"],
            *case["requirements"]]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = pip_main(args)
    logging.shutdown()  # pip configures logging anew on every call
    for h in logging.getLogger().handlers[:]:
        logging.getLogger().removeHandler(h)
    if code != 0:
        lines = [l.strip() for l in err.getvalue().splitlines() if l.strip().startswith("ERROR:")]
        return {"error": lines[-1] if lines else err.getvalue().strip()[-300:], "exit": code}
    with open(report) as f:
        data = json.load(f)
    return {"packages": sorted("%s==%s" % (canonicalize_name(i["metadata"]["name"]), i["metadata"]["version"])
                               for i in data["install"])}


def main():
    cases = json.load(sys.stdin)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(cases):
            out.append(resolve(case, os.path.join(tmp, "report-%d.json" % i)))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
