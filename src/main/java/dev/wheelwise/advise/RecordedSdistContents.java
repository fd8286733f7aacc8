package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import dev.wheelwise.index.RecordedSdist;
import dev.wheelwise.index.Snapshot;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sdist classifications a snapshot recorded when it was built from a live index, looked up
 * by project, version and file name: offline, an sdist read then is judged as a live check
 * would judge it (pure builds; compiled names its languages), the provenance in its evidence.
 */
public final class RecordedSdistContents implements SdistContents {
  private final Function<String, Optional<Map<String, Snapshot.VersionFacts>>> versions;

  /** @param versions a project's recorded versions by normalized name (empty when the snapshot has none) */
  public RecordedSdistContents(Function<String, Optional<Map<String, Snapshot.VersionFacts>>> versions) {
    this.versions = Objects.requireNonNull(versions, "versions");
  }

  @Override
  public Optional<SdistClass> of(CandidateFile sdist) {
    return versions.apply(sdist.name()).flatMap(byVersion -> {
      Snapshot.VersionFacts facts = byVersion.get(sdist.version().toString());
      Optional<RecordedSdist> r = Optional.ofNullable(facts).map(f -> f.sdists().get(sdist.filename()));
      if (r.isEmpty()) {
        // A version spelled otherwise than the snapshot normalized it: the file name is unique on an index.
        r = byVersion.values().stream().map(f -> f.sdists().get(sdist.filename())).filter(Objects::nonNull).findFirst();
      }
      return r.flatMap(SdistReading::fromRecord);
    });
  }
}
