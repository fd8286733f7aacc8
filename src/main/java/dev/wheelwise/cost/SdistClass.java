package dev.wheelwise.cost;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether building an sdist compiles anything: {@link Kind#PURE} (pure Python: no compiler, no
 * system packages, seconds), {@link Kind#COMPILED} (with the languages seen) or
 * {@link Kind#UNKNOWN}, with the evidence a person can check.
 *
 * @param kind pure, compiled or unknown
 * @param languages for a compiled sdist, the languages its sources or build configuration show
 * @param evidence what the answer rests on, e.g. "setup.py calls Extension(", "412 members, no compiled sources"
 * @param likely true when the answer is a guess from other files (every wheel seen is none-any),
 *     not from the sdist's own contents
 */
public record SdistClass(Kind kind, Set<Language> languages, List<String> evidence, boolean likely) {

  public enum Kind { PURE, COMPILED, UNKNOWN }

  /**
   * Seconds pip takes to build one pure-Python sdist: an isolated environment with the backend
   * (setuptools, hatchling… from the cache or a few MB downloaded), then files copied into a
   * wheel. No observation in compile-times.tsv is pure; this is a documented guess, 2–30 s.
   */
  public static final long PURE_BUILD_LOW_SECONDS = 2;
  public static final long PURE_BUILD_HIGH_SECONDS = 30;

  /** A compiled language and the toolchain that builds it (Cython is translated to C). */
  public enum Language {
    C("C", Toolchain.C),
    CXX("C++", Toolchain.CXX),
    CYTHON("Cython", Toolchain.C),
    RUST("Rust", Toolchain.RUST),
    FORTRAN("Fortran", Toolchain.FORTRAN);

    private final String label;
    private final Toolchain toolchain;

    Language(String label, Toolchain toolchain) {
      this.label = label;
      this.toolchain = toolchain;
    }

    public String label() {
      return label;
    }

    public Toolchain toolchain() {
      return toolchain;
    }
  }

  public SdistClass {
    Objects.requireNonNull(kind, "kind");
    languages = languages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(languages));
    evidence = List.copyOf(evidence);
  }

  public static SdistClass unknown(String why) {
    return new SdistClass(Kind.UNKNOWN, Set.of(), List.of(why), false);
  }

  /** The toolchains the languages need (Rust links with a C compiler too). */
  public Set<Toolchain> toolchains() {
    Set<Toolchain> out = EnumSet.noneOf(Toolchain.class);
    for (Language l : languages) {
      out.add(l.toolchain());
    }
    if (out.contains(Toolchain.RUST)) {
      out.add(Toolchain.C);
    }
    return out;
  }

  /** {@code pure}, {@code likely pure}, {@code compiled (C, Cython)} or {@code unknown}, as the reports print it. */
  public String label() {
    String base = switch (kind) {
      case PURE -> "pure";
      case UNKNOWN -> "unknown";
      case COMPILED -> "compiled" + (languages.isEmpty() ? "" : " (" + languages.stream().sorted()
          .map(Language::label).collect(Collectors.joining(", ")) + ")");
    };
    return likely && kind != Kind.UNKNOWN ? "likely " + base : base;
  }

  /** The label and its evidence in one line. */
  public String describe() {
    return label() + (evidence.isEmpty() ? "" : ": " + String.join("; ", evidence));
  }

  /** The JSON value of {@code kind}: {@code pure}, {@code compiled}, {@code unknown}. */
  public String kindName() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
