package dev.wheelwise.report;

import dev.wheelwise.advise.Range;
import java.util.Optional;

/** Human units for the terminal and Markdown: MB (10^6 bytes), seconds and minutes; unknown stays "unknown". */
final class Units {
  private Units() {}

  static String megabytes(Optional<Range> range) {
    if (range.isEmpty()) {
      return "unknown";
    }
    Range r = range.get();
    if (r.high().isEmpty()) {
      return "≥ " + megabytes(r.low());
    }
    return r.low() == r.high().getAsLong() ? megabytes(r.low())
        : Math.round(r.low() / 1_000_000.0) + "–" + megabytes(r.high().getAsLong());
  }

  static String megabytes(long bytes) {
    return Math.round(bytes / 1_000_000.0) + " MB";
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
    return r.low() == high ? duration(r.low()) : duration(r.low()) + "–" + duration(high);
  }

  static String duration(long seconds) {
    return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
  }
}
