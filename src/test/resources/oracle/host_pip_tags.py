"""Oracle: the supported tags the real pip of this interpreter computes on this real host.

argv[1] is ignored (the module is pip's own vendored packaging). Input: a list with one
placeholder case. Output: one object {"pip", "python": [major, minor], "freeThreaded",
"glibc": "2.36" or null, "machine", "tags": [...]} where tags is
pip._internal.utils.compatibility_tags.get_supported(), the list `pip debug --verbose` prints.
Nothing is simulated.
"""
import json, os, platform, sys, sysconfig

import pip
from pip._internal.utils.compatibility_tags import get_supported

cases = json.load(sys.stdin)
try:
    glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[1]
except (AttributeError, ValueError, OSError, IndexError):
    glibc = None
answer = {
    "pip": pip.__version__,
    "python": list(sys.version_info[:2]),
    "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "glibc": glibc,
    "machine": platform.machine(),
    "tags": [str(t) for t in get_supported()],
}
json.dump([answer for _ in cases], sys.stdout)
