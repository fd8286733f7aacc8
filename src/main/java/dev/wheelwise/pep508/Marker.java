package dev.wheelwise.pep508;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Specifier;
import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 environment marker ({@code python_version < "3.11" and sys_platform == "linux"}),
 * evaluated as the profile's packaging does (research §1.6):
 *
 * <ul>
 *   <li>packaging 26: version comparison only for {@code python_version, python_full_version,
 *       implementation_version, platform_release}; on strings {@code <}/{@code >} are false and
 *       {@code <=}/{@code >=} mean {@code ==}; a left side that is not a version gives false.
 *   <li>packaging 22–25: version comparison for any variable whose right side makes a valid
 *       specifier, raising when the left side is not a version; else Python string operators.
 *   <li>packaging 21.3: as 22–25, but a left side that is not a version compares as false, and
 *       pre-releases are not contained unless the right side is one; {@code extra} is not
 *       normalized.
 * </ul>
 *
 * <p>Every comparison is evaluated (no short-circuit), as packaging does, so an error anywhere
 * surfaces. The tree is kept as packaging keeps it, so {@link #toString()} prints the same text.
 */
public final class Marker {

  /** One side of a comparison: a variable name (aliases resolved) or a quoted value. */
  record Operand(boolean isVariable, String text) {
    static Operand variable(String name) {
      return new Operand(true, name);
    }

    static Operand value(String text) {
      return new Operand(false, text);
    }

    String serialize() {
      return isVariable ? text : "\"" + text + "\"";
    }

    boolean names(String variable) {
      return isVariable && text.equals(variable);
    }
  }

  sealed interface Node permits Group, Compare {}

  /** Atoms joined by {@code and}/{@code or} (ops.size() == atoms.size() - 1), from one nesting level. */
  record Group(List<Node> atoms, List<String> ops) implements Node {
    Group {
      atoms = List.copyOf(atoms);
      ops = List.copyOf(ops);
    }
  }

  record Compare(Operand left, String op, Operand right) implements Node {}

  private static final Set<String> VERSION_VARIABLES =
      Set.of("implementation_version", "platform_release", "python_full_version", "python_version");

  private final Group tree;
  private final Group normalizedFirst;
  private final Group normalized;

  private Marker(Group tree) {
    this.tree = tree;
    this.normalizedFirst = normalizeExtras(tree, 1);
    this.normalized = normalizeExtras(tree, tree.atoms().size());
  }

  /** The tree as the profile's packaging stores it after parsing. */
  private Group treeFor(PipProfile profile) {
    if (profile.packagingAtLeast(26, 0)) {
      return normalized;
    }
    return profile.packagingAtLeast(22, 0) ? normalizedFirst : tree;
  }

  /** Parses as packaging 26 does. */
  public static Marker parse(String text) throws InvalidMarker {
    return parse(text, PipProfile.DEFAULT);
  }

  /**
   * Parses as the profile's packaging does: {@code extras} and {@code dependency_groups} need
   * 25+; quoted values are Python literals from 22 (escapes read), raw text in 21.3.
   */
  public static Marker parse(String text, PipProfile profile) throws InvalidMarker {
    return parse(text, profile, "<marker>", text, 0);
  }

  /** Parses {@code text}, found at {@code offset} of {@code line} in {@code source}. */
  public static Marker parse(String text, PipProfile profile, String source, String line, int offset)
      throws InvalidMarker {
    Objects.requireNonNull(text, "text");
    try {
      return new Marker(DependencyParser.marker(text, profile.packagingAtLeast(25, 0), profile.packagingAtLeast(22, 0)));
    } catch (SyntaxProblem p) {
      throw new InvalidMarker(p.plain + " at column " + (offset + p.end + 1),
          SourceSpan.inLine(source, line, offset + p.start, p.end - p.start + 1));
    }
  }

  static Marker of(Group tree) {
    return new Marker(tree);
  }

  /**
   * {@code Marker.evaluate(env)} of the profile's packaging.
   *
   * @throws MarkerEvaluationError where that packaging raises
   */
  public boolean evaluate(MarkerEnvironment env, PipProfile profile) {
    Objects.requireNonNull(env, "env");
    return evaluate(treeFor(profile), env, profile);
  }

  private static boolean evaluate(Group group, MarkerEnvironment env, PipProfile profile) {
    // any(all(and-run) for each or-separated run); every item is evaluated.
    boolean result = false;
    boolean run = true;
    for (int i = 0; i < group.atoms().size(); i++) {
      if (i > 0 && group.ops().get(i - 1).equals("or")) {
        result |= run;
        run = true;
      }
      Node atom = group.atoms().get(i);
      boolean value = atom instanceof Group g ? evaluate(g, env, profile) : compare((Compare) atom, env, profile);
      run &= value;
    }
    return result | run;
  }

  private static boolean compare(Compare c, MarkerEnvironment env, PipProfile profile) {
    boolean at26 = profile.packagingAtLeast(26, 0);
    boolean at22 = profile.packagingAtLeast(22, 0);
    String key;
    Object lhs;
    Object rhs;
    if (c.left().isVariable()) {
      key = c.left().text();
      lhs = lookup(key, env, profile);
      rhs = c.right().text();
    } else {
      lhs = c.left().text();
      key = c.right().text();
      rhs = lookup(key, env, profile);
    }
    if (!(lhs instanceof String)) {
      throw new MarkerEvaluationError("'" + key + "' is a set of names; write '\"name\" in " + key + "'");
    }
    String left = (String) lhs;
    if (key.equals("extra") && at22 && !at26) {
      left = Names.canonicalize(left);
      rhs = Names.canonicalize((String) rhs);
    } else if (key.equals("extras") || key.equals("dependency_groups")) {
      left = Names.canonicalize(left);
      if (rhs instanceof Set<?> set) {
        Set<String> names = new HashSet<>();
        set.forEach(n -> names.add(Names.canonicalize((String) n)));
        rhs = names;
      } else {
        rhs = Names.canonicalize((String) rhs);
      }
    }
    String op = c.op();
    if (rhs instanceof String right && (!at26 || VERSION_VARIABLES.contains(key))) {
      Optional<Specifier> spec = Specifier.parseClause(op + right, profile);
      if (spec.isPresent()) {
        return versionCompare(spec.get(), left, profile);
      }
    }
    return stringCompare(left, op, rhs, at26);
  }

  private static boolean versionCompare(Specifier spec, String left, PipProfile profile) {
    Version version = Version.tryParse(left, profile);
    if (profile.packagingAtLeast(26, 0)) {
      if (version == null || spec.operator().equals("===")) {
        return left.toLowerCase(java.util.Locale.ROOT).equals(spec.version().toLowerCase(java.util.Locale.ROOT));
      }
      return spec.matches(version, profile);
    }
    if (profile.packagingAtLeast(22, 0)) {
      if (version == null) {
        throw new MarkerEvaluationError("Invalid version: '" + left + "' (packaging " + profile.packaging()
            + " compares it with " + spec + " as a version)");
      }
      return spec.matches(version, profile);
    }
    // packaging 21.3: parse() falls back to LegacyVersion, which no version operator accepts.
    if (version == null) {
      return spec.operator().equals("===")
          && left.toLowerCase(java.util.Locale.ROOT).equals(spec.version().toLowerCase(java.util.Locale.ROOT));
    }
    if (version.isPrerelease() && !spec.prereleases(profile).orElse(false)) {
      return false;
    }
    return spec.matches(version, profile);
  }

  private static boolean stringCompare(String left, String op, Object rhs, boolean at26) {
    if (op.equals("in") || op.equals("not in")) {
      boolean in = rhs instanceof Set<?> set ? set.contains(left) : ((String) rhs).contains(left);
      return op.equals("in") == in;
    }
    if (!(rhs instanceof String right)) {
      throw new MarkerEvaluationError("Undefined " + op + " on '" + left + "' and a set");
    }
    int c = left.compareTo(right);
    switch (op) {
      case "==":
        return c == 0;
      case "!=":
        return c != 0;
      case "<":
        return !at26 && c < 0;
      case ">":
        return !at26 && c > 0;
      case "<=":
        return at26 ? c == 0 : c <= 0;
      case ">=":
        return at26 ? c == 0 : c >= 0;
      default:
        throw new MarkerEvaluationError("Undefined comparison " + op + " on '" + left + "' and '" + right
            + "': neither side is a version this operator can compare");
    }
  }

  private static Object lookup(String key, MarkerEnvironment env, PipProfile profile) {
    Set<String> set = env.setValue(key);
    if (set != null) {
      if (!profile.packagingAtLeast(25, 0)) {
        throw new MarkerEvaluationError("'" + key + "' is not a marker variable before packaging 25");
      }
      return set;
    }
    String value = env.value(key);
    if (value == null) {
      throw new MarkerEvaluationError("'" + key + "' does not exist in evaluation environment");
    }
    if (key.equals("extra") && profile.packagingAtLeast(26, 0) && !value.isEmpty()) {
      return Names.canonicalize(value);
    }
    if (key.equals("python_full_version") && value.endsWith("+") && profile.packagingAtLeast(24, 1)) {
      // Python built from an untagged checkout reports "3.13.1+", which is no version.
      return value + "local";
    }
    return value;
  }

  /**
   * packaging ≥ 22 normalizes the value compared with {@code extra} (PEP 685) at parse time:
   * 22–25 only in the first top-level comparison, 26 in every top-level one. A parenthesized
   * {@code (extra == "Foo")} keeps its text in all of them.
   */
  private static Group normalizeExtras(Group group, int count) {
    List<Node> atoms = new ArrayList<>();
    for (Node atom : group.atoms()) {
      if (atom instanceof Compare c && atoms.size() < count) {
        if (c.left().isVariable() && c.left().text().equals("extra")) {
          atom = new Compare(c.left(), c.op(), Operand.value(Names.canonicalize(c.right().text())));
        } else if (c.right().isVariable() && c.right().text().equals("extra")) {
          atom = new Compare(Operand.value(Names.canonicalize(c.left().text())), c.op(), c.right());
        }
      }
      atoms.add(atom);
    }
    return new Group(atoms, group.ops());
  }

  /** Whether the marker names a variable anywhere (e.g. {@code extra}). */
  public boolean mentions(String variable) {
    return mentions(tree, variable);
  }

  private static boolean mentions(Group group, String variable) {
    for (Node atom : group.atoms()) {
      if (atom instanceof Group g && mentions(g, variable)) {
        return true;
      }
      if (atom instanceof Compare c && (c.left().names(variable) || c.right().names(variable))) {
        return true;
      }
    }
    return false;
  }

  /** {@code str(marker)} of packaging 26. */
  @Override
  public String toString() {
    return format(normalized, true);
  }

  /** {@code str(marker)} of the profile's packaging (21.3 keeps extra values as written). */
  public String toString(PipProfile profile) {
    return format(treeFor(profile), true);
  }

  /**
   * {@code _format_marker}: a group of one nested group prints that group as if at the top (its
   * parentheses dropped); other nested groups get parentheses.
   */
  private static String format(Node node, boolean first) {
    if (node instanceof Compare c) {
      return c.left().serialize() + " " + c.op() + " " + c.right().serialize();
    }
    Group g = (Group) node;
    if (g.atoms().size() == 1) {
      return format(g.atoms().get(0), true);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < g.atoms().size(); i++) {
      if (i > 0) {
        out.append(' ').append(g.ops().get(i - 1)).append(' ');
      }
      out.append(format(g.atoms().get(i), false));
    }
    return first ? out.toString() : "(" + out + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Marker m && toString().equals(m.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
