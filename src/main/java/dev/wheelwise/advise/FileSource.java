package dev.wheelwise.advise;

import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.LazySnapshot;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.Snapshot;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.resolve.MetadataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the files of a project come from when the input does not list them: the embedded
 * snapshot (offline), seen through {@code --as-of}. The snapshot lists only files that were
 * seen, so {@link #complete} says whether a release's list is vouched for.
 */
public interface FileSource {

  /** The files known for a project (every version), as the source saw them. */
  List<CandidateFile> files(String canonicalName);

  /** Whether every file of this release is known (a pin's choice is then a fact, not a sample). */
  boolean complete(String canonicalName, Version version);

  /**
   * The release's dependencies (PEP 508 strings, possibly without version bounds) and where
   * they were read, when a source recorded them; empty when unknown.
   */
  default Optional<Dependencies> dependencies(String canonicalName, Version version) {
    return Optional.empty();
  }

  /**
   * The core metadata pip reads for a release when it installs {@code chosen} from it: by
   * default the dependencies the source recorded for the release (which carry no
   * Requires-Python); a live index reads that file's own metadata.
   */
  default MetadataSource.Metadata metadata(CandidateFile chosen) {
    return dependencies(chosen.name(), chosen.version())
        .<MetadataSource.Metadata>map(d -> new MetadataSource.Known(d.requirements(), Optional.empty(), d.from()))
        .orElseGet(() -> new MetadataSource.Unknown("no metadata recorded"));
  }

  /**
   * Whether the project, which this source lists no file of, is on no index: every location
   * answered and none has it (pip: "No matching distribution found"), rather than not seen.
   */
  default boolean absent(String canonicalName) {
    return false;
  }

  /**
   * Whether a project or version this source does not list does not exist (a live index), rather
   * than was not seen (the snapshot): only then is "no version satisfies" a fact.
   */
  default boolean listsEveryFile() {
    return false;
  }

  /**
   * A hint that these projects' files will be asked for: a live index fetches their pages side by
   * side instead of one after another. Answers are unchanged.
   */
  default void prefetch(java.util.Collection<String> canonicalNames) {}

  /** As {@link #prefetch}, for the core metadata of these files. */
  default void prefetchMetadata(java.util.Collection<CandidateFile> chosen) {}

  /** Recorded dependencies of one release. */
  record Dependencies(List<String> requirements, String from) {
    public Dependencies {
      requirements = List.copyOf(requirements);
    }
  }

  /** {@code snapshot:DATE} or the index URL, for {@code source.index}. */
  String describe();

  /** The embedded snapshot, filtered to what existed on {@code asOf} when given. */
  static FileSource of(Snapshot snapshot, Optional<AsOf> asOf) {
    return new FileSource() {
      @Override
      public List<CandidateFile> files(String canonicalName) {
        Optional<ProjectPage> page = snapshot.page(canonicalName);
        if (page.isEmpty()) {
          return List.of();
        }
        ProjectPage p = asOf.map(a -> a.filter(page.get())).orElse(page.get());
        List<CandidateFile> out = new ArrayList<>();
        for (DistFile f : p.files()) {
          CandidateFile.from(canonicalName, f).ifPresent(out::add);
        }
        return out;
      }

      @Override
      public boolean complete(String canonicalName, Version version) {
        return RecordedFacts.complete(snapshot.projects().get(canonicalName), version);
      }

      @Override
      public Optional<Dependencies> dependencies(String canonicalName, Version version) {
        return RecordedFacts.dependencies(snapshot.projects().get(canonicalName), version);
      }

      @Override
      public String describe() {
        return "snapshot:" + snapshot.date();
      }
    };
  }

  /**
   * As {@link #of(Snapshot, Optional)}, but each project is read from the snapshot only when
   * first asked for (then kept): a check needs a few dozen of the snapshot's projects, and
   * reading all of them cost more than the rest of the run.
   */
  static FileSource of(LazySnapshot snapshot, Optional<AsOf> asOf) {
    Map<String, FileSource> read = new HashMap<>();
    Function<String, FileSource> project = name -> read.computeIfAbsent(name, n -> {
      // The eager snapshot is keyed by canonical names and looked up as given; so here.
      Map<String, Map<String, Snapshot.VersionFacts>> one = Names.canonicalize(n).equals(n)
          ? snapshot.versions(n).map(v -> Map.of(n, v)).orElse(Map.of())
          : Map.of();
      return of(new Snapshot(snapshot.date(), List.of(), one, Map.of()), asOf);
    });
    // a project's files are asked for once per compared image (30 of them): their names are parsed once
    Map<String, List<CandidateFile>> files = new HashMap<>();
    return new FileSource() {
      @Override
      public List<CandidateFile> files(String canonicalName) {
        return files.computeIfAbsent(canonicalName, n -> List.copyOf(project.apply(n).files(n)));
      }

      @Override
      public boolean complete(String canonicalName, Version version) {
        return project.apply(canonicalName).complete(canonicalName, version);
      }

      @Override
      public Optional<Dependencies> dependencies(String canonicalName, Version version) {
        return project.apply(canonicalName).dependencies(canonicalName, version);
      }

      @Override
      public String describe() {
        return "snapshot:" + snapshot.date();
      }
    };
  }
}
