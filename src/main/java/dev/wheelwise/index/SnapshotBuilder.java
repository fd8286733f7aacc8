package dev.wheelwise.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.PipFilenames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link Snapshot} from folders of lockfiles (uv.lock, poetry.lock with its file
 * lists, pdm.lock, pylock.toml) and of PEP 691 project pages, plus {@code release-dates.tsv},
 * and from local PEP 503 trees, whose sdists it reads and classifies when given a
 * {@link RecordedSdist.Reader} (pure Python, compiled, unknown: the same reading a live check does).
 * Only files from PyPI or a PyPI mirror are taken. URLs are not kept: offline answers never
 * download, and the random path parts would double the snapshot's size.
 * Where sources disagree on a fact the first one read wins (inputs are read in sorted path
 * order, so the result is the same every time); a lockfile that gives one file name two
 * different hashes is not trusted for that file.
 */
public final class SnapshotBuilder {

  /** The snapshot and what was left out, with why. */
  public record Result(Snapshot snapshot, List<String> skipped) {}

  private static final TomlMapper TOML = new TomlMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, VersionAcc>> projects = new TreeMap<>();
  private final Map<String, Map<String, ReleaseDate>> dates = new TreeMap<>();
  private final List<String> inputs = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final Optional<RecordedSdist.Reader> sdistReader;
  private final LocalDate today;

  private SnapshotBuilder(Optional<RecordedSdist.Reader> sdistReader, LocalDate today) {
    this.sdistReader = sdistReader;
    this.today = today;
  }

  private static final class FileAcc {
    Long size;
    Instant uploadTime;
    String requiresPython;
    final Map<String, String> hashes = new TreeMap<>();
  }

  private static final class VersionAcc {
    final Map<String, FileAcc> files = new LinkedHashMap<>();
    boolean complete;
    List<String> dependencies;
    String dependenciesFrom;
    final Map<String, RecordedSdist> sdists = new TreeMap<>();
  }

  public static Result build(List<Path> dirs) throws IOException {
    try {
      return build(dirs, List.of());
    } catch (IndexError e) {
      throw new AssertionError("no index was read", e);
    }
  }

  /**
   * As {@link #build(List)}, plus every project of local PEP 503 trees ({@code file://} URLs or
   * plain paths, as pip and {@code check} take them), read by the same client {@code check}
   * uses. A remote index is refused: the Simple API offers no listing to walk that pip would read.
   */
  public static Result build(List<Path> dirs, List<String> indexes) throws IOException, IndexError {
    return build(dirs, indexes, Optional.empty(), LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * As {@link #build(List, List)}, and every sdist of the PEP 503 trees is read by
   * {@code sdistReader} (when given) and its classification recorded, dated {@code today}.
   */
  public static Result build(List<Path> dirs, List<String> indexes, Optional<RecordedSdist.Reader> sdistReader, LocalDate today)
      throws IOException, IndexError {
    SnapshotBuilder b = new SnapshotBuilder(sdistReader, today);
    for (String index : indexes) {
      b.readIndex(index);
    }
    for (Path dir : dirs) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String label = dir.getFileName() + "/" + dir.relativize(file).toString().replace('\\', '/');
        b.read(file, label);
      }
    }
    return new Result(b.snapshot(), b.skipped);
  }

  private void read(Path file, String label) throws IOException {
    String name = file.getFileName().toString();
    try {
      boolean used;
      if (name.equals("uv.lock")) {
        used = addAll(LockFacts.uv(TOML.readTree(file.toFile())), label);
      } else if (name.equals("poetry.lock")) {
        used = addAll(LockFacts.poetry(TOML.readTree(file.toFile())), label);
      } else if (name.equals("pdm.lock")) {
        used = addAll(LockFacts.pdm(TOML.readTree(file.toFile())), label);
      } else if (name.matches("pylock(\\.[^.]+)?\\.toml")) {
        used = addAll(LockFacts.pylock(TOML.readTree(file.toFile())), label);
      } else if (name.equals("release-dates.tsv")) {
        used = readDates(Files.readString(file, StandardCharsets.UTF_8), label);
      } else if (name.endsWith(".json")) {
        JsonNode page = JSON.readTree(file.toFile());
        used = page.has("meta") && page.has("files") && page.has("name") && readPage(page, Files.readAllBytes(file), label);
      } else {
        return;
      }
      if (used) {
        inputs.add(label);
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      skipped.add(label + ": cannot parse: " + e.getOriginalMessage());
    }
  }

  // ---- local PEP 503 trees: one folder per project, as check reads them
  private void readIndex(String index) throws IOException, IndexError {
    IndexLocation location = IndexLocation.parse(index);
    Path root = localTree(index).orElseThrow(() -> new IllegalArgumentException("not a local index folder: " + index));
    List<String> names;
    try (Stream<Path> list = Files.list(root)) {
      names = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    boolean any = false;
    try (IndexClient client = new IndexClient(new IndexSettings(index, List.of(), List.of(), false, IndexSettings.Strategy.MERGE_ALL),
        HttpSettings.defaults(Optional.empty()), Netrc.EMPTY)) {
      for (String name : names) {
        String label = location.display() + " " + name;
        Optional<ProjectPage> page = client.project(name);
        if (page.isEmpty()) {
          skipped.add(label + ": no index.html");
          continue;
        }
        any |= addPage(page.get(), label);
        // The index's page is every file it serves for the project, as pip sees it: each version is complete.
        projects.getOrDefault(page.get().name(), Map.of()).values().forEach(v -> v.complete = true);
        if (sdistReader.isPresent()) {
          classify(client, page.get(), location.display());
        }
      }
    }
    if (any) {
      inputs.add("index " + location.display());
    }
  }

  /** Reads each sdist of the page that was taken; the first classification of a file wins. */
  private void classify(IndexClient client, ProjectPage page, String index) {
    for (DistFile f : page.files()) {
      if (f.filename().endsWith(".whl")) {
        continue;
      }
      Optional<String> v = versionOf(page.name(), f.filename());
      VersionAcc acc = v.map(version -> projects.getOrDefault(page.name(), Map.of()).get(version)).orElse(null);
      if (acc == null || !acc.files.containsKey(f.filename()) || acc.sdists.containsKey(f.filename())) {
        continue;
      }
      acc.sdists.put(f.filename(), sdistReader.orElseThrow().read(client, f, index, today));
    }
  }

  /** The folder of a {@code file://} URL or plain path that exists, else empty. */
  public static Optional<Path> localTree(String index) {
    IndexLocation location = IndexLocation.parse(index);
    if (!location.url().startsWith("file:")) {
      return Optional.empty();
    }
    Path root = Path.of(java.net.URI.create(location.url()));
    return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
  }

  // ---- PEP 691 pages (index-facts): null stays unknown; yanked=false there is not a verified fact
  private boolean readPage(JsonNode page, byte[] raw, String label) {
    ProjectPage parsed;
    try {
      parsed = new SimpleJsonTranslator().translate(raw, "file:" + label, Source.snapshot("build"), false);
    } catch (IndexError e) {
      skipped.add(label + ": " + e.reason());
      return false;
    }
    boolean any = addPage(parsed, label);
    JsonNode complete = page.path("versionsComplete");
    complete.properties().forEach(e -> {
      if (e.getValue().asBoolean(false)) {
        VersionAcc acc = projects.getOrDefault(parsed.name(), Map.of()).get(normalize(e.getKey()));
        if (acc != null) {
          acc.complete = true;
        }
      }
    });
    return any;
  }

  private boolean addPage(ProjectPage parsed, String label) {
    Map<String, List<LockFacts.Fact>> byVersion = new LinkedHashMap<>();
    for (DistFile f : parsed.files()) {
      Optional<String> v = versionOf(parsed.name(), f.filename());
      if (v.isEmpty()) {
        skipped.add(label + ": " + f.filename() + ": " + PipFilenames.whyNot(parsed.name(), f.filename()).orElse(""));
        continue;
      }
      byVersion.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(new LockFacts.Fact(f.filename(), f.url().orElse(null),
          f.size().isPresent() ? f.size().getAsLong() : null, f.uploadTime().orElse(null), f.requiresPython().orElse(null), f.hashes()));
    }
    boolean any = false;
    for (Map.Entry<String, List<LockFacts.Fact>> e : byVersion.entrySet()) {
      any |= add(parsed.name(), e.getKey(), e.getValue(), Optional.empty(), label);
    }
    return any;
  }

  // ---- release-dates.tsv: project version date source note
  private boolean readDates(String text, String label) {
    boolean any = false;
    String[] lines = text.split("\\R");
    for (int i = 1; i < lines.length; i++) {
      String[] cols = lines[i].split("\t", -1);
      if (cols.length < 4 || lines[i].isBlank()) {
        continue;
      }
      try {
        dates.computeIfAbsent(Names.canonicalize(cols[0]), k -> new TreeMap<>())
            .putIfAbsent(normalize(cols[1]), new ReleaseDate(LocalDate.parse(cols[2]), cols[3], cols.length > 4 ? cols[4] : ""));
        any = true;
      } catch (DateTimeParseException e) {
        skipped.add(label + ":" + (i + 1) + ": invalid date '" + cols[2] + "'");
      }
    }
    return any;
  }

  private boolean addAll(List<LockFacts.Entry> entries, String label) {
    boolean any = false;
    for (LockFacts.Entry e : entries) {
      any |= add(e.project(), e.version(), e.files(), e.dependencies(), label);
    }
    return any;
  }

  /** Adds one source's files for one version; returns whether anything was taken. */
  private boolean add(String project, String version, List<LockFacts.Fact> facts, Optional<List<String>> deps, String label) {
    String name = Names.canonicalize(project);
    String v = normalize(version);
    // A lockfile naming one file with two hashes is wrong about it (pipenv's early pylock output).
    Map<String, Set<String>> shaByName = new HashMap<>();
    facts.forEach(f -> {
      if (f.filename() != null && f.hashes().get("sha256") != null) {
        shaByName.computeIfAbsent(f.filename(), k -> new HashSet<>()).add(f.hashes().get("sha256"));
      }
    });
    boolean any = false;
    Set<String> reported = new HashSet<>();
    for (LockFacts.Fact f : facts) {
      if (f.filename() == null) {
        continue;
      }
      if (shaByName.getOrDefault(f.filename(), Set.of()).size() > 1) {
        if (reported.add(f.filename())) {
          skipped.add(label + ": " + f.filename() + " listed with " + shaByName.get(f.filename()).size() + " different sha256");
        }
        continue;
      }
      Optional<String> fileVersion = versionOf(name, f.filename());
      if (fileVersion.isEmpty() || !fileVersion.get().equals(v)) {
        skipped.add(label + ": " + f.filename() + " is not a file of " + name + " " + v);
        continue;
      }
      FileAcc acc = projects.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(v, k -> new VersionAcc())
          .files.computeIfAbsent(f.filename(), k -> new FileAcc());
      if (acc.size == null) {
        acc.size = f.size();
      }
      if (acc.uploadTime == null) {
        acc.uploadTime = f.uploadTime();
      }
      if (acc.requiresPython == null) {
        acc.requiresPython = f.requiresPython();
      }
      f.hashes().forEach(acc.hashes::putIfAbsent);
      any = true;
    }
    if (any && deps.isPresent()) {
      VersionAcc va = projects.get(name).get(v);
      // The first record wins, except that a listed dependency beats a recorded "none".
      if (va.dependencies == null || va.dependencies.isEmpty() && !deps.get().isEmpty()) {
        va.dependencies = List.copyOf(deps.get());
        va.dependenciesFrom = label;
      }
    }
    return any;
  }

  private Snapshot snapshot() {
    Map<String, Map<String, Snapshot.VersionFacts>> out = new TreeMap<>();
    Instant newest = null;
    for (Map.Entry<String, Map<String, VersionAcc>> p : projects.entrySet()) {
      Map<String, Snapshot.VersionFacts> versions = new TreeMap<>();
      for (Map.Entry<String, VersionAcc> v : p.getValue().entrySet()) {
        List<DistFile> files = new ArrayList<>();
        for (Map.Entry<String, FileAcc> f : new TreeMap<>(v.getValue().files).entrySet()) {
          FileAcc a = f.getValue();
          files.add(new DistFile(f.getKey(), Optional.empty(), a.hashes, Optional.ofNullable(a.requiresPython),
              DistFile.CoreMetadataRef.NONE, Yanked.UNKNOWN, a.size == null ? OptionalLong.empty() : OptionalLong.of(a.size),
              Optional.ofNullable(a.uploadTime)));
          if (a.uploadTime != null && (newest == null || a.uploadTime.isAfter(newest))) {
            newest = a.uploadTime;
          }
        }
        VersionAcc va = v.getValue();
        versions.put(v.getKey(), new Snapshot.VersionFacts(va.complete, files,
            va.dependencies == null ? List.of() : va.dependencies, Optional.ofNullable(va.dependenciesFrom), va.sdists));
      }
      out.put(p.getKey(), versions);
    }
    String date = newest == null ? "unknown" : LocalDate.ofInstant(newest, ZoneOffset.UTC).toString();
    return new Snapshot(date, inputs, out, dates);
  }

  static String normalize(String version) {
    Version v = Version.tryParse(version);
    return v == null ? version : v.toString();
  }

  /**
   * The version pip reads off a file listed for {@code project} (normalized), as text; empty when
   * pip skips the name there ({@link PipFilenames}: another project's, or not a wheel or source
   * archive pip reads).
   */
  static Optional<String> versionOf(String project, String filename) {
    return PipFilenames.version(project, filename).map(Version::toString);
  }
}
