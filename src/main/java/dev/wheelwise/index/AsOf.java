package dev.wheelwise.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code --as-of DATE}: the files that existed at the end of DATE (UTC). A file's own upload
 * time decides when it is known. When it is not (most files before 2021 in our data), its
 * version's release date decides: a version released after DATE is left out, and a file of an
 * earlier version is counted but marked, because single wheels were sometimes uploaded months
 * after their version (kiwisolver 1.1.0's cp38 wheels). A file with neither fact is
 * {@link Status#UNKNOWN}: not counted, and reported as such, never taken for old.
 */
public final class AsOf {

  public enum Status {
    /** Uploaded by the cutoff, by its own upload time. */
    UPLOADED,
    /** Upload time unknown; its version was released by the cutoff. Counted, and marked. */
    RELEASED_BY_THEN,
    /** Uploaded (or its version released) after the cutoff. */
    AFTER,
    /** Neither upload time nor release date known: not counted. */
    UNKNOWN
  }

  /** The decision for one file and the words to show with it (empty for a plain upload time). */
  public record Dated(DistFile file, Status status, String mark) {
    public boolean counted() {
      return status == Status.UPLOADED || status == Status.RELEASED_BY_THEN;
    }
  }

  private final LocalDate cutoff;
  private final Instant endOfDay;
  private final Map<String, Map<String, ReleaseDate>> releaseDates;

  public AsOf(LocalDate cutoff, Map<String, Map<String, ReleaseDate>> releaseDates) {
    this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
    this.endOfDay = cutoff.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    this.releaseDates = Map.copyOf(releaseDates);
  }

  public LocalDate cutoff() {
    return cutoff;
  }

  /** Every file of the page with its decision, in page order. */
  public List<Dated> date(ProjectPage page) {
    List<Dated> out = new ArrayList<>();
    for (DistFile f : page.files()) {
      out.add(date(page.name(), f));
    }
    return out;
  }

  public Dated date(String canonicalName, DistFile f) {
    if (f.uploadTime().isPresent()) {
      boolean before = f.uploadTime().get().isBefore(endOfDay);
      return new Dated(f, before ? Status.UPLOADED : Status.AFTER,
          before ? "" : "uploaded " + LocalDate.ofInstant(f.uploadTime().get(), ZoneOffset.UTC) + ", after " + cutoff);
    }
    Optional<String> version = SnapshotBuilder.versionOf(canonicalName, f.filename());
    Optional<ReleaseDate> released = version.flatMap(v -> Optional.ofNullable(releaseDates.getOrDefault(canonicalName, Map.of()).get(v)));
    if (released.isEmpty()) {
      return new Dated(f, Status.UNKNOWN, "upload time unknown and no release date for " + version.orElse("this version") + ": not counted");
    }
    LocalDate d = released.get().date();
    if (d.isAfter(cutoff)) {
      return new Dated(f, Status.AFTER, "upload time unknown, version released " + d + ", after " + cutoff);
    }
    String uncertain = d.isEqual(cutoff) ? " (on the cutoff day: uncertain)" : "";
    return new Dated(f, Status.RELEASED_BY_THEN, "upload time unknown, version released " + d + uncertain);
  }

  /** The page reduced to counted files; versions with no counted file are dropped. */
  public ProjectPage filter(ProjectPage page) {
    List<DistFile> kept = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (Dated d : date(page)) {
      if (d.counted()) {
        kept.add(d.file());
        SnapshotBuilder.versionOf(page.name(), d.file().filename()).filter(v -> !versions.contains(v)).ifPresent(versions::add);
      }
    }
    return new ProjectPage(page.name(), versions, kept, page.sources());
  }
}
