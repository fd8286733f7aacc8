package dev.wheelwise.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poetry's version constraints (poetry-core {@code semver/helpers.py} {@code parse_constraint})
 * in PEP 440 terms. {@code ^1.2.3} is {@code >=1.2.3,<2.0.0}: the first non-zero component
 * given is bumped ({@code ^0.2.3} → {@code <0.3.0}, {@code ^0.0.3} → {@code <0.0.4}, and
 * {@code ^0}/{@code ^0.0} bump their last component). {@code ~1.2.3} is {@code >=1.2.3,<1.3.0};
 * {@code ~1} is {@code >=1,<2}. A bare version means {@code ==}. {@code ||} separates
 * alternatives, which PEP 440 cannot join into one specifier set, so they come back as a list.
 */
public final class PoetryConstraint {

  private static final Pattern CLAUSE = Pattern.compile("(\\^|~=|~|===|==|!=|>=|<=|>|<|=)?\\s*(\\S+)");
  private static final Pattern RELEASE = Pattern.compile("v?(\\d+(?:\\.\\d+)*)(.*)");

  private PoetryConstraint() {}

  /**
   * The alternatives of a Poetry constraint, each a PEP 440 specifier set ({@code ""} = any
   * version). Throws {@link IllegalArgumentException} naming the clause it cannot read.
   */
  public static List<String> toPep440(String constraint) {
    List<String> out = new ArrayList<>();
    for (String alternative : constraint.split("\\|\\|?")) {
      out.add(clauses(alternative.trim()));
    }
    return out;
  }

  /** The alternatives joined as {@code a || b}, the form {@link LockedDependency#specifier} keeps. */
  public static String toPep440Joined(String constraint) {
    return String.join(" || ", toPep440(constraint));
  }

  // Compiled once: these run for every dependency of every Poetry lock and pyproject.
  private static final Pattern SPACE_AFTER_OPERATOR = Pattern.compile("(\\^|~=|~|===|==|!=|>=|<=|>|<|=)\\s+");
  private static final Pattern CARET_EQUALS = Pattern.compile("\\^=");
  private static final Pattern PYTHON_CLAUSE = Pattern.compile("(~=|===|==|!=|>=|<=|>|<)(.+)");

  private static String clauses(String alternative) {
    if (alternative.isEmpty() || alternative.equals("*")) {
      return "";
    }
    // Operators may be followed by spaces ("> = 1.0" is not valid, ">= 1.0" is).
    String squeezed = CARET_EQUALS.matcher(SPACE_AFTER_OPERATOR.matcher(alternative).replaceAll("$1"))
        // Poetry before 1.1 read "^=1.17.0" as "^1.17.0"; locks made from such files exist.
        .replaceAll("^");
    List<String> parts = new ArrayList<>();
    for (String clause : squeezed.split("[,\\s]+")) {
      if (clause.isEmpty() || clause.equals("*")) {
        continue;
      }
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new Invalid("cannot read Poetry constraint clause '" + clause + "'", clause);
      }
      String op = m.group(1) == null ? "" : m.group(1);
      String version = m.group(2);
      switch (op) {
        case "^" -> parts.add(caret(version));
        case "~" -> parts.add(tilde(version));
        case "", "=" -> parts.add("==" + version);
        default -> parts.add(op + version);
      }
    }
    return String.join(",", parts);
  }

  private static String caret(String version) {
    int[] release = release(version);
    int bump = release.length - 1;
    for (int i = 0; i < release.length; i++) {
      if (release[i] != 0) {
        bump = i;
        break;
      }
    }
    return ">=" + version + ",<" + bumped(release, bump);
  }

  private static String tilde(String version) {
    int[] release = release(version);
    return ">=" + version + ",<" + bumped(release, release.length == 1 ? 0 : 1);
  }

  private static int[] release(String version) {
    Matcher m = RELEASE.matcher(version);
    if (!m.matches()) {
      throw new Invalid("cannot read version '" + version + "' in a Poetry constraint", version);
    }
    String[] parts = m.group(1).split("\\.");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }

  /** The release with component {@code index} incremented and the later ones zeroed. */
  private static String bumped(int[] release, int index) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.max(release.length, index + 1); i++) {
      int value = i < index ? release[i] : i == index ? release[i] + 1 : 0;
      if (i > 0) {
        out.append('.');
      }
      out.append(value);
    }
    return out.toString();
  }

  /**
   * A Poetry {@code python = "…"} constraint as a PEP 508 marker, as poetry-core writes it:
   * two-component versions compare {@code python_version}, longer ones
   * {@code python_full_version}; {@code ==3.8.*} becomes {@code python_version == "3.8"}.
   * Empty for {@code *}.
   */
  public static String pythonMarker(String constraint) {
    List<String> alternatives = new ArrayList<>();
    for (String alt : toPep440(constraint)) {
      if (alt.isEmpty()) {
        return "";
      }
      List<String> terms = new ArrayList<>();
      for (String clause : alt.split(",")) {
        Matcher m = PYTHON_CLAUSE.matcher(clause.trim());
        if (!m.matches()) {
          throw new Invalid("cannot read Python constraint clause '" + clause + "'", clause);
        }
        String op = m.group(1);
        String v = m.group(2);
        if (v.endsWith(".*")) {
          v = v.substring(0, v.length() - 2);
          terms.add("python_version " + op + " \"" + v + "\"");
          continue;
        }
        String variable = v.split("\\.").length >= 3 ? "python_full_version" : "python_version";
        terms.add(variable + " " + op + " \"" + v + "\"");
      }
      alternatives.add(String.join(" and ", terms));
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    return String.join(" or ", alternatives.stream().map(a -> "(" + a + ")").toList());
  }

  /**
   * A constraint Poetry would not read either. Unchecked because the conversions run inside
   * stream mappings; the readers turn it into an {@link InputParseError} at the line holding
   * {@link #part}.
   */
  static final class Invalid extends IllegalArgumentException {
    final String part;

    Invalid(String message, String part) {
      super(message);
      this.part = part;
    }

    InputParseError at(SourceFile file) {
      int at = part.isEmpty() ? -1 : file.text.indexOf(part);
      return file.errorAtLine(at < 0 ? 1 : file.lineAtOffset(at), getMessage(), "a Poetry version constraint (^1.2, ~1.2, >=1,<2, 1.2.*)");
    }
  }
}
