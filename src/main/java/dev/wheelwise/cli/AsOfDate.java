package dev.wheelwise.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code --as-of DATE} value every command takes: absent, or an ISO date (exit 2 otherwise). */
final class AsOfDate {
  private AsOfDate() {}

  static Optional<LocalDate> parse(String asOf) {
    if (asOf == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(asOf));
    } catch (DateTimeParseException e) {
      throw new UsageException("--as-of: expected a date YYYY-MM-DD, e.g. 2020-01-29, got '" + asOf + "'");
    }
  }
}
