package dev.wheelwise.advise;

import dev.wheelwise.index.Snapshot;
import dev.wheelwise.pep440.Version;
import java.util.Map;
import java.util.Optional;

/** What the snapshot records of one project's releases, whichever source lists its files. */
final class RecordedFacts {
  private RecordedFacts() {}

  /** Whether the snapshot's facts (a project's versions, or null) vouch for every file of {@code version}. */
  static boolean complete(Map<String, Snapshot.VersionFacts> versions, Version version) {
    return factsOf(versions, version).map(Snapshot.VersionFacts::complete).orElse(false);
  }

  /** The dependencies the snapshot's facts (a project's versions, or null) record for {@code version}. */
  static Optional<FileSource.Dependencies> dependencies(Map<String, Snapshot.VersionFacts> versions, Version version) {
    return factsOf(versions, version).filter(f -> f.dependenciesFrom().isPresent())
        .map(f -> new FileSource.Dependencies(f.dependencies(), f.dependenciesFrom().get()));
  }

  private static Optional<Snapshot.VersionFacts> factsOf(Map<String, Snapshot.VersionFacts> versions, Version version) {
    if (versions == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, Snapshot.VersionFacts> e : versions.entrySet()) {
      Version v = Version.tryParse(e.getKey());
      if (v != null && v.compareTo(version) == 0) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
