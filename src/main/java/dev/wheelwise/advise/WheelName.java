package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a wheel file name the chooser sorts by (PEP 427, packaging's
 * {@code parse_wheel_filename}): project, version, build tag and the expanded tag set.
 *
 * @param name the normalized project name
 * @param version the version
 * @param build the build tag, empty when absent (sorts below any build tag)
 * @param tags every {@code interpreter-abi-platform} the compressed tag set expands to, lower-case
 */
record WheelName(String name, Version version, Optional<Build> build, List<String> tags) {

  /** A build tag: its leading number and the rest, compared as pip's {@code (int, str)} tuple. */
  record Build(BigInteger number, String rest) implements Comparable<Build> {
    @Override
    public int compareTo(Build o) {
      int c = number.compareTo(o.number);
      return c != 0 ? c : rest.compareTo(o.rest);
    }
  }

  private static final Pattern NAME = Pattern.compile("^[\\w._]+$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern BUILD = Pattern.compile("^(\\d+)(.*)$");

  /** The parts, or empty when packaging would raise {@code InvalidWheelFilename}. */
  static Optional<WheelName> parse(String filename) {
    if (!filename.endsWith(".whl")) {
      return Optional.empty();
    }
    String stem = filename.substring(0, filename.length() - 4);
    String[] parts = stem.split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      return Optional.empty();
    }
    String rawName = parts[0];
    if (!NAME.matcher(rawName).matches() || rawName.contains("__")) {
      return Optional.empty();
    }
    Version version = Version.tryParse(parts[1]);
    if (version == null) {
      return Optional.empty();
    }
    Optional<Build> build = Optional.empty();
    if (parts.length == 6) {
      Matcher m = BUILD.matcher(parts[2]);
      if (!m.matches()) {
        return Optional.empty();
      }
      build = Optional.of(new Build(new BigInteger(m.group(1)), m.group(2)));
    }
    int t = parts.length - 3;
    List<String> tags = new ArrayList<>();
    for (String interpreter : parts[t].toLowerCase(java.util.Locale.ROOT).split("\\.")) {
      for (String abi : parts[t + 1].toLowerCase(java.util.Locale.ROOT).split("\\.")) {
        for (String platform : parts[t + 2].toLowerCase(java.util.Locale.ROOT).split("\\.")) {
          tags.add(interpreter + "-" + abi + "-" + platform);
        }
      }
    }
    return Optional.of(new WheelName(Names.canonicalize(rawName), version, build, List.copyOf(tags)));
  }
}
