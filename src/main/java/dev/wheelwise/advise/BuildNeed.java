package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What compiling one sdist needs on one distro: toolchains ({@code c}, {@code cxx},
 * {@code fortran}, {@code rust}…) and system packages under that distro's names. When the
 * knowledge base does not know the package, {@link #known()} is false and nothing is guessed.
 *
 * @param known whether the needs come from recorded knowledge
 * @param toolchains languages and build tools, e.g. {@code c}, {@code meson}
 * @param systemPackages apk or apt package names
 * @param compiles whether the build runs a compiler at all (false: a pure-Python sdist)
 * @param note what is known instead (the build backend, a hint), for unknown needs
 * @param sdist whether the sdist compiles, from its contents or its project's wheels, with the evidence
 */
public record BuildNeed(boolean known, List<String> toolchains, List<String> systemPackages, boolean compiles, Optional<String> note,
    SdistClass sdist) {
  public BuildNeed {
    toolchains = List.copyOf(toolchains);
    systemPackages = List.copyOf(systemPackages);
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(sdist, "sdist");
  }

  public BuildNeed(boolean known, List<String> toolchains, List<String> systemPackages, boolean compiles, Optional<String> note) {
    this(known, toolchains, systemPackages, compiles, note, SdistClass.unknown("the sdist was not looked at"));
  }

  public static BuildNeed unknown(String note) {
    return new BuildNeed(false, List.of(), List.of(), false, Optional.ofNullable(note));
  }

  /** A pure-Python build: nothing to install, no compiler (the sdist's own evidence or a likely guess). */
  public boolean pure() {
    return sdist.kind() == SdistClass.Kind.PURE && !compiles;
  }
}
