package dev.wheelwise.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a snapshot build read of an sdist from a live index: pure Python, compiled (with the
 * languages) or unknown, the evidence, and where and when it was read. Kept as the snapshot
 * stores it (plain names, so this layer needs nothing of the cost model that made it); the
 * planner turns it back into a classification.
 *
 * @param kind {@code pure}, {@code compiled} or {@code unknown}
 * @param languages for a compiled sdist, the language names ({@code C}, {@code CXX}, {@code CYTHON}, {@code RUST}, {@code FORTRAN})
 * @param evidence what the answer rests on, as the classifier said it
 * @param index the index the archive was read from, credentials redacted
 * @param date the day the snapshot build read it
 */
public record RecordedSdist(String kind, List<String> languages, List<String> evidence, String index, LocalDate date) {

  public static final Set<String> KINDS = Set.of("pure", "compiled", "unknown");

  public RecordedSdist {
    Objects.requireNonNull(kind, "kind");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("sdist kind '" + kind + "' is not one of " + KINDS);
    }
    languages = List.copyOf(languages);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(date, "date");
  }

  /** How a snapshot build reads one sdist of a local index: download within the caps, list, classify. */
  @FunctionalInterface
  public interface Reader {
    /** The classification of {@code sdist}, read through {@code client}; never throws for a bad archive (kind unknown, with why). */
    RecordedSdist read(IndexClient client, DistFile sdist, String index, LocalDate date);
  }
}
