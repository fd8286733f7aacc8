package dev.wheelwise.index;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of Python's {@code configparser.RawConfigParser} pip.conf uses: {@code [section]}
 * (names case-sensitive, as in configparser), {@code key = value} or {@code key: value}, whole-line
 * {@code #}/{@code ;} comments, and indented continuation lines that extend the previous value,
 * as multi-line {@code extra-index-url} needs. {@code [DEFAULT]} items apply to every section.
 * Keys are lower-cased and {@code _} becomes {@code -}, as pip normalizes them. A line
 * configparser refuses (no section header, no separator, a repeated section or key) is refused
 * here too, naming its line: pip stops on such a file.
 */
final class Ini {
  private Ini() {}

  static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    java.util.Set<String> seen = new java.util.HashSet<>();
    String lastKey = null;
    int lineNumber = 0;
    for (String line : text.split("\\R")) {
      lineNumber++;
      String stripped = line.strip();
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (stripped.isEmpty()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
        current.merge(lastKey, stripped, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        continue;
      }
      lastKey = null;
      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        String name = stripped.substring(1, stripped.length() - 1);
        if (sections.containsKey(name)) {
          throw new IllegalArgumentException("line " + lineNumber + ": section '" + name + "' already exists");
        }
        current = new LinkedHashMap<>();
        sections.put(name, current);
        continue;
      }
      if (current == null) {
        throw new IllegalArgumentException("line " + lineNumber + ": no [section] header before '" + stripped + "'");
      }
      int eq = indexOfSeparator(stripped);
      if (eq <= 0) {
        throw new IllegalArgumentException("line " + lineNumber + ": expected 'key = value', got '" + stripped + "'");
      }
      String raw = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      // configparser compares keys lower-cased only: index_url and index-url are two options to it.
      if (!seen.add(sections.size() + "\u0000" + raw)) {
        throw new IllegalArgumentException("line " + lineNumber + ": option '" + raw + "' already exists in its section");
      }
      lastKey = raw.replace('_', '-');
      current.put(lastKey, stripped.substring(eq + 1).strip());
    }
    Map<String, String> defaults = sections.remove("DEFAULT");
    if (defaults != null) {
      for (Map<String, String> section : sections.values()) {
        defaults.forEach(section::putIfAbsent);
      }
    }
    return sections;
  }

  private static int indexOfSeparator(String s) {
    int eq = s.indexOf('=');
    int colon = s.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }
}
