package dev.wheelwise.cost;

import java.util.Locale;
import java.util.Optional;

/**
 * A tool a source build needs, as build-deps.tsv names them. meson, ninja and cmake usually
 * arrive from PyPI as build requirements; they matter because they make the build parallel.
 */
public enum Toolchain {
  C,
  CXX,
  FORTRAN,
  RUST,
  GO,
  JAVA,
  CMAKE,
  MESON,
  NINJA,
  BAZEL,
  AUTOTOOLS,
  SWIG,
  OPENMP,
  CUDA;

  /** {@code c}, {@code cxx}, {@code fortran}… as in build-deps.tsv. */
  public static Optional<Toolchain> parse(String text) {
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the tool normally compiles with every core (ninja runs all CPUs; cargo too). */
  public boolean parallelBuilder() {
    return this == MESON || this == NINJA || this == CMAKE || this == RUST || this == BAZEL;
  }

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }
}
