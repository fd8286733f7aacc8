package dev.wheelwise.index;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of Python's {@code configparser} pip.conf uses: {@code [section]}, {@code key =
 * value} or {@code key: value}, {@code #}/{@code ;} comment lines, and continuation lines
 * (indented) that extend the previous value, as multi-line {@code extra-index-url} needs.
 * Keys are lower-cased and {@code _} becomes {@code -}, as pip normalizes them.
 */
final class Ini {
  private Ini() {}

  static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    String lastKey = null;
    for (String line : text.split("\\R")) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
        current.merge(lastKey, stripped, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        continue;
      }
      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        String name = stripped.substring(1, stripped.length() - 1).strip().toLowerCase(Locale.ROOT);
        current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
        lastKey = null;
        continue;
      }
      int eq = indexOfSeparator(stripped);
      if (eq > 0 && current != null) {
        lastKey = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('_', '-');
        current.put(lastKey, stripped.substring(eq + 1).strip());
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
