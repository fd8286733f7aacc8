package dev.wheelwise.resolve;

import dev.wheelwise.advise.CandidateFile;
import dev.wheelwise.advise.FileSource;
import dev.wheelwise.pep440.Version;
import java.util.List;
import java.util.Optional;

/**
 * What the resolver reads of an index: every file of a project (all versions), and per
 * release its {@code Requires-Dist} (PEP 658 metadata or a lockfile's recorded dependencies).
 * A release whose dependencies no source recorded answers empty: the resolver reports it as
 * unknown instead of assuming it has none.
 */
public interface MetadataSource {

  List<CandidateFile> files(String canonicalName);

  Optional<FileSource.Dependencies> dependencies(String canonicalName, Version version);

  /** The check's file source (the snapshot, through --as-of) as a metadata source. */
  static MetadataSource of(FileSource source) {
    return new MetadataSource() {
      @Override
      public List<CandidateFile> files(String canonicalName) {
        return source.files(canonicalName);
      }

      @Override
      public Optional<FileSource.Dependencies> dependencies(String canonicalName, Version version) {
        return source.dependencies(canonicalName, version);
      }
    };
  }
}
