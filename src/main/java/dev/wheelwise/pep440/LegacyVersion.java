package dev.wheelwise.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * packaging 21.3's {@code LegacyVersion}: the setuptools-style ordering that
 * {@code LegacySpecifier} (a clause like {@code >=1.0+local} or {@code ==foo}) compares with.
 * Gone from packaging 22.0; kept so a pip 22–24.0 profile answers as that pip does.
 */
record LegacyVersion(List<String> key) implements Comparable<LegacyVersion> {
  // \d in a Python str pattern is any Unicode decimal digit.
  private static final Pattern COMPONENT = Pattern.compile("(\\p{Nd}+|[a-z]+|\\.|-)");
  private static final Map<String, String> REPLACEMENTS =
      Map.of("pre", "c", "preview", "c", "-", "final-", "rc", "c", "dev", "@");

  static LegacyVersion of(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : parts(text.toLowerCase(Locale.ROOT))) {
      if (part.startsWith("*")) {
        if (part.compareTo("*final") < 0) {
          while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
            parts.remove(parts.size() - 1);
          }
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
          parts.remove(parts.size() - 1);
        }
      }
      parts.add(part);
    }
    return new LegacyVersion(List.copyOf(parts));
  }

  /** {@code _parse_version_parts}: {@code re.split} with a capturing group keeps separators. */
  private static List<String> parts(String s) {
    List<String> pieces = new ArrayList<>();
    Matcher m = COMPONENT.matcher(s);
    int last = 0;
    while (m.find()) {
      pieces.add(s.substring(last, m.start()));
      pieces.add(m.group());
      last = m.end();
    }
    pieces.add(s.substring(last));
    List<String> out = new ArrayList<>();
    for (String piece : pieces) {
      String part = REPLACEMENTS.getOrDefault(piece, piece);
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (Character.isDigit(part.charAt(0)) && part.charAt(0) < 128) {
        out.add(part.length() >= 8 ? part : "0".repeat(8 - part.length()) + part);
      } else {
        out.add("*" + part);
      }
    }
    out.add("*final");
    return out;
  }

  @Override
  public int compareTo(LegacyVersion other) {
    for (int i = 0; i < Math.min(key.size(), other.key.size()); i++) {
      int c = key.get(i).compareTo(other.key.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(key.size(), other.key.size());
  }
}
