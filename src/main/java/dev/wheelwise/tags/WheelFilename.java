package dev.wheelwise.tags;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl} (PEP 427,
 * binary-distribution-format.rst), parsed exactly as {@code packaging.utils.parse_wheel_filename}
 * of the given profile parses it.
 *
 * @param name the project name, normalized (PEP 503: {@code Foo_Bar} becomes {@code foo-bar})
 * @param version the version, normalized ({@code v1.0} becomes {@code 1.0})
 * @param build the build tag, when the name has one
 * @param tags the expanded compressed tag set ({@code py2.py3-none-any} is two tags)
 * @param filename the file name as given
 */
public record WheelFilename(String name, Version version, Optional<BuildTag> build, Set<Tag> tags, String filename) {

  private static final String SOURCE = "<wheel filename>";
  // packaging: re.match(r"^[\w\d._]*$", name, re.UNICODE); Python's \w is letters, numbers and _.
  // Java's \w differs (it adds marks), so the class is spelled out by Unicode category.
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{Nd}\\p{Nl}\\p{No}_.]*");
  // packaging: re.match(r"(\d+)(.*)"); "." stops at "\n" only (UNIX_LINES), as in Python.
  private static final Pattern BUILD_ASCII = Pattern.compile("([0-9]+)(.*)", Pattern.UNIX_LINES);
  private static final Pattern BUILD_UNICODE = Pattern.compile("(\\p{Nd}+)(.*)", Pattern.UNIX_LINES);

  public WheelFilename {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(build, "build");
    tags = Set.copyOf(tags);
    Objects.requireNonNull(filename, "filename");
  }

  /** Parses with the default profile (the packaging a current pip vendors). */
  public static WheelFilename parse(String filename) throws InvalidWheelFilename {
    return parse(filename, PipProfile.DEFAULT);
  }

  /**
   * Parses as the packaging of {@code profile} does. The differences: before packaging 24.0 a
   * build number may use any Unicode decimal digits (later: ASCII only); from 26.3 an empty
   * project name and empty tag parts are rejected.
   */
  public static WheelFilename parse(String filename, PipProfile profile) throws InvalidWheelFilename {
    if (!filename.endsWith(".whl")) {
      throw error(filename, "the extension must be '.whl'", Math.max(0, filename.lastIndexOf('.')), filename.length());
    }
    String stem = filename.substring(0, filename.length() - 4);
    int dashes = countDashes(stem);
    if (dashes != 4 && dashes != 5) {
      throw error(filename, "expected 4 or 5 '-' (name-version[-build]-python-abi-platform.whl), found " + dashes,
          0, stem.length());
    }
    // Python's split("-", dashes - 2): the last part keeps its two dashes (python-abi-platform).
    String[] parts = stem.split("-", dashes - 1);
    String namePart = parts[0];
    boolean strict = profile.packagingAtLeast(26, 3);
    if (namePart.contains("__") || !NAME.matcher(withoutFinalNewline(namePart)).matches() || (strict && namePart.isEmpty())) {
      throw error(filename, "invalid project name '" + namePart + "' (letters, digits, '_' and '.', no '__')",
          0, namePart.length());
    }
    int versionAt = namePart.length() + 1;
    Version version = Version.tryParse(parts[1]);
    if (version == null) {
      throw error(filename, "invalid version '" + parts[1] + "' (not PEP 440)", versionAt, parts[1].length());
    }
    Optional<BuildTag> build = Optional.empty();
    if (dashes == 5) {
      String buildPart = parts[2];
      Pattern buildPattern = profile.packagingAtLeast(24, 0) ? BUILD_ASCII : BUILD_UNICODE;
      Matcher m = buildPattern.matcher(buildPart);
      if (!m.lookingAt()) {
        throw error(filename, "invalid build tag '" + buildPart + "' (must start with a digit)",
            versionAt + parts[1].length() + 1, buildPart.length());
      }
      build = Optional.of(new BuildTag(new BigInteger(m.group(1)), m.group(2)));
    }
    String tagPart = parts[parts.length - 1];
    if (strict && hasEmptyTagPart(tagPart)) {
      throw error(filename, "empty part in the tag set '" + tagPart + "'", stem.length() - tagPart.length(), tagPart.length());
    }
    return new WheelFilename(Names.canonicalize(namePart), version, build, Tag.parseSet(tagPart), filename);
  }

  /** True when {@code filename} parses under the default profile. */
  public static boolean isValid(String filename) {
    try {
      parse(filename);
      return true;
    } catch (InvalidWheelFilename e) {
      return false;
    }
  }

  private static boolean hasEmptyTagPart(String tagPart) {
    for (String component : tagPart.split("-", -1)) {
      for (String piece : component.split("\\.", -1)) {
        if (piece.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private static int countDashes(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '-') {
        n++;
      }
    }
    return n;
  }

  private static InvalidWheelFilename error(String filename, String what, int offset, int length) {
    return new InvalidWheelFilename("invalid wheel file name '" + filename + "': " + what,
        SourceSpan.inLine(SOURCE, filename, offset, length));
  }

  @Override
  public String toString() {
    return filename;
  }

  /**
   * packaging checks the name with {@code re.match(r"^[\w\d._]*$", …)}, and Python's {@code $}
   * also matches before a final newline: "foo\n-1.0-py3-none-any.whl" is a wheel of "foo\n" there.
   */
  private static String withoutFinalNewline(String namePart) {
    return namePart.endsWith("\n") ? namePart.substring(0, namePart.length() - 1) : namePart;
  }
}
