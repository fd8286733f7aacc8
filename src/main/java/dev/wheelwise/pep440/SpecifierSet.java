package dev.wheelwise.pep440;

import dev.wheelwise.SourceSpan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A comma-separated set of version specifiers ({@code >=1.0,!=1.3.*,<2}), with packaging's
 * answers for the pip profile it is asked under (research §1.5): which versions it contains,
 * which of a list it keeps ({@link #filter}, the rule pip applies to an index's versions), and
 * how it prints.
 *
 * <p>Clauses are kept as written, in input order. A set parsed under packaging 21.3 may hold
 * {@linkplain Specifier#legacy() legacy} clauses that later packaging rejects.
 */
public final class SpecifierSet {

  private final List<Specifier> specifiers;

  private SpecifierSet(List<Specifier> specifiers) {
    this.specifiers = List.copyOf(specifiers);
  }

  /** The set with no clauses: it contains every version (pre-releases by packaging's rule). */
  public static SpecifierSet empty() {
    return new SpecifierSet(List.of());
  }

  /** Parses as packaging 26 does (the default profile). */
  public static SpecifierSet parse(String text) throws InvalidSpecifier {
    return parse(text, PipProfile.DEFAULT);
  }

  /** Parses as the profile's packaging does. */
  public static SpecifierSet parse(String text, PipProfile profile) throws InvalidSpecifier {
    return parse(text, profile, "<specifier>", text, 0);
  }

  /**
   * Parses {@code text}, which sits at {@code offset} inside {@code line} of {@code source}, so
   * that an error points at the offending clause in the whole line (a requirement, a lock entry).
   */
  public static SpecifierSet parse(String text, PipProfile profile, String source, String line, int offset)
      throws InvalidSpecifier {
    Objects.requireNonNull(text, "text");
    List<Specifier> parsed = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String clause = text.substring(start, end);
      String stripped = PyText.strip(clause);
      if (!stripped.isEmpty()) {
        Optional<Specifier> specifier = Specifier.tryParse(stripped, profile);
        if (specifier.isEmpty()) {
          int at = offset + start + clause.indexOf(stripped);
          throw new InvalidSpecifier(stripped,
              "invalid specifier '" + stripped + "': " + Specifier.explain(stripped),
              SourceSpan.inLine(source, line, at, stripped.length()));
        }
        parsed.add(specifier.get());
      }
      start = end + 1;
    }
    return new SpecifierSet(parsed);
  }

  /** True when {@code text} parses under the profile. */
  public static boolean isValid(String text, PipProfile profile) {
    try {
      parse(text, profile);
      return true;
    } catch (InvalidSpecifier e) {
      return false;
    }
  }

  public List<Specifier> specifiers() {
    return specifiers;
  }

  public boolean isEmpty() {
    return specifiers.isEmpty();
  }

  /** {@code v in SpecifierSet(...)} under the default profile. */
  public boolean contains(Version v) {
    return contains(v, PipProfile.DEFAULT, Optional.empty());
  }

  /**
   * {@code SpecifierSet.contains(v, prereleases=...)} as the profile's packaging answers it.
   * Differences that matter: packaging 26 contains {@code 2.0a1} in {@code >=1.0} when
   * pre-releases are not forbidden; packaging ≤ 25 does not, unless a clause names a
   * pre-release.
   */
  public boolean contains(Version v, PipProfile profile, Optional<Boolean> prereleases) {
    Semantics semantics = Semantics.of(profile);
    Boolean allow = resolvePrereleases(semantics, prereleases);
    if (semantics == Semantics.PACKAGING_26) {
      if (Boolean.FALSE.equals(allow) && v.isPrerelease()) {
        return false;
      }
      return matchesAll(v, semantics);
    }
    if (!Boolean.TRUE.equals(allow) && v.isPrerelease()) {
      return false;
    }
    return matchesAll(v, semantics);
  }

  /**
   * {@code list(SpecifierSet.filter(versions, prereleases=...))} as the profile's packaging
   * answers it, in input order. pip keeps an index's candidates with exactly this call
   * ({@code prereleases} is true with {@code --pre}, else empty). packaging 26: when no final
   * release matches, the matching pre-releases are kept; packaging ≤ 25 does that only for an
   * empty set.
   */
  public List<Version> filter(Collection<Version> versions, PipProfile profile, Optional<Boolean> prereleases) {
    Semantics semantics = Semantics.of(profile);
    Boolean allow = resolvePrereleases(semantics, prereleases);
    List<Version> out = new ArrayList<>();
    if (semantics == Semantics.PACKAGING_26) {
      for (Version v : versions) {
        if (!(Boolean.FALSE.equals(allow) && v.isPrerelease()) && matchesAll(v, semantics)) {
          out.add(v);
        }
      }
      return allow != null ? out : finalsUnlessNone(out);
    }
    if (!specifiers.isEmpty()) {
      // Each clause filters in turn; a clause drops pre-releases unless allowed, except a
      // legacy one, which sees every candidate as a LegacyVersion (never a pre-release).
      for (Version v : versions) {
        boolean keep = true;
        for (Specifier s : specifiers) {
          keep &= (s.legacy() || Boolean.TRUE.equals(allow) || !v.isPrerelease()) && s.matches(v, semantics);
        }
        if (keep) {
          out.add(v);
        }
      }
      return out;
    }
    List<Version> pre = new ArrayList<>();
    for (Version v : versions) {
      if (v.isPrerelease() && !Boolean.TRUE.equals(allow)) {
        pre.add(v);
      } else {
        out.add(v);
      }
    }
    return out.isEmpty() && allow == null ? pre : out;
  }

  /** PEP 440's default: pre-releases only when no final release is there. */
  private static List<Version> finalsUnlessNone(List<Version> matched) {
    List<Version> finals = new ArrayList<>();
    for (Version v : matched) {
      if (!v.isPrerelease()) {
        finals.add(v);
      }
    }
    return finals.isEmpty() ? matched : finals;
  }

  /**
   * The pre-release switch packaging ends up with: the caller's, else true when a clause names
   * a pre-release; else (packaging ≤ 25, non-empty set) false; else unknown (null).
   */
  private Boolean resolvePrereleases(Semantics semantics, Optional<Boolean> prereleases) {
    if (prereleases.isPresent()) {
      return prereleases.get();
    }
    if (specifiers.isEmpty()) {
      return null;
    }
    boolean any = false;
    for (Specifier s : specifiers) {
      any |= Boolean.TRUE.equals(s.impliesPrereleases(semantics));
    }
    if (any) {
      return true;
    }
    return semantics == Semantics.PACKAGING_26 ? null : false;
  }

  private boolean matchesAll(Version v, Semantics semantics) {
    for (Specifier s : specifiers) {
      if (!s.matches(v, semantics)) {
        return false;
      }
    }
    return true;
  }

  /** {@code str(SpecifierSet)} of packaging 26: clauses sorted as text, equal ones once. */
  @Override
  public String toString() {
    return toString(PipProfile.DEFAULT);
  }

  /**
   * {@code str(SpecifierSet)} of the profile's packaging. packaging 26 sorts, then drops
   * clauses equal to an earlier one; older releases keep the first written of equal clauses
   * (a frozenset), then sort. Equal means same operator and same canonical version.
   */
  public String toString(PipProfile profile) {
    Semantics semantics = Semantics.of(profile);
    List<Specifier> ordered = new ArrayList<>(specifiers);
    Comparator<Specifier> byText = Comparator.comparing(Specifier::toString);
    if (semantics == Semantics.PACKAGING_26) {
      ordered.sort(byText);
    }
    Map<List<Object>, Specifier> unique = new LinkedHashMap<>();
    for (Specifier s : ordered) {
      unique.putIfAbsent(canonicalKey(s, semantics), s);
    }
    List<Specifier> kept = new ArrayList<>(unique.values());
    kept.sort(byText);
    List<String> parts = new ArrayList<>();
    kept.forEach(s -> parts.add(s.toString()));
    return String.join(",", parts);
  }

  private static List<Object> canonicalKey(Specifier s, Semantics semantics) {
    String op = s.operator();
    String v = s.version();
    switch (semantics) {
      case PACKAGING_26:
        if (op.equals("===") || v.endsWith(".*")) {
          return List.of(op, v);
        }
        return List.of(op, PyText.canonicalize(v, !op.equals("~=")));
      case PACKAGING_22:
      case PACKAGING_24_2:
        return List.of(op, PyText.canonicalize(v, !op.equals("~=")));
      default:
        return List.of(s.legacy(), op, PyText.canonicalize(v, true));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecifierSet other && specifiers.equals(other.specifiers);
  }

  @Override
  public int hashCode() {
    return specifiers.hashCode();
  }
}
