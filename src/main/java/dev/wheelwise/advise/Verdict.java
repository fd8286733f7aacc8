package dev.wheelwise.advise;

import java.util.Locale;

/**
 * An image's verdict ({@code wheelwise.check/1}). {@code UNKNOWN} is wheelwise's honest
 * fourth-and-a-half answer: some build's needs are not recorded, so neither "builds" nor
 * "fails" can be claimed.
 */
public enum Verdict {
  /** Every package from a wheel. */
  WHEELS,
  /** Some compile, and the image (or the Dockerfile) provides what they need. */
  BUILDS,
  /** Some compile and what they need is not known. */
  UNKNOWN,
  /** As written, the build breaks. */
  FAILS,
  /** Some package has no installable file there, or the project excludes the image's Python. */
  UNAVAILABLE;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
