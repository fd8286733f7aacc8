package dev.wheelwise.advise;

import dev.wheelwise.index.AsOf;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.index.ProjectPage;
import dev.wheelwise.index.ProjectSource;
import dev.wheelwise.index.Snapshot;
import dev.wheelwise.index.Source;
import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Package files from a live index ({@code --index-url}, usually an {@code index.FallbackSource}
 * with the snapshot behind it), asked once per project on first use. An index that answers
 * badly (5xx, a malformed page) does not stop the comparison: the project's files stay unknown
 * (so nothing is claimed for it) and {@link #errors} keeps the error for the caller to report.
 * Dependencies are the ones the snapshot recorded, as an index page carries none.
 */
public final class IndexFileSource implements FileSource {

  private final ProjectSource index;
  private final Function<String, Optional<Map<String, Snapshot.VersionFacts>>> recorded;
  private final Optional<AsOf> asOf;
  private final Map<String, Optional<ProjectPage>> pages = new HashMap<>();
  private final Map<String, Optional<Map<String, Snapshot.VersionFacts>>> facts = new HashMap<>();
  private final List<IndexError> errors = new ArrayList<>();

  /**
   * @param index where pages come from
   * @param recorded the snapshot's facts of a project (its release dependencies and, for pages
   *     the snapshot stood in for, which releases it lists completely)
   * @param asOf {@code --as-of}, applied to every page
   */
  public IndexFileSource(ProjectSource index, Function<String, Optional<Map<String, Snapshot.VersionFacts>>> recorded,
      Optional<AsOf> asOf) {
    this.index = Objects.requireNonNull(index, "index");
    this.recorded = Objects.requireNonNull(recorded, "recorded");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
  }

  private synchronized Optional<ProjectPage> page(String canonicalName) {
    Optional<ProjectPage> page = pages.get(canonicalName);
    if (page == null) {
      try {
        page = index.project(canonicalName).map(p -> asOf.map(a -> a.filter(p)).orElse(p));
      } catch (IndexError e) {
        errors.add(e);
        page = Optional.empty();
      }
      pages.put(canonicalName, page);
    }
    return page;
  }

  private synchronized Map<String, Snapshot.VersionFacts> recorded(String canonicalName) {
    return facts.computeIfAbsent(canonicalName, recorded).orElse(null);
  }

  @Override
  public List<CandidateFile> files(String canonicalName) {
    List<CandidateFile> out = new ArrayList<>();
    page(canonicalName).ifPresent(p -> {
      for (DistFile f : p.files()) {
        CandidateFile.from(canonicalName, f).ifPresent(out::add);
      }
    });
    return out;
  }

  /** An index lists every file of a project; a snapshot page only what it recorded. */
  @Override
  public boolean complete(String canonicalName, Version version) {
    Optional<ProjectPage> page = page(canonicalName);
    if (page.isEmpty()) {
      return false;
    }
    if (page.get().sources().stream().allMatch(s -> s.kind() != Source.Kind.SNAPSHOT)) {
      return true;
    }
    return RecordedFacts.complete(recorded(canonicalName), version);
  }

  @Override
  public Optional<Dependencies> dependencies(String canonicalName, Version version) {
    return RecordedFacts.dependencies(recorded(canonicalName), version);
  }

  @Override
  public String describe() {
    return index.describe();
  }

  /** The bad answers met so far, in the order met. */
  public synchronized List<IndexError> errors() {
    return List.copyOf(errors);
  }
}
