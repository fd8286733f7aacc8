"""Oracle: which source archives pip's PackageFinder accepts from an index, by file name.

argv[1]: the packaging module (unused beyond the import check; pip's own code is read).
Input: a JSON list of file names. Output per name: null when pip skips it as a source archive
(its pip.splitext extension is not in SUPPORTED_EXTENSIONS, or it is a wheel), else
{"extension", "version"}: the extension pip read, and the version text pip extracts after the
project name packaging's parse_sdist_filename reads from the same stem (null when packaging
cannot split the stem, or pip finds no version there).
"""
import importlib, json, sys

importlib.import_module(sys.argv[1])
from pip._internal.utils.misc import splitext
from pip._internal.utils.unpacking import SUPPORTED_EXTENSIONS
from pip._internal.index.package_finder import _extract_version_from_fragment
from pip._vendor.packaging.utils import parse_sdist_filename

out = []
for filename in json.load(sys.stdin):
    base, ext = splitext(filename)
    if ext not in SUPPORTED_EXTENSIONS or ext == ".whl":
        out.append(None)
        continue
    try:
        name, _ = parse_sdist_filename(base + ".tar.gz")
        version = _extract_version_from_fragment(base, name)
    except Exception:
        version = None
    out.append({"extension": ext, "version": version})
json.dump(out, sys.stdout)
