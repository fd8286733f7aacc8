package dev.wheelwise.index;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a version was first uploaded, from a primary source (release notes, tags…), used by
 * {@code --as-of} where a file's own upload time is unknown.
 *
 * @param date the release day (UTC where the source allowed)
 * @param source where the date was read
 * @param note how exact it is, in the gatherer's words
 */
public record ReleaseDate(LocalDate date, String source, String note) {
  public ReleaseDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(note, "note");
  }
}
