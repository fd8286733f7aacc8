package dev.wheelwise.dockerfile;

import java.util.Map;
import java.util.Set;

/**
 * Variable expansion where BuildKit expands (FROM with the ARGs declared before it; COPY, ADD,
 * WORKDIR, ENV, ARG with the stage's ARGs and ENVs): {@code $v}, {@code ${v}}, {@code
 * ${v:-default}}, {@code ${v-default}}, {@code ${v:+alt}}, {@code ${v+alt}}, {@code ${v#glob}},
 * {@code ${v%glob}} (and their longest forms); quotes are removed
 * and the escape character escapes. A variable with no known value is recorded in {@code
 * undefined} and expands to "" as BuildKit does; callers decide whether that is a fact.
 */
final class Expander {
  private static final int MAX_DEPTH = 16;

  private Expander() {}

  static String expand(String word, Map<String, String> env, char escape, Set<String> undefined) {
    return expand(word, env, escape, undefined, 0);
  }

  private static String expand(String s, Map<String, String> env, char escape, Set<String> undefined, int depth) {
    StringBuilder out = new StringBuilder();
    int n = s.length();
    char quote = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == escape && i + 1 < n && quote != '\'') {
        out.append(s.charAt(++i));
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (c == '$' && quote != '\'' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (d == '{') {
          int close = matchingBrace(s, i + 1);
          if (close < 0) {
            out.append(s, i, n);
            break;
          }
          out.append(braced(s.substring(i + 2, close), env, escape, undefined, depth));
          i = close;
        } else if (Character.isLetter(d) || d == '_') {
          int j = i + 1;
          while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
          }
          out.append(lookup(s.substring(i + 1, j), env, undefined));
          i = j - 1;
        } else {
          out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int matchingBrace(String s, int open) {
    int depth = 0;
    for (int k = open; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static String braced(String body, Map<String, String> env, char escape, Set<String> undefined, int depth) {
    int j = 0;
    while (j < body.length() && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) {
      j++;
    }
    String name = body.substring(0, j);
    String op = body.substring(j);
    String value = env.get(name);
    if (op.isEmpty()) {
      return lookup(name, env, undefined);
    }
    String word = op.startsWith(":") ? op.substring(Math.min(2, op.length())) : op.substring(1);
    String nested = depth >= MAX_DEPTH ? word : null;
    if (op.startsWith(":-") || op.startsWith("-")) {
      boolean use = op.startsWith(":-") ? value == null || value.isEmpty() : value == null;
      return use ? (nested != null ? nested : expand(word, env, escape, undefined, depth + 1)) : value;
    }
    if (op.startsWith(":+") || op.startsWith("+")) {
      boolean use = op.startsWith(":+") ? value != null && !value.isEmpty() : value != null;
      return use ? (nested != null ? nested : expand(word, env, escape, undefined, depth + 1)) : "";
    }
    if (op.startsWith(":?") || op.startsWith("?")) {
      return lookup(name, env, undefined); // unset is a build error in BuildKit; unknown here
    }
    // (values longer than an image reference are not trimmed: glob matching is quadratic)
    if ((op.startsWith("#") || op.startsWith("%")) && value != null && nested == null && value.length() <= 1024) {
      boolean longest = op.length() > 1 && op.charAt(1) == op.charAt(0);
      String pattern = expand(op.substring(longest ? 2 : 1), env, escape, undefined, depth + 1);
      return trim(value, pattern, op.charAt(0) == '#', longest);
    }
    // ${v/a/b} and other forms: not evaluated, so the result is unknown
    undefined.add(name);
    return "";
  }

  /** {@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}}, {@code ${v%%p}} with shell globs. */
  private static String trim(String value, String pattern, boolean prefix, boolean longest) {
    int n = value.length();
    for (int k = 0; k <= n; k++) {
      int len = longest ? n - k : k;
      String part = prefix ? value.substring(0, len) : value.substring(n - len);
      if (Paths.globMatches(pattern, part)) {
        return prefix ? value.substring(len) : value.substring(0, n - len);
      }
    }
    return value;
  }

  private static String lookup(String name, Map<String, String> env, Set<String> undefined) {
    String value = env.get(name);
    if (value == null) {
      undefined.add(name);
      return "";
    }
    return value;
  }
}
