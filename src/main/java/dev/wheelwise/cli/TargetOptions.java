package dev.wheelwise.cli;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options that describe a target image by hand (a picocli {@code @Mixin}): Python version,
 * libc, architecture, free-threading and the image's pip. Values are checked in {@link
 * #toTarget()} and {@link #profile()}, which throw {@link UsageException} (exit 2) saying what
 * was expected.
 */
public final class TargetOptions {

  private static final Pattern PYTHON = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(t?)");

  @Option(names = "--python", paramLabel = "X.Y[.Z]",
      description = "CPython version of the image, e.g. 3.12 or 3.12.7 (a trailing t, 3.13t, means free-threaded)")
  String python;

  @Option(names = "--libc", paramLabel = "LIBC", defaultValue = "glibc-2.41",
      description = "glibc-X.Y or musl-1.Y (default: ${DEFAULT-VALUE}, Debian 13 as in python:3.X-slim)")
  String libc;

  @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
      description = "x86_64 (amd64), aarch64 (arm64), i686 (386), armv7l (arm/v7), ppc64le, s390x, riscv64 (default: ${DEFAULT-VALUE})")
  String arch;

  @Option(names = "--free-threaded", description = "a free-threaded build (PEP 703, 3.13 and newer)")
  boolean freeThreaded;

  @Option(names = "--pip", paramLabel = "VERSION",
      description = "the image's pip version; older pips know fewer tags (default: a current pip, 26.1)")
  String pip;

  /** The target these options describe. */
  public Target toTarget() {
    if (python == null) {
      throw new UsageException("--python is required, e.g. --python 3.12");
    }
    Matcher m = PYTHON.matcher(python.trim());
    if (!m.matches()) {
      throw new UsageException("--python expects X.Y or X.Y.Z (e.g. 3.12 or 3.12.7), got '" + python + "'");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int micro = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
    boolean threaded = freeThreaded || !m.group(4).isEmpty();
    if (major != 3) {
      throw new UsageException("--python expects a CPython 3 version, got '" + python + "'");
    }
    if (threaded && minor < 13) {
      throw new UsageException("free-threaded builds exist from Python 3.13 on, not " + major + "." + minor);
    }
    Libc parsedLibc = Libc.parse(libc)
        .orElseThrow(() -> new UsageException("--libc expects glibc-X.Y or musl-1.Y (e.g. glibc-2.36, musl-1.2), got '" + libc + "'"));
    if (parsedLibc.isMusl() && parsedLibc.major() != 1) {
      throw new UsageException("--libc: musl versions are 1.Y (e.g. musl-1.2), got '" + libc + "'");
    }
    if (!parsedLibc.isMusl() && parsedLibc.major() != 2) {
      throw new UsageException("--libc: glibc versions are 2.Y (e.g. glibc-2.36), got '" + libc + "'");
    }
    Arch parsedArch = Arch.parse(arch).orElseThrow(() -> new UsageException("--arch expects one of "
        + Arrays.stream(Arch.values()).map(a -> a.tagName() + " (" + a.ociName() + ")").collect(Collectors.joining(", "))
        + ", got '" + arch + "'"));
    return new Target(major, minor, micro, threaded, parsedLibc, parsedArch);
  }

  /** The pip profile: {@link PipProfile#DEFAULT}, or the one of {@code --pip}. */
  public PipProfile profile() {
    if (pip == null) {
      return PipProfile.DEFAULT;
    }
    Version version = Version.tryParse(pip);
    if (version == null) {
      throw new UsageException("--pip expects a pip version such as 23.2 or 24.0.1, got '" + pip + "'");
    }
    return PipProfile.forPip(version);
  }
}
