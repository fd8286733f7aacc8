package dev.wheelwise.advise;

/** A predicted interval, e.g. build seconds: never a single number pretending to be exact. */
public record Range(long low, long high) {
  public Range {
    if (low < 0 || high < low) {
      throw new IllegalArgumentException("bad range " + low + ".." + high);
    }
  }

  public static final Range ZERO = new Range(0, 0);

  public Range plus(Range other) {
    return new Range(low + other.low, high + other.high);
  }
}
