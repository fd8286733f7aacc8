package dev.wheelwise.lint.rules;

import dev.wheelwise.dockerfile.PackageOp;
import dev.wheelwise.dockerfile.PythonInstall;
import dev.wheelwise.dockerfile.ShellCommand;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small facts several rules share, read from the recognized commands (never from raw text). */
final class Facts {
  private Facts() {}

  /** The values hadolint (and pip's own option parsing) take as "on" for {@code PIP_NO_CACHE_DIR}. */
  static final Set<String> TRUTHY = Set.of("1", "true", "yes", "on");

  /** Version operators of PEP 440 (and the direct-reference {@code @}) that make a requirement pinned for DL3013. */
  private static final List<String> VERSION_MARKS = List.of("==", ">=", "<=", "!=", "~=", ">", "<", "@");

  static boolean truthy(String value) {
    return value != null && TRUTHY.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** {@code pip install}, {@code python -m pip install}, {@code uv pip install}, {@code pipx install}. */
  static boolean installs(PythonInstall install) {
    return install.command().endsWith(" install") || install.command().equals("install");
  }

  /** The first word's base name ({@code /usr/bin/apt-get} gives {@code apt-get}). */
  static String program(List<String> words) {
    if (words.isEmpty()) {
      return "";
    }
    String w = words.get(0);
    return w.substring(w.lastIndexOf('/') + 1);
  }

  static String program(ShellCommand command) {
    return program(command.values());
  }

  /** A requirement DL3013 accepts as pinned: a version, a direct reference, a local file or path. */
  static boolean pinned(String requirement) {
    String r = requirement.trim();
    if (VERSION_MARKS.stream().anyMatch(r::contains)) {
      return true;
    }
    return r.endsWith(".whl") || r.endsWith(".tar.gz") || r.endsWith(".zip") || r.contains("/") || r.startsWith(".");
  }

  /** apk/apt version pins: {@code pkg=1.2}, apk's {@code pkg~1.2}, {@code pkg>1}, or a local package file. */
  static boolean pinnedSystemPackage(String pkg) {
    return pkg.contains("=") || pkg.contains("~") || pkg.contains(">") || pkg.contains("<")
        || pkg.endsWith(".apk") || pkg.endsWith(".deb") || pkg.contains("/");
  }

  static boolean isApt(PackageOp op) {
    return op.manager().equals("apt");
  }

  static boolean isAptGet(PackageOp op) {
    String p = program(op.words());
    return op.manager().equals("apt") && (p.equals("apt-get") || p.equals("apt"));
  }

  static boolean isApk(PackageOp op) {
    return op.manager().equals("apk");
  }

  /** Build tools and headers: compilers, {@code build-base}/{@code build-essential}, {@code *-dev}. */
  static boolean buildPackage(String pkg) {
    String name = pkg.replaceAll("[=<>~].*$", "");
    return BUILD_TOOLS.contains(name) || name.endsWith("-dev") || name.endsWith("-devel");
  }

  private static final Set<String> BUILD_TOOLS = Set.of("build-base", "build-essential", "gcc", "g++", "clang", "make", "cmake",
      "musl-dev", "libc-dev", "libc6-dev", "gfortran", "cargo", "rust", "rustc", "autoconf", "automake", "libtool", "pkgconf",
      "pkg-config", "linux-headers", "meson", "ninja", "ninja-build");

  /** Whether a cache mount covers {@code path} (or a folder below it). */
  static boolean cacheMountCovers(List<String> mounts, String suffix) {
    return mounts.stream().anyMatch(m -> m.endsWith(suffix) || m.contains(suffix + "/") || m.equals(suffix));
  }
}
