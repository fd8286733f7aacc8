package dev.wheelwise.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} as the docker CLI and BuildKit read it (moby's ignorefile.ReadAll and
 * patternmatcher): one pattern a line, {@code #} comments and blank lines skipped, surrounding
 * spaces trimmed, {@code !} an exception, a leading {@code /} dropped, each pattern cleaned as Go's
 * filepath.Clean does. Matching is Go's filepath.Match ({@code *} and {@code ?} never cross a
 * {@code /}, {@code [...]} classes, {@code \} escapes) plus {@code **} for any number of folders;
 * a pattern that matches a parent folder matches everything under it, and the last pattern that
 * matches a path decides. No Java library does this (docker-java's matcher lacks {@code **}
 * exceptions on parents), so it is written after moby's own code and tested on its cases.
 */
final class DockerIgnore {
  private record Rule(Pattern regex, boolean exception) {}

  /** Moby's suffixMatch: {@code **} first and no other wildcard is a plain suffix test. */
  private static final Pattern SUFFIX = Pattern.compile("\\*\\*[^*?\\[\\]\\\\]+");

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules of a {@code .dockerignore}'s text; fails naming the line for a lone {@code !}. */
  static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      if (exception) {
        pattern = pattern.substring(1).trim();
        if (pattern.isEmpty()) {
          throw new IllegalArgumentException("line " + (i + 1) + ": illegal exclusion pattern \"!\"");
        }
      }
      pattern = clean(pattern);
      if (pattern.length() > 1 && pattern.startsWith("/")) {
        pattern = pattern.substring(1);
      }
      if (pattern.equals(".")) {
        continue;
      }
      rules.add(new Rule(compile(pattern), exception));
    }
    return new DockerIgnore(rules);
  }

  /** Whether any rule is an exception ({@code !}): then an excluded folder may still hold included files. */
  boolean hasExceptions() {
    return rules.stream().anyMatch(Rule::exception);
  }

  /** Whether {@code path} (slash-separated, relative to the context) is left out of the context. */
  boolean excludes(String path) {
    String file = clean(path);
    String[] parents = file.split("/");
    boolean matched = false;
    for (Rule rule : rules) {
      // An exception only matters once something matched; an exclusion only while nothing has.
      if (rule.exception() != matched) {
        continue;
      }
      boolean match = rule.regex().matcher(file).matches();
      for (int i = 1; !match && i < parents.length; i++) {
        match = rule.regex().matcher(String.join("/", java.util.Arrays.copyOf(parents, i))).matches();
      }
      if (match) {
        matched = !rule.exception();
      }
    }
    return matched;
  }

  /** Go's filepath.Clean on a slash path. */
  static String clean(String path) {
    boolean rooted = path.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** The pattern as a regular expression, as moby's Pattern.compile builds it. */
  private static Pattern compile(String pattern) {
    if (SUFFIX.matcher(pattern).matches()) {
      String suffix = pattern.substring(2);
      // **/foo matches foo itself too.
      String alone = suffix.startsWith("/") ? "|" + Pattern.quote(suffix.substring(1)) : "";
      return Pattern.compile("^(?:.*" + Pattern.quote(suffix) + alone + ")$", Pattern.DOTALL);
    }
    StringBuilder regex = new StringBuilder("^");
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char ch = pattern.charAt(i);
      if (ch == '*') {
        if (i + 1 < n && pattern.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < n && pattern.charAt(i + 1) == '/') {
            i++;
          }
          regex.append(i + 1 >= n ? ".*" : "(.*/)?");
        } else {
          regex.append("[^/]*");
        }
      } else if (ch == '?') {
        regex.append("[^/]");
      } else if (ch == '\\') {
        if (i + 1 < n) {
          regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
        } else {
          regex.append("\\\\");
        }
      } else if (ch == '[' || ch == ']') {
        // Classes go into the expression as written, as moby passes them on ([^...] negates).
        regex.append(ch);
      } else if (".+()|{}$".indexOf(ch) >= 0) {
        regex.append('\\').append(ch);
      } else {
        regex.append(ch);
      }
    }
    return Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
  }
}
