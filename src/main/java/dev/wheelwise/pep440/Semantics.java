package dev.wheelwise.pep440;

/**
 * The three generations of packaging's specifier code that change answers (research §1.5).
 * Each generation was checked against one packaging release: 21.3, 23.0 and 26.2.
 */
enum Semantics {
  /** packaging &lt; 22: LegacyVersion/LegacySpecifier exist, no fallback to pre-releases in sets. */
  PACKAGING_21,
  /** packaging 22–25: no legacy versions, stricter wildcards; checked against 23.0. */
  PACKAGING_22,
  /** packaging 26+: ranges, {@code contains} accepts pre-releases unless told not to. */
  PACKAGING_26;

  static Semantics of(PipProfile profile) {
    if (profile.hasLegacyVersions()) {
      return PACKAGING_21;
    }
    return profile.packagingAtLeast(26, 0) ? PACKAGING_26 : PACKAGING_22;
  }
}
