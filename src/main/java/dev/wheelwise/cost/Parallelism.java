package dev.wheelwise.cost;

import java.util.Locale;
import java.util.Set;

/** Whether a source build compiles with every core (ninja, cargo) or one file at a time. */
public enum Parallelism {
  /** meson/ninja, cmake, cargo, or a setup.py that parallelises itself (grpcio). */
  PARALLEL,
  /** setuptools' build_ext compiles one file after another unless told otherwise. */
  SERIAL,
  UNKNOWN;

  /**
   * From what build-deps.tsv says of a package: a parallel build tool among its toolchains, or
   * notes saying it uses all CPUs (grpcio), make it parallel; known toolchains without either
   * mean setuptools, serial; unknown packages stay unknown. The knowledge describes current
   * releases: an old version may have used another backend (numpy before meson).
   */
  public static Parallelism of(BuildNeeds needs) {
    if (needs.isUnknown()) {
      return needs.inferredToolchains().stream().anyMatch(Toolchain::parallelBuilder) ? PARALLEL : UNKNOWN;
    }
    return of(needs.toolchains(), needs.notes());
  }

  static Parallelism of(Set<Toolchain> toolchains, String notes) {
    if (toolchains.stream().anyMatch(Toolchain::parallelBuilder)
        || notes.toLowerCase(Locale.ROOT).contains("all cpus")) {
      return PARALLEL;
    }
    return toolchains.isEmpty() ? UNKNOWN : SERIAL;
  }
}
