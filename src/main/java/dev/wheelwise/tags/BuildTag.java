package dev.wheelwise.tags;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A wheel's optional build tag (PEP 427): leading digits and the rest, compared as packaging
 * compares its {@code (int, str)} tuple. pip prefers the higher build tag among otherwise equal
 * wheels, so {@code 2} beats {@code 1b} and {@code 1b} beats {@code 1}.
 */
public record BuildTag(BigInteger number, String suffix) implements Comparable<BuildTag> {

  public BuildTag {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(suffix, "suffix");
    if (number.signum() < 0) {
      throw new IllegalArgumentException("a build number is digits, never negative: " + number);
    }
  }

  @Override
  public int compareTo(BuildTag other) {
    int byNumber = number.compareTo(other.number);
    return byNumber != 0 ? byNumber : compareCodePoints(suffix, other.suffix);
  }

  /** Python compares strings by code point; Java's compareTo by UTF-16 unit. */
  static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  @Override
  public String toString() {
    return number + suffix;
  }
}
