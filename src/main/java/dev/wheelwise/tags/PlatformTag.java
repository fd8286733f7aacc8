package dev.wheelwise.tags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform tag says about the system a wheel needs, enough to explain why a wheel does
 * not fit an image. Package-private: the supported-tag list, not this, decides compatibility.
 *
 * @param kind the family
 * @param libcMajor for manylinux/musllinux, the libc major version, else -1
 * @param libcMinor for manylinux/musllinux, the libc minor version, else -1
 * @param arch the architecture part for Linux tags, else ""
 */
record PlatformTag(Kind kind, int libcMajor, int libcMinor, String arch) {

  enum Kind {
    ANY,
    /** {@code manylinux_X_Y_arch} (PEP 600). */
    MANYLINUX,
    /** {@code manylinux1/2010/2014_arch} (PEP 513/571/599). */
    MANYLINUX_LEGACY,
    MUSLLINUX,
    LINUX,
    MACOS,
    WINDOWS,
    OTHER_OS,
    UNKNOWN
  }

  private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
  private static final Pattern LEGACY = Pattern.compile("manylinux(1|2010|2014)_(.+)");
  private static final Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d+)_(\\d+)_(.+)");
  private static final Pattern OTHER_OS = Pattern.compile(
      "(ios|android|emscripten|pyodide|pyemscripten|cygwin|freebsd|openbsd|netbsd|dragonfly|solaris|sunos|aix|haiku)_.*"
          + "|wasm32_.*|cli");

  static PlatformTag parse(String platform) {
    Matcher m;
    if (platform.equals("any")) {
      return new PlatformTag(Kind.ANY, -1, -1, "");
    }
    if ((m = MANYLINUX.matcher(platform)).matches()) {
      return new PlatformTag(Kind.MANYLINUX, toInt(m.group(1)), toInt(m.group(2)), m.group(3));
    }
    if ((m = LEGACY.matcher(platform)).matches()) {
      int minor = m.group(1).equals("1") ? 5 : m.group(1).equals("2010") ? 12 : 17;
      return new PlatformTag(Kind.MANYLINUX_LEGACY, 2, minor, m.group(2));
    }
    if ((m = MUSLLINUX.matcher(platform)).matches()) {
      return new PlatformTag(Kind.MUSLLINUX, toInt(m.group(1)), toInt(m.group(2)), m.group(3));
    }
    if (platform.startsWith("linux_") && platform.length() > 6) {
      return new PlatformTag(Kind.LINUX, -1, -1, platform.substring(6));
    }
    if (platform.startsWith("macosx_")) {
      return new PlatformTag(Kind.MACOS, -1, -1, "");
    }
    if (platform.equals("win32") || platform.startsWith("win_")) {
      return new PlatformTag(Kind.WINDOWS, -1, -1, "");
    }
    if (OTHER_OS.matcher(platform).matches()) {
      return new PlatformTag(Kind.OTHER_OS, -1, -1, "");
    }
    return new PlatformTag(Kind.UNKNOWN, -1, -1, "");
  }

  boolean isLinux() {
    return kind == Kind.MANYLINUX || kind == Kind.MANYLINUX_LEGACY || kind == Kind.MUSLLINUX || kind == Kind.LINUX;
  }

  boolean isGlibc() {
    return kind == Kind.MANYLINUX || kind == Kind.MANYLINUX_LEGACY;
  }

  private static int toInt(String digits) {
    // Absurdly long numbers cannot name a real libc; clamp so comparisons still say "too new".
    return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
