package dev.wheelwise.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string helpers packaging's specifier code runs on version text. Prefix matching
 * ({@code ==1.2.*}) and {@code ~=} work on split strings, not on parsed versions, so answers
 * depend on these exact steps; each mirrors one function of {@code specifiers.py}/{@code utils.py}.
 */
final class PyText {
  private static final Pattern SPACE = Pattern.compile(Version.PY_SPACE);
  private static final Pattern PREFIX = Pattern.compile("([0-9]+)((?:a|b|c|rc)[0-9]+)");

  private PyText() {}

  /** Python's {@code str.strip()}. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isSpace(char c) {
    return SPACE.matcher(String.valueOf(c)).matches();
  }

  /** Python's {@code str.isdigit()} for the ASCII digits version text can hold. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code utils.canonicalize_version}: the normalized form, trailing {@code .0}s of the release
   * removed when asked; text that is not a version comes back unchanged.
   */
  static String canonicalize(String text, boolean stripTrailingZero) {
    Version v = Version.tryParseAnyProfile(text);
    return v == null ? text : canonicalize(v, stripTrailingZero);
  }

  static String canonicalize(Version v, boolean stripTrailingZero) {
    String s = v.toString();
    if (!stripTrailingZero) {
      return s;
    }
    StringBuilder release = new StringBuilder();
    for (int i = 0; i < v.release().size(); i++) {
      if (i > 0) {
        release.append('.');
      }
      release.append(v.release().get(i));
    }
    String full = release.toString();
    String trimmed = full.replaceAll("(\\.0)+$", "");
    // The release sits right after the epoch: swap it in place.
    String epoch = v.epoch().signum() != 0 ? v.epoch() + "!" : "";
    return epoch + trimmed + s.substring(epoch.length() + full.length());
  }

  /** packaging ≤ 25 {@code _version_split}: split on dots, {@code 0a1} becomes {@code 0, a1}. */
  static List<String> splitOld(String version) {
    List<String> out = new ArrayList<>();
    for (String item : version.split("\\.", -1)) {
      addItem(out, item);
    }
    return out;
  }

  /** packaging 26 {@code _version_split}: the epoch first ({@code 0} when absent), then as above. */
  static List<String> split26(String version) {
    List<String> out = new ArrayList<>();
    int bang = version.lastIndexOf('!');
    String epoch = bang < 0 ? "" : version.substring(0, bang);
    out.add(epoch.isEmpty() ? "0" : epoch);
    for (String item : version.substring(bang + 1).split("\\.", -1)) {
      addItem(out, item);
    }
    return out;
  }

  private static void addItem(List<String> out, String item) {
    Matcher m = PREFIX.matcher(item);
    if (m.matches()) {
      out.add(m.group(1));
      out.add(m.group(2));
    } else {
      out.add(item);
    }
  }

  /** {@code _is_not_suffix}. */
  static boolean isNotSuffix(String segment) {
    for (String prefix : new String[] {"dev", "a", "b", "rc", "post"}) {
      if (segment.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  static int numericPrefixLength(List<String> split) {
    int n = 0;
    while (n < split.size() && isDigits(split.get(n))) {
      n++;
    }
    return n;
  }

  /** packaging 26 {@code _left_pad}: zeros inserted after the numeric prefix up to a length. */
  static List<String> leftPad(List<String> split, int targetNumeric) {
    int numeric = numericPrefixLength(split);
    if (targetNumeric <= numeric) {
      return split;
    }
    List<String> out = new ArrayList<>(split.subList(0, numeric));
    for (int i = numeric; i < targetNumeric; i++) {
      out.add("0");
    }
    out.addAll(split.subList(numeric, split.size()));
    return out;
  }

  /** packaging ≤ 25 {@code _pad_version}: both numeric prefixes padded to the longer one. */
  static List<List<String>> padBoth(List<String> left, List<String> right) {
    int ln = numericPrefixLength(left);
    int rn = numericPrefixLength(right);
    return List.of(padTo(left, ln, rn), padTo(right, rn, ln));
  }

  private static List<String> padTo(List<String> split, int numeric, int other) {
    List<String> out = new ArrayList<>(split.subList(0, numeric));
    for (int i = numeric; i < other; i++) {
      out.add("0");
    }
    out.addAll(split.subList(numeric, split.size()));
    return out;
  }

  static List<String> prefix(List<String> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }
}
