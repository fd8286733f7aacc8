package dev.wheelwise.tags;

import java.util.Objects;

/**
 * The interpreter and platform pip runs on inside an image: CPython X.Y[.Z] (free-threaded or
 * not), its libc and CPU architecture. Everything pip's choice of files depends on, apart from
 * pip's own version (see {@code PipProfile}).
 *
 * @param pythonMajor e.g. 3
 * @param pythonMinor e.g. 12
 * @param pythonMicro the patch release when known, else -1 (markers then use X.Y.0)
 * @param freeThreaded a {@code 3.13t}-style build (ABI flag {@code t}, PEP 703)
 * @param libc glibc or musl and its version
 * @param arch the CPU architecture
 */
public record Target(
    int pythonMajor, int pythonMinor, int pythonMicro, boolean freeThreaded, Libc libc, Arch arch) {

  public Target {
    Objects.requireNonNull(libc, "libc");
    Objects.requireNonNull(arch, "arch");
    if (pythonMajor < 2 || pythonMinor < 0) {
      throw new IllegalArgumentException("bad Python version " + pythonMajor + "." + pythonMinor);
    }
    if (freeThreaded && (pythonMajor < 3 || (pythonMajor == 3 && pythonMinor < 13))) {
      throw new IllegalArgumentException("free-threaded builds exist from Python 3.13 on, not " + pythonMajor + "." + pythonMinor);
    }
  }

  /** {@code 3.12}: the {@code python_version} marker value. */
  public String pythonVersion() {
    return pythonMajor + "." + pythonMinor;
  }

  /** {@code 3.12.7}, or {@code 3.12.0} when the patch release is unknown, as pip pads it. */
  public String pythonFullVersion() {
    return pythonMajor + "." + pythonMinor + "." + Math.max(pythonMicro, 0);
  }

  /** {@code cp312}, {@code cp313t}: the interpreter tag plus the free-threading flag. */
  public String cpythonAbi() {
    return "cp" + pythonMajor + pythonMinor + (freeThreaded ? "t" : "");
  }

  @Override
  public String toString() {
    return "CPython " + pythonVersion() + (freeThreaded ? "t" : "") + " " + libc + " " + arch.tagName();
  }
}
