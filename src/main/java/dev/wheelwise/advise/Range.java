package dev.wheelwise.advise;

import java.util.OptionalLong;

/**
 * A predicted interval (build seconds, image bytes), never a single number pretending to be
 * exact. {@code high} is empty when some part is unknown: {@code low} is then "at least".
 */
public record Range(long low, OptionalLong high) {
  public Range {
    if (low < 0 || (high.isPresent() && high.getAsLong() < low)) {
      throw new IllegalArgumentException("bad range " + low + ".." + high);
    }
  }

  public static final Range ZERO = new Range(0, OptionalLong.of(0));

  public static Range of(long low, long high) {
    return new Range(low, OptionalLong.of(high));
  }

  public static Range atLeast(long low) {
    return new Range(low, OptionalLong.empty());
  }

  /** The upper end, or {@code Long.MAX_VALUE} when unknown (for ordering: unknown sorts last). */
  public long highOrMax() {
    return high.orElse(Long.MAX_VALUE);
  }
}
