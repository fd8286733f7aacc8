package dev.wheelwise.cost;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One timed row of compile-times.tsv as the compile-time model reads it: the build time of the
 * named packages as an interval, and whether the model may fit on it.
 *
 * @param file the table the row is from (compile-times.tsv, public-compile-times.tsv, a recorded file)
 * @param line the row's line in that file
 * @param label the row's package column
 * @param packages PEP 503 names built (empty when the row is not about named packages)
 * @param kind the row's kind (measured, approx, image_build_total…)
 * @param low build seconds, at least (empty: no lower end)
 * @param high build seconds, at most (empty: no upper end)
 * @param cores the observer's cores when the source states them
 * @param sdistBytes sizes the row itself gives, by package
 * @param use whether the row calibrates the model, only checks it, or is left out
 * @param why why the row has that use and interval (e.g. "total 1557 s minus wheel baseline 30 s")
 * @param source the row's URL
 */
public record Observation(
    String file,
    int line,
    String label,
    List<String> packages,
    String kind,
    OptionalDouble low,
    OptionalDouble high,
    OptionalInt cores,
    Map<String, Long> sdistBytes,
    Use use,
    String why,
    String source) {

  public enum Use {
    /** Two-sided native build time: calibrates the model and is checked leave-one-out. */
    FIT,
    /** One-sided (lower or upper bound) native build time: checked, not fitted. */
    CHECK,
    /** Emulated, CI totals, second-hand, or not about named packages. */
    EXCLUDED
  }

  public Observation {
    packages = List.copyOf(packages);
    sdistBytes = Map.copyOf(sdistBytes);
    Objects.requireNonNull(use, "use");
  }

  /** "compile-times.tsv:16 grpcio 255 s (measured)" — for a basis list. */
  public String cite() {
    return id() + " " + String.join("+", packages) + " " + interval() + " (" + kind + ")";
  }

  /** "compile-times.tsv:16": the row's file and line, unique across the tables. */
  public String id() {
    return file + ":" + line;
  }

  public String interval() {
    String lo = low.isPresent() ? fmt(low.getAsDouble()) : "?";
    String hi = high.isPresent() ? fmt(high.getAsDouble()) : "?";
    return lo.equals(hi) ? lo + " s" : lo + "–" + hi + " s";
  }

  static String fmt(double s) {
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }
}
