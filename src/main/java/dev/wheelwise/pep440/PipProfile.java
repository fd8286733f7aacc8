package dev.wheelwise.pep440;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which pip answers: its version and the {@code packaging} it vendors. Answers about versions,
 * specifiers, markers and tags changed across packaging releases (research notes §1.1, §1.5,
 * §1.6), so every standards question takes a profile. An image's pip decides its profile
 * ({@link #forPip}); the differential tests use {@link #forPackaging} for a standalone
 * packaging.
 *
 * @param pip the pip version when the profile stands for a pip, empty for packaging alone
 * @param packaging the packaging version whose semantics apply
 */
public record PipProfile(Optional<Version> pip, Version packaging) {

  /** pip 26.1+, vendoring packaging 26.2: what a current image's pip does. */
  public static final PipProfile DEFAULT = forPip(v("26.1"));

  public PipProfile {
    Objects.requireNonNull(pip, "pip");
    Objects.requireNonNull(packaging, "packaging");
  }

  /**
   * The profile of a pip release, from the packaging version it vendors (pip's
   * {@code src/pip/_vendor/vendor.txt} and NEWS.rst, summarized in research §1.1).
   */
  public static PipProfile forPip(Version pip) {
    return new PipProfile(Optional.of(pip), vendoredPackaging(pip));
  }

  /** The semantics of a standalone packaging release (an oracle, or a tool that is not pip). */
  public static PipProfile forPackaging(Version packaging) {
    return new PipProfile(Optional.empty(), packaging);
  }

  static Version vendoredPackaging(Version pip) {
    // Checked from the newest down: the first row whose pip bound holds.
    String[][] table = {
      {"26.1", "26.2"},
      {"26.0", "26.0"},
      {"25.1", "25.0"},
      {"25.0", "24.2"},
      {"24.1", "24.1"},
      {"22.0", "21.3"},
      {"21.2", "21.0"},
      {"20.3", "20.7"},
      {"19.3", "19.2"},
      {"19.0", "19.0"},
    };
    for (String[] row : table) {
      if (pip.compareTo(v(row[0])) >= 0) {
        return v(row[1]);
      }
    }
    return v("16.8");
  }

  /** True when the vendored packaging is at least {@code major.minor}. */
  public boolean packagingAtLeast(int major, int minor) {
    // Compared in place rather than against a parsed "major.minor": every marker, specifier and
    // wheel tag asks this, many times a run. Same order as Version.compareTo.
    if (packaging.epoch().signum() != 0) {
      return true;
    }
    List<BigInteger> release = packaging.release();
    int c = release.get(0).compareTo(BigInteger.valueOf(major));
    if (c == 0) {
      c = (release.size() > 1 ? release.get(1) : BigInteger.ZERO).compareTo(BigInteger.valueOf(minor));
    }
    for (int i = 2; c == 0 && i < release.size(); i++) {
      c = release.get(i).signum();
    }
    if (c != 0) {
      return c > 0;
    }
    // The same release as the final major.minor: its pre-releases and dev releases come before
    // it; post releases and local versions after.
    return packaging.pre().isEmpty() && (packaging.dev().isEmpty() || packaging.post().isPresent());
  }

  /** PEP 656 musllinux wheels: packaging 21.0, pip 21.2. */
  public boolean supportsMusllinux() {
    return packagingAtLeast(21, 0);
  }

  /** PEP 600 {@code manylinux_X_Y} wheels: packaging 20.5, pip 20.3. */
  public boolean supportsPep600() {
    return packagingAtLeast(20, 5);
  }

  /** PEP 599 manylinux2014 wheels: packaging 19.2, pip 19.3. */
  public boolean supportsManylinux2014() {
    return packagingAtLeast(19, 2);
  }

  /** LegacyVersion/LegacySpecifier exist before packaging 22.0. */
  public boolean hasLegacyVersions() {
    return !packagingAtLeast(22, 0);
  }

  @Override
  public String toString() {
    return pip.map(p -> "pip " + p + " (packaging " + packaging + ")").orElse("packaging " + packaging);
  }

  private static Version v(String text) {
    Version version = Version.tryParse(text);
    if (version == null) {
      throw new IllegalStateException("bad built-in version " + text);
    }
    return version;
  }
}
