package dev.wheelwise.lint;

import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.Element;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.dockerfile.Trivia;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline ignores as hadolint reads them ({@code src/Hadolint/Pragma.hs}): a comment
 * {@code # hadolint ignore=DL3006,DL3008} (or {@code # wheelwise ignore=…}) silences those codes
 * on the instruction right after it, whole continuation lines included;
 * {@code # hadolint global ignore=…} anywhere silences them in the whole file.
 */
final class Pragmas {
  private static final Pattern PRAGMA =
      Pattern.compile("^\\s*#\\s*(?:hadolint|wheelwise)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_\\-, \\t]+?)\\s*$");

  /** Codes silenced on lines {@code from..to}. */
  private record Scope(int from, int to, Set<String> codes) {}

  private final Set<String> global = new HashSet<>();
  private final List<Scope> scoped = new ArrayList<>();

  Pragmas(Dockerfile file) {
    Set<String> pending = new HashSet<>();
    for (Element e : file.elements()) {
      if (e instanceof Trivia t && t.kind() == Trivia.Kind.COMMENT) {
        Matcher m = PRAGMA.matcher(t.raw().strip());
        if (m.matches()) {
          Set<String> codes = codes(m.group(2));
          if (m.group(1) != null) {
            global.addAll(codes);
          } else {
            pending.addAll(codes);
          }
        }
      } else if (e instanceof Instruction i) {
        if (!pending.isEmpty()) {
          scoped.add(new Scope(i.line(), i.endLine(), Set.copyOf(pending)));
          pending.clear();
        }
      } else {
        pending.clear(); // a blank line or directive ends the comment block the pragma sits in
      }
    }
  }

  private static Set<String> codes(String list) {
    Set<String> out = new HashSet<>();
    for (String c : list.split("[,\\s]+")) {
      if (!c.isBlank()) {
        out.add(c.trim());
      }
    }
    return out;
  }

  boolean ignores(String code, int line) {
    if (global.contains(code)) {
      return true;
    }
    for (Scope s : scoped) {
      if (line >= s.from && line <= s.to && s.codes.contains(code)) {
        return true;
      }
    }
    return false;
  }
}
