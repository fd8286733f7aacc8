package dev.wheelwise.report;

import dev.wheelwise.Megabytes;
import dev.wheelwise.advise.Range;
import java.util.List;
import java.util.Optional;

/**
 * Human units for the terminal and Markdown: MB (10^6 bytes), seconds and minutes; unknown stays
 * "unknown". A range known only in part reads as a lower bound with what is missing named
 * ({@code ≥ 4 min (kiwisolver: unknown)}), never as the estimate itself.
 */
final class Units {
  private Units() {}

  static String megabytes(Optional<Range> range, List<String> unknown) {
    return partly(megabytes(range), range, unknown);
  }

  static String seconds(Optional<Range> range, List<String> unknown) {
    return partly(seconds(range), range, unknown);
  }

  /** Names the unknown parts behind an open-ended range; a bound of zero says nothing, so: unknown. */
  private static String partly(String text, Optional<Range> range, List<String> unknown) {
    if (range.isEmpty() || range.get().high().isPresent()) {
      return text;
    }
    if (range.get().low() == 0) {
      return "unknown";
    }
    if (unknown.isEmpty()) {
      return text;
    }
    List<String> shown = unknown.stream().distinct().toList();
    String names = shown.size() <= 2 ? String.join(", ", shown)
        : String.join(", ", shown.subList(0, 2)) + " +" + (shown.size() - 2);
    return text + " (" + names + ": unknown)";
  }

  static String megabytes(Optional<Range> range) {
    if (range.isEmpty()) {
      return "unknown";
    }
    Range r = range.get();
    if (r.high().isEmpty()) {
      return "≥ " + megabytes(r.low());
    }
    return Megabytes.range(r.low(), r.high().getAsLong());
  }

  static String megabytes(long bytes) {
    return Megabytes.of(bytes);
  }

  static String seconds(Optional<Range> range) {
    if (range.isEmpty()) {
      return "unknown";
    }
    Range r = range.get();
    if (r.high().isEmpty()) {
      return "≥ " + duration(r.low());
    }
    long high = r.high().getAsLong();
    if (high == 0) {
      return "0 s";
    }
    return r.low() == high ? duration(r.low()) : durations(r.low(), high);
  }

  static String duration(long seconds) {
    return seconds < 120 ? seconds + " s" : minutes(seconds) + " min";
  }

  /**
   * A range in one unit, named once: "6–80 s", "1.5–26 min" (the high end picks the unit, so
   * both ends read alike; a low end under 10 min keeps one decimal, enough to tell 1.5 from 2).
   */
  static String durations(long low, long high) {
    if (high < 120) {
      return low + "–" + high + " s";
    }
    return minutes(low) + "–" + minutes(high) + " min";
  }

  private static String minutes(long seconds) {
    double m = seconds / 60.0;
    if (m >= 10) {
      return String.valueOf(Math.round(m));
    }
    double tenths = Math.round(m * 10) / 10.0;
    return tenths == Math.rint(tenths) ? String.valueOf((long) tenths) : String.valueOf(tenths);
  }
}
