"""The marker environment of CPython X.Y.Z in a Linux image, shared by the install-set oracles.

platform_release and platform_version describe the kernel that runs the container, unknown
here, so they are "" (as wheelwise's MarkerEnvironment.linuxCPython and uv's --python-platform).
"""


def environment(python, machine):
    major, minor, _ = python.split(".")
    return {
        "implementation_name": "cpython", "implementation_version": python, "os_name": "posix",
        "platform_machine": machine, "platform_release": "", "platform_system": "Linux",
        "platform_version": "", "python_full_version": python,
        "platform_python_implementation": "CPython", "python_version": major + "." + minor,
        "sys_platform": "linux",
    }
