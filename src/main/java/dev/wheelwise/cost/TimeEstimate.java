package dev.wheelwise.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A compile-time range in seconds for one source build or a set of them, with its basis.
 * {@code high} is empty when some part is unknown (then {@code low} is what the known parts
 * take at least); both are empty when nothing is known.
 *
 * @param low seconds, at least
 * @param high seconds, at most
 * @param basis what the range rests on
 * @param calibratedBy the compile-times.tsv observations (line, package, seconds) behind it
 * @param notes assumptions and caveats, in words
 */
public record TimeEstimate(
    OptionalDouble low, OptionalDouble high, Basis basis, List<String> calibratedBy, List<String> notes) {

  public enum Basis {
    /** The package's own observations in compile-times.tsv, scaled by cores. */
    OWN_OBSERVATIONS,
    /** sdist size times the calibrated seconds-per-MB band. */
    SIZE_MODEL,
    /** A sum over builds with different bases. */
    MIXED,
    /** Nothing to go on: no observation and no sdist size. */
    UNKNOWN,
    /** No build at all (zero seconds). */
    NONE
  }

  public TimeEstimate {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(basis, "basis");
    calibratedBy = List.copyOf(calibratedBy);
    notes = List.copyOf(notes);
  }

  public static TimeEstimate unknown(String why) {
    return new TimeEstimate(OptionalDouble.empty(), OptionalDouble.empty(), Basis.UNKNOWN, List.of(), List.of(why));
  }

  public static TimeEstimate zero() {
    return new TimeEstimate(OptionalDouble.of(0), OptionalDouble.of(0), Basis.NONE, List.of(), List.of());
  }

  public boolean isKnown() {
    return high.isPresent();
  }

  /** Whether {@code seconds} lies inside [low, high]. */
  public boolean contains(double seconds) {
    return low.isPresent() && high.isPresent() && seconds >= low.getAsDouble() && seconds <= high.getAsDouble();
  }

  /**
   * pip builds sdists one after another, so times add up: lows add, highs add, and one unknown
   * high makes the total's high unknown (the low stays a true lower bound).
   */
  public static TimeEstimate sum(List<TimeEstimate> parts) {
    if (parts.isEmpty()) {
      return zero();
    }
    double low = 0;
    double high = 0;
    boolean highKnown = true;
    boolean anyLow = false;
    List<String> by = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Basis basis = parts.get(0).basis();
    for (TimeEstimate p : parts) {
      if (p.low.isPresent()) {
        low += p.low.getAsDouble();
        anyLow = true;
      }
      if (p.high.isPresent()) {
        high += p.high.getAsDouble();
      } else {
        highKnown = false;
      }
      for (String c : p.calibratedBy) {
        if (!by.contains(c)) {
          by.add(c);
        }
      }
      for (String n : p.notes) {
        if (!notes.contains(n)) {
          notes.add(n);
        }
      }
      if (p.basis != basis) {
        basis = Basis.MIXED;
      }
    }
    return new TimeEstimate(
        anyLow ? OptionalDouble.of(low) : OptionalDouble.empty(),
        highKnown ? OptionalDouble.of(high) : OptionalDouble.empty(),
        basis, by, notes);
  }
}
