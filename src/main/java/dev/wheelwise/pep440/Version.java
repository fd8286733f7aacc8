package dev.wheelwise.pep440;

import dev.wheelwise.SourceSpan;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, normalized at parse time exactly as {@code packaging.version.Version}:
 * {@code 1.0-ALPHA_1} becomes {@code 1.0a1}, {@code 1.0-1} becomes {@code 1.0.post1}.
 *
 * <p>Numbers are {@link BigInteger}s because PEP 440 puts no bound on them and packaging
 * compares them as Python ints. Comparison goes through one precomputed key, as packaging's
 * {@code _cmpkey} does (spec: version-specifiers.rst, "Summary of permitted suffixes and
 * relative ordering").
 *
 * @param epoch the epoch, 0 when absent
 * @param release the release segment, as written (trailing zeros kept: {@code 1.0} prints as 1.0)
 * @param pre the pre-release letter ({@code a}, {@code b} or {@code rc}) and number, if any
 * @param post the post-release number, if any
 * @param dev the dev-release number, if any
 * @param local the local label's segments, lower-cased: {@code Integer}-like ones as BigInteger,
 *     the others as String
 */
public record Version(
    BigInteger epoch,
    List<BigInteger> release,
    Optional<Pre> pre,
    Optional<BigInteger> post,
    Optional<BigInteger> dev,
    List<Object> local)
    implements Comparable<Version> {

  /**
   * A pre-release: letter {@code a}, {@code b} or {@code rc}, and its number. packaging ≤ 25
   * matched letters with Unicode case folding and kept a spelling it could not map
   * ({@code 1.0prevıew1} stays {@code prevıew}); such letters are kept here too, lower-cased.
   */
  public record Pre(String letter, BigInteger number) {
    public Pre {
      if (letter.isEmpty() || !letter.equals(letter.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("pre-release letter must be a, b or rc: " + letter);
      }
      Objects.requireNonNull(number, "number");
    }

    @Override
    public String toString() {
      return letter + number;
    }
  }

  // packaging.version.VERSION_PATTERN, compiled like packaging: verbose, case-insensitive.
  // Python's \s matches Unicode white space; Python's [0-9] only ASCII digits.
  private static final String VERSION_PATTERN =
      "v?"
          + "(?:"
          + "(?:(?<epoch>[0-9]+)!)?"
          + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
          + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
          + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
          + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
          + ")"
          + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?";

  /** The bare pattern, for embedding in other grammars (specifiers, file names). */
  public static final String PATTERN = VERSION_PATTERN;

  /** The characters Python's {@code \\s} and {@code str.strip()} treat as white space, for a character class. */
  static final String PY_SPACE_CHARS = "\\s\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

  /** Python's {@code \\s}. */
  static final String PY_SPACE = "[" + PY_SPACE_CHARS + "]";

  /** packaging 26: the pattern is ASCII-only ({@code (?a:...)}), white space around is Unicode. */
  private static final Pattern FULL =
      Pattern.compile("^" + PY_SPACE + "*" + VERSION_PATTERN + PY_SPACE + "*$", Pattern.CASE_INSENSITIVE);

  /** packaging ≤ 25: case-insensitive with Unicode folding, so {@code 1.0+ı} and {@code 1.0+ſ} are versions. */
  private static final Pattern FULL_UNICODE =
      Pattern.compile(
          "^" + PY_SPACE + "*" + VERSION_PATTERN + PY_SPACE + "*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");

  private static final BigInteger ZERO = BigInteger.ZERO;

  public Version {
    Objects.requireNonNull(epoch, "epoch");
    release = List.copyOf(release);
    if (release.isEmpty()) {
      throw new IllegalArgumentException("a version needs at least one release number");
    }
    Objects.requireNonNull(pre, "pre");
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(dev, "dev");
    local = List.copyOf(local);
    for (Object segment : local) {
      if (!(segment instanceof BigInteger) && !(segment instanceof String)) {
        throw new IllegalArgumentException("local segments are numbers or strings: " + segment);
      }
    }
  }

  /** Parses and normalizes {@code text}; throws {@link InvalidVersion} naming the text. */
  public static Version parse(String text) throws InvalidVersion {
    return parse(text, "<version>");
  }

  /** As {@link #parse(String)}, naming {@code source} (a file, a requirement) in the error. */
  public static Version parse(String text, String source) throws InvalidVersion {
    Version version = tryParse(text);
    if (version == null) {
      throw new InvalidVersion("Invalid version: '" + text + "' is not a PEP 440 version",
          SourceSpan.inLine(source, text, 0, text.length()));
    }
    return version;
  }

  /** True when {@code text} is a valid PEP 440 version. */
  public static boolean isValid(String text) {
    return tryParse(text) != null;
  }

  /** The parsed version (packaging 26's grammar), or null when {@code text} is not valid. */
  public static Version tryParse(String text) {
    return tryParse(text, FULL);
  }

  /** The parsed version as the profile's packaging reads it, or null when it is not valid there. */
  public static Version tryParse(String text, PipProfile profile) {
    return tryParse(text, profile.packagingAtLeast(26, 0) ? FULL : FULL_UNICODE);
  }

  /** The widest reading (packaging ≤ 25), for text a profile's grammar has already accepted. */
  static Version tryParseAnyProfile(String text) {
    return tryParse(text, FULL_UNICODE);
  }

  private static Version tryParse(String text, Pattern grammar) {
    Version plain = plainRelease(text);
    if (plain != null) {
      return plain;
    }
    Matcher m = grammar.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigInteger epoch = m.group("epoch") == null ? ZERO : new BigInteger(m.group("epoch"));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    Optional<Pre> pre = Optional.empty();
    if (m.group("prel") != null) {
      pre = Optional.of(new Pre(preLetter(m.group("prel")), number(m.group("pren"))));
    }
    Optional<BigInteger> post = Optional.empty();
    if (m.group("postn1") != null) {
      post = Optional.of(new BigInteger(m.group("postn1")));
    } else if (m.group("postl") != null) {
      post = Optional.of(number(m.group("postn2")));
    }
    Optional<BigInteger> dev = m.group("devl") == null ? Optional.empty() : Optional.of(number(m.group("devn")));
    List<Object> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : LOCAL_SEPARATOR.split(m.group("local"))) {
        local.add(isAsciiDigits(part) ? new BigInteger(part) : part.toLowerCase(Locale.ROOT));
      }
    }
    return new Version(epoch, release, pre, post, dev, local);
  }

  /**
   * The common case without the regular expression: ASCII digits separated by single dots
   * ({@code 1.26.4}), which both grammars read as a bare release. Null for anything else,
   * which then takes the full grammar.
   */
  private static Version plainRelease(String text) {
    int n = text.length();
    if (n == 0 || n > 64) {
      return null;
    }
    List<BigInteger> release = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : '.';
      if (c == '.') {
        if (i == start) {
          return null;
        }
        release.add(i - start <= 18 ? BigInteger.valueOf(Long.parseLong(text, start, i, 10))
            : new BigInteger(text.substring(start, i)));
        start = i + 1;
      } else if (c < '0' || c > '9') {
        return null;
      }
    }
    return new Version(ZERO, release, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  private static BigInteger number(String digits) {
    return digits == null ? ZERO : new BigInteger(digits);
  }

  private static boolean isAsciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static String preLetter(String written) {
    String l = written.toLowerCase(Locale.ROOT);
    switch (l) {
      case "alpha":
        return "a";
      case "beta":
        return "b";
      case "c":
      case "pre":
      case "preview":
        return "rc";
      default:
        return l;
    }
  }

  public boolean isPrerelease() {
    return pre.isPresent() || dev.isPresent();
  }

  public boolean isPostrelease() {
    return post.isPresent();
  }

  public boolean isDevrelease() {
    return dev.isPresent();
  }

  public boolean hasLocal() {
    return !local.isEmpty();
  }

  /** The version without its local label ({@code Version.public}). */
  public Version publicVersion() {
    return local.isEmpty() ? this : new Version(epoch, release, pre, post, dev, List.of());
  }

  /** Epoch and release only ({@code Version.base_version}). */
  public Version baseVersion() {
    return new Version(epoch, release, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  /** The n-th release number (0-based), 0 past the end: major, minor, micro. */
  public BigInteger releasePart(int n) {
    return n < release.size() ? release.get(n) : ZERO;
  }

  /** The local label as written after normalization ({@code ubuntu.1}), or empty. */
  public String localLabel() {
    StringBuilder out = new StringBuilder();
    for (Object segment : local) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(segment);
    }
    return out.toString();
  }

  /** The normalized form, as {@code str(Version(...))}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (epoch.signum() != 0) {
      out.append(epoch).append('!');
    }
    for (int i = 0; i < release.size(); i++) {
      if (i > 0) {
        out.append('.');
      }
      out.append(release.get(i));
    }
    pre.ifPresent(out::append);
    post.ifPresent(p -> out.append(".post").append(p));
    dev.ifPresent(d -> out.append(".dev").append(d));
    if (!local.isEmpty()) {
      out.append('+').append(localLabel());
    }
    return out.toString();
  }

  /** Release numbers with trailing zeros removed: {@code 1.0.0} and {@code 1} compare equal. */
  private List<BigInteger> trimmedRelease() {
    int end = release.size();
    while (end > 0 && release.get(end - 1).signum() == 0) {
      end--;
    }
    return release.subList(0, end);
  }

  @Override
  public int compareTo(Version other) {
    int c = epoch.compareTo(other.epoch);
    if (c != 0) {
      return c;
    }
    c = compareNumbers(trimmedRelease(), other.trimmedRelease());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preRank(), other.preRank());
    if (c == 0 && pre.isPresent()) {
      Pre a = pre.get();
      Pre b = other.pre.get();
      c = a.letter.compareTo(b.letter); // "a" < "b" < "rc", as Python compares the strings
      if (c == 0) {
        c = a.number.compareTo(b.number);
      }
    }
    if (c != 0) {
      return c;
    }
    // post: absent sorts first
    c = compareOptional(post, other.post, -1);
    if (c != 0) {
      return c;
    }
    // dev: absent sorts last
    c = compareOptional(dev, other.dev, +1);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  /**
   * packaging's pre key: a dev-only release (no pre, no post) sorts before every pre-release
   * of the same release; no pre-release sorts after all of them.
   */
  private int preRank() {
    if (pre.isEmpty() && post.isEmpty() && dev.isPresent()) {
      return -1;
    }
    return pre.isEmpty() ? 1 : 0;
  }

  private static int compareOptional(Optional<BigInteger> a, Optional<BigInteger> b, int absent) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get());
    }
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    return a.isEmpty() ? absent : -absent;
  }

  private static int compareNumbers(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * Local labels: none sorts first; segments compare pairwise, numbers above strings, strings
   * lexically (as Python compares str), and a longer label wins a tie.
   */
  private static int compareLocal(List<Object> a, List<Object> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(!a.isEmpty(), !b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      int c;
      if (x instanceof BigInteger bx && y instanceof BigInteger by) {
        c = bx.compareTo(by);
      } else if (x instanceof BigInteger) {
        c = 1;
      } else if (y instanceof BigInteger) {
        c = -1;
      } else {
        c = compareCodePoints((String) x, (String) y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Equality as packaging defines it: by comparison key, so {@code 1.0 == 1.0.0}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, trimmedRelease(), pre, post, dev, local);
  }

  /** Sorted copy, oldest first. */
  public static List<Version> sorted(List<Version> versions) {
    List<Version> copy = new ArrayList<>(versions);
    Collections.sort(copy);
    return copy;
  }
}
