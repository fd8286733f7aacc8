package dev.wheelwise.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One clause of a version specifier (PEP 440 "Version specifiers"): an operator and the version
 * text as written after it (stripped of white space, not normalized, as packaging keeps it).
 *
 * @param operator one of {@code ~= == != <= >= < > ===}
 * @param version the version text; may end in {@code .*} for {@code ==} and {@code !=}; for
 *     {@code ===} any text
 * @param legacy true for packaging 21.3's {@code LegacySpecifier} (a clause that is not PEP 440,
 *     such as {@code >=1.0+local}, compared as a setuptools-style LegacyVersion)
 */
public record Specifier(String operator, String version, boolean legacy) {

  private static final String S = Version.PY_SPACE;
  private static final String NOT_S = "[^" + Version.PY_SPACE_CHARS + "]";
  private static final String EPOCH_RELEASE = "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*";
  private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)";
  private static final String POST = "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)";
  private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)";
  private static final String LOCAL = "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)";
  private static final String COMPATIBLE =
      "~=" + S + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + "?" + POST + "?" + DEV + "?";
  private static final String ORDERED = "(?:<=|>=|<|>)" + S + "*" + EPOCH_RELEASE + PRE + "?" + POST + "?" + DEV + "?";

  /**
   * One clause as packaging ≥ 22 writes it ({@code Specifier._specifier_regex_str}), without
   * surrounding white space: {@code .*} only straight after the release, {@code ===} stops at
   * {@code ;} and {@code )}. The requirement tokenizer reads clauses with it. Compile it with
   * {@link #REGEX_FLAGS}.
   */
  public static final String CLAUSE_REGEX = "(?:"
      + "===" + S + "*[^" + Version.PY_SPACE_CHARS + ";)]*"
      + "|(?:==|!=)" + S + "*" + EPOCH_RELEASE + "(?:\\.\\*|" + PRE + "?" + POST + "?" + DEV + "?" + LOCAL + "?)?"
      + "|" + COMPATIBLE + "|" + ORDERED + ")";

  /** Case-insensitive for ASCII letters, as packaging 26 compiles the letter parts ({@code (?a:...)}). */
  public static final int REGEX_FLAGS = Pattern.CASE_INSENSITIVE;

  /** packaging ≤ 25 folded case with Unicode rules. */
  public static final int REGEX_FLAGS_BEFORE_26 = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern MODERN = Pattern.compile(S + "*" + CLAUSE_REGEX + S + "*", REGEX_FLAGS);
  private static final Pattern MODERN_BEFORE_26 = Pattern.compile(S + "*" + CLAUSE_REGEX + S + "*", REGEX_FLAGS_BEFORE_26);

  /**
   * One clause as packaging 21.3's {@code Specifier} reads it: {@code .*} may follow a pre- or
   * post-release; {@code ===} takes any non-space. Compile with {@link #REGEX_FLAGS_BEFORE_26}.
   */
  public static final String CLAUSE_REGEX_21 = "(?:"
      + "===" + S + "*" + NOT_S + "*"
      + "|(?:==|!=)" + S + "*" + EPOCH_RELEASE + PRE + "?" + POST + "?(?:" + DEV + "?" + LOCAL + "?|\\.\\*)?"
      + "|" + COMPATIBLE + "|" + ORDERED + ")";

  /** One clause as packaging 21.3's {@code LegacySpecifier} reads it. */
  public static final String LEGACY_CLAUSE_REGEX =
      "(?:==|!=|<=|>=|<|>)" + S + "*[^,;)" + Version.PY_SPACE_CHARS + "]*";

  private static final Pattern PACKAGING_21 =
      Pattern.compile(S + "*" + CLAUSE_REGEX_21 + S + "*", REGEX_FLAGS_BEFORE_26);

  private static final Pattern LEGACY =
      Pattern.compile(S + "*" + LEGACY_CLAUSE_REGEX + S + "*", REGEX_FLAGS_BEFORE_26);

  private static final List<String> OPERATORS = List.of("~=", "==", "!=", "<=", ">=", "<", ">", "===");

  public Specifier {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(version, "version");
    if (!OPERATORS.contains(operator) || legacy && (operator.equals("~=") || operator.equals("==="))) {
      throw new IllegalArgumentException("not a " + (legacy ? "legacy " : "") + "specifier operator: " + operator);
    }
  }

  /**
   * Parses one clause as the profile's packaging does (its {@code Specifier}, and for packaging
   * 21.3 its {@code LegacySpecifier} as a fallback); empty when it is not valid there.
   */
  static Optional<Specifier> tryParse(String clause, PipProfile profile) {
    Semantics semantics = Semantics.of(profile);
    if (grammar(semantics).matcher(clause).matches()) {
      return Optional.of(split(clause, false));
    }
    if (semantics == Semantics.PACKAGING_21 && LEGACY.matcher(clause).matches()) {
      return Optional.of(split(clause, true));
    }
    return Optional.empty();
  }

  private static Pattern grammar(Semantics semantics) {
    switch (semantics) {
      case PACKAGING_21:
        return PACKAGING_21;
      case PACKAGING_26:
        return MODERN;
      default:
        return MODERN_BEFORE_26;
    }
  }

  private static Specifier split(String clause, boolean legacy) {
    String spec = PyText.strip(clause);
    int length;
    if (spec.startsWith("===") && !legacy) {
      length = 3;
    } else if (spec.startsWith("~=") || spec.startsWith("==") || spec.startsWith("!=")
        || spec.startsWith("<=") || spec.startsWith(">=")) {
      length = 2;
    } else {
      length = 1;
    }
    return new Specifier(spec.substring(0, length), PyText.strip(spec.substring(length)), legacy);
  }

  /** Why a clause is not a specifier, in plain words. */
  static String explain(String clause) {
    String spec = PyText.strip(clause);
    String op = spec.replaceFirst("(?s)^(===|~=|==|!=|<=|>=|<|>)?.*$", "$1");
    String version = PyText.strip(spec.substring(op.length()));
    if (op.isEmpty()) {
      return "expected an operator (==, !=, <=, >=, <, >, ~=, ===) before '" + spec + "'";
    }
    if (version.isEmpty()) {
      return "expected a version after '" + op + "'";
    }
    boolean wildcard = version.endsWith(".*");
    String bare = wildcard ? version.substring(0, version.length() - 2) : version;
    Version parsed = Version.tryParseAnyProfile(bare);
    if (parsed == null) {
      return "'" + bare + "' is not a PEP 440 version";
    }
    if (wildcard && !op.equals("==") && !op.equals("!=")) {
      return "a .* suffix can only be used with == or !=";
    }
    if (wildcard) {
      return "a .* suffix can only follow the release numbers, not a pre-, post-, dev- or local part";
    }
    if (parsed.hasLocal() && !op.equals("==") && !op.equals("!=")) {
      return "a local version label (+" + parsed.localLabel() + ") can only be used with == or !=";
    }
    if (op.equals("~=") && parsed.release().size() < 2) {
      return "~= needs at least two release numbers (~=" + bare + ".0 or >=" + bare + ")";
    }
    return "not a PEP 440 specifier";
  }

  @Override
  public String toString() {
    return operator + version;
  }

  /** The spec version parsed (for every operator but {@code ===} and legacy clauses). */
  private Version specVersion() {
    Version v = Version.tryParseAnyProfile(version);
    if (v == null) {
      throw new IllegalStateException("specifier version is not a version: " + this);
    }
    return v;
  }

  /**
   * packaging's {@code Specifier.prereleases} when not set explicitly: whether this clause
   * admits pre-releases by naming one. Null where packaging 26 answers None (an
   * {@code ===} clause with text that is not a version) or for legacy clauses.
   */
  Boolean impliesPrereleases(Semantics semantics) {
    if (legacy) {
      return null;
    }
    if (semantics == Semantics.PACKAGING_26) {
      if (operator.equals("!=") || (operator.equals("==") && version.endsWith(".*"))) {
        return false;
      }
      Version v = Version.tryParseAnyProfile(version);
      return v == null ? null : v.isPrerelease();
    }
    List<String> naming = semantics == Semantics.PACKAGING_24_2
        ? List.of("==", ">=", "<=", "~=", "===", "<", ">") : List.of("==", ">=", "<=", "~=", "===");
    if (!naming.contains(operator)) {
      return false;
    }
    String text = operator.equals("==") && version.endsWith(".*")
        ? version.substring(0, version.length() - 2) : version;
    Version v = Version.tryParseAnyProfile(text);
    return v != null && v.isPrerelease();
  }

  /**
   * Whether this clause, parsed as packaging's {@code Specifier} of the profile (never a legacy
   * one), is valid there: the check packaging's marker evaluation makes on {@code op + rhs}.
   */
  public static boolean isValidClause(String clause, PipProfile profile) {
    return grammar(Semantics.of(profile)).matcher(clause).matches();
  }

  /**
   * One clause as packaging's {@code Specifier(clause)} of the profile (never a legacy clause),
   * empty when it is not valid there.
   */
  public static Optional<Specifier> parseClause(String clause, PipProfile profile) {
    return isValidClause(clause, profile) ? Optional.of(split(clause, false)) : Optional.empty();
  }

  /**
   * Whether this clause holds for a candidate version as packaging's
   * {@code Specifier.contains(candidate, prereleases=True)} of the profile answers.
   */
  public boolean matches(Version candidate, PipProfile profile) {
    return matches(candidate, Semantics.of(profile));
  }

  /**
   * packaging's {@code Specifier.prereleases} for this clause: true when it names a
   * pre-release (and so admits them), false or null (unknown) otherwise.
   */
  public Optional<Boolean> prereleases(PipProfile profile) {
    return Optional.ofNullable(impliesPrereleases(Semantics.of(profile)));
  }

  /** Whether the operator holds for {@code candidate}, before any pre-release policy. */
  boolean matches(Version candidate, Semantics semantics) {
    if (legacy) {
      int c = LegacyVersion.of(candidate.toString()).compareTo(LegacyVersion.of(version));
      return compareResult(operator, c);
    }
    switch (operator) {
      case "===":
        return PyText.lower(candidate.toString()).equals(PyText.lower(version));
      case "==":
        return equal(candidate, version, semantics);
      case "!=":
        return !equal(candidate, version, semantics);
      case "<=":
        return candidate.publicVersion().compareTo(specVersion()) <= 0;
      case ">=":
        return candidate.publicVersion().compareTo(specVersion()) >= 0;
      case "<":
        return lessThan(candidate, semantics);
      case ">":
        return greaterThan(candidate, semantics);
      case "~=":
        return compatible(candidate, semantics);
      default:
        throw new IllegalStateException("unknown operator " + operator);
    }
  }

  private static boolean compareResult(String op, int c) {
    switch (op) {
      case "==":
        return c == 0;
      case "!=":
        return c != 0;
      case "<=":
        return c <= 0;
      case ">=":
        return c >= 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      default:
        throw new IllegalStateException("no legacy operator " + op);
    }
  }

  private static boolean equal(Version candidate, String spec, Semantics semantics) {
    if (!spec.endsWith(".*")) {
      Version specVersion = Version.tryParseAnyProfile(spec);
      Version prospective = specVersion.hasLocal() ? candidate : candidate.publicVersion();
      return prospective.equals(specVersion);
    }
    String bare = spec.substring(0, spec.length() - 2);
    Version prospective = candidate.publicVersion();
    switch (semantics) {
      case PACKAGING_26: {
        List<String> splitSpec = PyText.split26(PyText.canonicalize(bare, false));
        List<String> splitProspective = PyText.split26(prospective.toString());
        List<String> padded = PyText.leftPad(splitProspective, PyText.numericPrefixLength(splitSpec));
        return PyText.prefix(padded, splitSpec.size()).equals(splitSpec);
      }
      case PACKAGING_22:
      case PACKAGING_24_2: {
        List<String> splitSpec = PyText.splitOld(PyText.canonicalize(bare, false));
        List<String> splitProspective = PyText.splitOld(PyText.canonicalize(prospective, true));
        List<String> padded = PyText.padBoth(splitProspective, splitSpec).get(0);
        return PyText.prefix(padded, splitSpec.size()).equals(splitSpec);
      }
      default: {
        List<String> splitSpec = PyText.splitOld(bare);
        List<String> shortened = PyText.prefix(PyText.splitOld(prospective.toString()), splitSpec.size());
        List<List<String>> padded = PyText.padBoth(splitSpec, shortened);
        return padded.get(1).equals(padded.get(0));
      }
    }
  }

  private boolean lessThan(Version candidate, Semantics semantics) {
    Version spec = specVersion();
    if (candidate.compareTo(spec) >= 0) {
      return false;
    }
    if (spec.isPrerelease() || !candidate.isPrerelease()) {
      return true;
    }
    if (semantics == Semantics.PACKAGING_26) {
      // No pre-release of V itself: nothing at or above V's earliest pre-release (V.dev0).
      Version earliest = new Version(spec.epoch(), spec.release(), spec.pre(), spec.post(),
          Optional.of(java.math.BigInteger.ZERO), List.of());
      return candidate.compareTo(earliest) < 0;
    }
    return !candidate.baseVersion().equals(spec.baseVersion());
  }

  private boolean greaterThan(Version candidate, Semantics semantics) {
    Version spec = specVersion();
    if (candidate.compareTo(spec) <= 0) {
      return false;
    }
    if (semantics == Semantics.PACKAGING_26) {
      Version postBase = new Version(candidate.epoch(), candidate.release(), candidate.pre(),
          Optional.empty(), Optional.empty(), List.of());
      if (!spec.isPostrelease() && candidate.isPostrelease() && postBase.equals(spec)) {
        return false;
      }
      return !(candidate.hasLocal() && candidate.publicVersion().equals(spec));
    }
    boolean sameBase = candidate.baseVersion().equals(spec.baseVersion());
    if (!spec.isPostrelease() && candidate.isPostrelease() && sameBase) {
      return false;
    }
    return !(candidate.hasLocal() && sameBase);
  }

  /** {@code ~=V}: {@code >=V} and {@code ==P.*}, P being V's release without its last number. */
  private boolean compatible(Version candidate, Semantics semantics) {
    if (candidate.publicVersion().compareTo(specVersion()) < 0) {
      return false;
    }
    List<String> split = semantics == Semantics.PACKAGING_26 ? PyText.split26(version) : PyText.splitOld(version);
    List<String> kept = new ArrayList<>();
    for (String segment : split) {
      if (!PyText.isNotSuffix(segment)) {
        break;
      }
      kept.add(segment);
    }
    kept = kept.subList(0, Math.max(0, kept.size() - 1));
    String prefix;
    if (semantics == Semantics.PACKAGING_26) {
      prefix = kept.get(0) + "!" + String.join(".", kept.subList(1, kept.size()));
    } else {
      prefix = String.join(".", kept);
    }
    return equal(candidate, prefix + ".*", semantics);
  }
}
