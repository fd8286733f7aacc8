"""Oracle: how pip's PackageFinder reads a source archive listed for a project, by file name.

argv[1]: the packaging module whose Version decides whether the version text is PEP 440 (pip
24.1 and later skip a candidate whose version is not; python3's packaging 26.2 stands for them).
Input: a JSON list of {"filename", "project"}. Output per case: null when pip skips the file as
a source archive (its pip.splitext extension is not in SUPPORTED_EXTENSIONS, or it is a wheel),
else {"extension", "version", "python", "normalized"}: the extension pip read; the version text
pip extracts after the project's name (_extract_version_from_fragment, null when none), with a
-pyX.Y suffix taken off into "python" as LinkEvaluator does; and that text normalized by
packaging's Version, null when it is not PEP 440.
"""
import importlib, json, sys

version = importlib.import_module(sys.argv[1] + ".version")
from pip._internal.utils.misc import splitext
from pip._internal.utils.unpacking import SUPPORTED_EXTENSIONS
from pip._internal.index.package_finder import LinkEvaluator, _extract_version_from_fragment
from pip._vendor.packaging.utils import canonicalize_name

out = []
for case in json.load(sys.stdin):
    base, ext = splitext(case["filename"])
    if ext not in SUPPORTED_EXTENSIONS or ext == ".whl":
        out.append(None)
        continue
    text = _extract_version_from_fragment(base, canonicalize_name(case["project"]))
    python = None
    normalized = None
    if text:
        match = LinkEvaluator._py_version_re.search(text)
        if match:
            text, python = text[: match.start()], match.group(1)
        try:
            normalized = str(version.Version(text))
        except version.InvalidVersion:
            normalized = None
    out.append({"extension": ext, "version": text, "python": python, "normalized": normalized})
json.dump(out, sys.stdout)
