package dev.wheelwise.image;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of the Docker Official {@code python} image's tags: {@code
 * VERSION[-slim][-OS]} where VERSION is {@code 3}, {@code 3.12}, {@code 3.12.7}, {@code
 * 3.15.0rc1} or {@code 3.15-rc}, and OS a Debian codename or {@code alpine[X.Y]}.
 *
 * @param version the version text as written ({@code 3.12.7}, {@code 3.15-rc})
 * @param variant {@code full}, {@code slim} or {@code alpine}
 * @param os a Debian codename, {@code alpine} or {@code alpine3.20}; empty for the default OS
 */
record PythonTag(String version, String variant, Optional<String> os) {

  private static final Pattern TAG = Pattern.compile(
      "(?<version>\\d+(?:\\.\\d+){0,2}(?:(?:a|b|rc)\\d+)?(?:-rc)?)"
          + "(?:-(?<slim>slim))?"
          + "(?:-(?<os>alpine(?:\\d+\\.\\d+)?|[a-z]+))?");

  static Optional<PythonTag> parse(String tag) {
    Matcher m = TAG.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    String os = m.group("os");
    boolean alpine = os != null && os.startsWith("alpine");
    if (alpine && m.group("slim") != null) {
      return Optional.empty();
    }
    String variant = alpine ? "alpine" : m.group("slim") != null ? "slim" : "full";
    return Optional.of(new PythonTag(m.group("version"), variant, Optional.ofNullable(os)));
  }

  /** {@code 3.12} from {@code 3.12.7}; empty for a bare major ({@code 3}). */
  Optional<String> minor() {
    Matcher m = Pattern.compile("(\\d+\\.\\d+).*").matcher(version);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** True when the version names a patch release ({@code 3.12.7}, {@code 3.15.0rc1}). */
  boolean exactPython() {
    return version.matches("\\d+\\.\\d+\\.\\d+((a|b|rc)\\d+)?");
  }

  /** The Alpine release ({@code 3.20}) when the tag names one. */
  Optional<String> alpineRelease() {
    return os.filter(o -> o.startsWith("alpine") && o.length() > 6).map(o -> o.substring(6));
  }
}
