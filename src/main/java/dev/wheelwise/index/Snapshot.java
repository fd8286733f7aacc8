package dev.wheelwise.index;

import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Index facts carried inside wheelwise for offline use: per project, versions with the files
 * that were seen (name, size, upload time, hashes), dependencies where a lockfile recorded
 * them, and release dates. It lists only what its inputs showed, so a missing file is
 * "not seen", never "does not exist".
 *
 * @param date the newest upload time among its files (the facts are at most this fresh)
 * @param inputs the files it was built from, relative to the folders given
 * @param projects normalized name → normalized version → facts
 * @param releaseDates normalized name → version → release date
 */
public record Snapshot(
    String date,
    List<String> inputs,
    Map<String, Map<String, VersionFacts>> projects,
    Map<String, Map<String, ReleaseDate>> releaseDates) {

  public static final String SCHEMA = "wheelwise.snapshot/1";

  /**
   * @param complete true only where a source vouched that every file of the version is listed
   * @param files the files seen
   * @param dependencies dependency strings (PEP 508; from uv.lock/poetry.lock/pylock names and
   *     markers only, from pdm.lock with their version bounds)
   * @param dependenciesFrom the input the dependencies came from
   * @param sdists what a build from a live index read of each sdist, by file name (empty for
   *     lockfile and PEP 691 inputs, which carry no archives)
   */
  public record VersionFacts(boolean complete, List<DistFile> files, List<String> dependencies, Optional<String> dependenciesFrom,
      Map<String, RecordedSdist> sdists) {
    public VersionFacts {
      files = List.copyOf(files);
      dependencies = List.copyOf(dependencies);
      Objects.requireNonNull(dependenciesFrom, "dependenciesFrom");
      sdists = java.util.Collections.unmodifiableMap(new TreeMap<>(sdists));
    }

    public VersionFacts(boolean complete, List<DistFile> files, List<String> dependencies, Optional<String> dependenciesFrom) {
      this(complete, files, dependencies, dependenciesFrom, Map.of());
    }
  }

  public Snapshot {
    Objects.requireNonNull(date, "date");
    inputs = List.copyOf(inputs);
    projects = deepCopy(projects);
    releaseDates = deepCopy(releaseDates);
  }

  private static <V> Map<String, Map<String, V>> deepCopy(Map<String, Map<String, V>> in) {
    Map<String, Map<String, V>> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(v))));
    return java.util.Collections.unmodifiableMap(out);
  }

  public Source source() {
    return Source.snapshot(date);
  }

  /** The project as a page: versions in PEP 440 order, files of each version in stored order. */
  public Optional<ProjectPage> page(String canonicalName) {
    Map<String, VersionFacts> versions = projects.get(canonicalName);
    if (versions == null) {
      return Optional.empty();
    }
    List<String> ordered = new ArrayList<>(versions.keySet());
    ordered.sort(Comparator.comparing(v -> Optional.ofNullable(Version.tryParse(v)).orElse(Version.tryParse("0")), Comparator.naturalOrder()));
    List<DistFile> files = new ArrayList<>();
    ordered.forEach(v -> files.addAll(versions.get(v).files()));
    return Optional.of(new ProjectPage(canonicalName, ordered, files, List.of(source())));
  }

  public int fileCount() {
    return projects.values().stream().flatMap(m -> m.values().stream()).mapToInt(v -> v.files().size()).sum();
  }

  /** How many sdists carry a classification read from a live index. */
  public int sdistsRecorded() {
    return projects.values().stream().flatMap(m -> m.values().stream()).mapToInt(v -> v.sdists().size()).sum();
  }

  public int versionCount() {
    return projects.values().stream().mapToInt(Map::size).sum();
  }
}
