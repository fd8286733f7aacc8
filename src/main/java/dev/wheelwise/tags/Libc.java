package dev.wheelwise.tags;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C library of a Linux image: glibc X.Y (manylinux, PEP 600) or musl 1.Y (musllinux,
 * PEP 656). Written on the command line as {@code glibc-2.36} or {@code musl-1.2}.
 */
public record Libc(Family family, int major, int minor) {

  public enum Family {
    GLIBC,
    MUSL;

    public String lower() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern FORM = Pattern.compile("(?i)(glibc|musl)[-_ ]?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

  public Libc {
    Objects.requireNonNull(family, "family");
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("libc version must be non-negative: " + major + "." + minor);
    }
  }

  public static Libc glibc(int major, int minor) {
    return new Libc(Family.GLIBC, major, minor);
  }

  public static Libc musl(int major, int minor) {
    return new Libc(Family.MUSL, major, minor);
  }

  /** {@code glibc-2.36}, {@code musl-1.2}, {@code musl-1.2.5} (patch ignored: tags carry X.Y). */
  public static Optional<Libc> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    Family family = Family.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    return Optional.of(new Libc(family, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  public boolean isMusl() {
    return family == Family.MUSL;
  }

  @Override
  public String toString() {
    return family.lower() + "-" + major + "." + minor;
  }
}
