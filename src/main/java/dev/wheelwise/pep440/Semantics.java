package dev.wheelwise.pep440;

/**
 * The three generations of packaging's specifier code that change answers (research §1.5).
 * Each generation was checked against one packaging release: 21.3, 23.0 and 26.2.
 */
enum Semantics {
  /** packaging &lt; 22: LegacyVersion/LegacySpecifier exist, no fallback to pre-releases in sets. */
  PACKAGING_21,
  /** packaging 22–24.1: no legacy versions, stricter wildcards; checked against 23.0. */
  PACKAGING_22,
  /**
   * packaging 24.2–25.x: as 22, but {@code <V} and {@code >V} with a pre-release V admit
   * pre-releases (changelog 24.2, "Fix prerelease detection for > and <", #794; research §1.5
   * table: {@code "2.0a1" in SpecifierSet("<2.0a5")} is true in 25.0). No oracle here runs it.
   */
  PACKAGING_24_2,
  /** packaging 26+: ranges, {@code contains} accepts pre-releases unless told not to. */
  PACKAGING_26;

  static Semantics of(PipProfile profile) {
    if (profile.hasLegacyVersions()) {
      return PACKAGING_21;
    }
    if (profile.packagingAtLeast(26, 0)) {
      return PACKAGING_26;
    }
    return profile.packagingAtLeast(24, 2) ? PACKAGING_24_2 : PACKAGING_22;
  }
}
