package dev.wheelwise.report;

import dev.wheelwise.advise.Range;
import java.util.Optional;
import java.util.OptionalLong;

/** Human units for the terminal and Markdown: MB (10^6 bytes), seconds and minutes; unknown stays "unknown". */
final class Units {
  private Units() {}

  static String megabytes(OptionalLong bytes) {
    return bytes.isPresent() ? megabytes(bytes.getAsLong()) : "unknown";
  }

  static String megabytes(long bytes) {
    return Math.round(bytes / 1_000_000.0) + " MB";
  }

  static String seconds(Optional<Range> range) {
    if (range.isEmpty()) {
      return "unknown";
    }
    Range r = range.get();
    if (r.high() == 0) {
      return "0 s";
    }
    return r.low() == r.high() ? duration(r.low()) : duration(r.low()) + "–" + duration(r.high());
  }

  static String duration(long seconds) {
    return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
  }
}
