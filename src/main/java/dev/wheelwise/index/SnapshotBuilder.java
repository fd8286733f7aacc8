package dev.wheelwise.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.InvalidSdistFilename;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.SdistFilename;
import dev.wheelwise.tags.WheelFilename;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link Snapshot} from folders of lockfiles (uv.lock, poetry.lock with its file
 * lists, pdm.lock, pylock.toml) and of PEP 691 project pages, plus {@code release-dates.tsv}.
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
  }

  /** One file fact as a source gave it; null fields are unknown. */
  private record Fact(String filename, String url, Long size, Instant uploadTime, String requiresPython, Map<String, String> hashes) {}

  public static Result build(List<Path> dirs) throws IOException {
    SnapshotBuilder b = new SnapshotBuilder();
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
        used = readUv(TOML.readTree(file.toFile()), label);
      } else if (name.equals("poetry.lock")) {
        used = readPoetry(TOML.readTree(file.toFile()), label);
      } else if (name.equals("pdm.lock")) {
        used = readPdm(TOML.readTree(file.toFile()), label);
      } else if (name.matches("pylock(\\.[^.]+)?\\.toml")) {
        used = readPylock(TOML.readTree(file.toFile()), label);
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

  // ---- uv.lock: [[package]] with source.registry, sdist {url, hash, size, upload-time}, wheels [...]
  private boolean readUv(JsonNode lock, String label) {
    boolean any = false;
    for (JsonNode pkg : lock.path("package")) {
      String registry = pkg.path("source").path("registry").asText(null);
      if (registry == null || !isPypi(registry)) {
        continue;
      }
      List<Fact> facts = new ArrayList<>();
      if (pkg.has("sdist")) {
        facts.add(uvFact(pkg.get("sdist")));
      }
      pkg.path("wheels").forEach(w -> facts.add(uvFact(w)));
      List<String> deps = new ArrayList<>();
      pkg.path("dependencies").forEach(d -> deps.add(requirement(d.path("name").asText(), d.path("extra"), d.path("marker").asText(null))));
      any |= add(pkg.path("name").asText(), pkg.path("version").asText(), facts, deps, label);
    }
    return any;
  }

  private static Fact uvFact(JsonNode f) {
    String url = f.path("url").asText(null);
    String filename = f.has("filename") ? f.get("filename").asText() : url == null ? null : Urls.lastSegment(url);
    return new Fact(filename, url, f.has("size") ? f.get("size").asLong() : null, instant(f.path("upload-time").asText(null)), null, hash(f.path("hash").asText(null)));
  }

  // ---- poetry.lock: [metadata.files] (lock 1.x) or per-package files (2.x); [package.source] for non-PyPI
  private boolean readPoetry(JsonNode lock, String label) {
    JsonNode metadataFiles = lock.path("metadata").path("files");
    boolean any = false;
    for (JsonNode pkg : lock.path("package")) {
      JsonNode source = pkg.path("source");
      if (!source.isMissingNode() && !(source.path("type").asText().equals("legacy") && isPypi(source.path("url").asText()))) {
        continue;
      }
      String name = pkg.path("name").asText();
      JsonNode files = pkg.has("files") ? pkg.get("files") : metadataFiles.path(name);
      if (files.isMissingNode() && metadataFiles.isObject()) {
        files = findByCanonicalName(metadataFiles, name);
      }
      List<Fact> facts = new ArrayList<>();
      files.forEach(f -> facts.add(new Fact(f.path("file").asText(null), null, null, null, null, hash(f.path("hash").asText(null)))));
      List<String> deps = new ArrayList<>();
      pkg.path("dependencies").properties().forEach(e -> {
        JsonNode spec = e.getValue();
        JsonNode first = spec.isArray() && spec.size() > 0 ? spec.get(0) : spec;
        deps.add(requirement(e.getKey(), first.path("extras"), first.path("markers").asText(null)));
      });
      any |= add(name, pkg.path("version").asText(), facts, deps, label);
    }
    return any;
  }

  private static JsonNode findByCanonicalName(JsonNode table, String name) {
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      if (Names.canonicalize(e.getKey()).equals(Names.canonicalize(name))) {
        return e.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  // ---- pdm.lock: files [{file|url, hash}], dependencies as PEP 508 strings
  private boolean readPdm(JsonNode lock, String label) {
    boolean any = false;
    for (JsonNode pkg : lock.path("package")) {
      if (pkg.has("path") || pkg.has("git") || pkg.has("editable") || (pkg.has("url") && !pkg.has("files"))) {
        continue;
      }
      List<Fact> facts = new ArrayList<>();
      for (JsonNode f : pkg.path("files")) {
        String url = f.path("url").asText(null);
        if (url != null && !url.contains("files.pythonhosted.org") && !isPypi(url)) {
          continue;
        }
        String filename = f.has("file") ? f.get("file").asText() : url == null ? null : Urls.lastSegment(url);
        facts.add(new Fact(filename, url, null, null, null, hash(f.path("hash").asText(null))));
      }
      List<String> deps = new ArrayList<>();
      pkg.path("dependencies").forEach(d -> deps.add(d.asText()));
      any |= add(pkg.path("name").asText(), pkg.path("version").asText(), facts, deps, label);
    }
    return any;
  }

  // ---- pylock.toml (PEP 751): index, sdist, wheels [{name, url, size, upload-time, hashes}]
  private boolean readPylock(JsonNode lock, String label) {
    boolean any = false;
    for (JsonNode pkg : lock.path("packages")) {
      String index = pkg.path("index").asText(null);
      if (index == null || !isPypi(index) || !pkg.has("version")) {
        continue;
      }
      List<Fact> facts = new ArrayList<>();
      if (pkg.has("sdist")) {
        facts.add(pylockFact(pkg.get("sdist")));
      }
      pkg.path("wheels").forEach(w -> facts.add(pylockFact(w)));
      List<String> deps = new ArrayList<>();
      pkg.path("dependencies").forEach(d -> deps.add(Names.canonicalize(d.path("name").asText())));
      any |= add(pkg.path("name").asText(), pkg.path("version").asText(), facts, deps, label);
    }
    return any;
  }

  private static Fact pylockFact(JsonNode f) {
    String url = f.path("url").asText(null);
    String filename = f.has("name") ? f.get("name").asText() : url == null ? null : Urls.lastSegment(url);
    Map<String, String> hashes = new TreeMap<>();
    f.path("hashes").properties().forEach(e -> hashes.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText().toLowerCase(Locale.ROOT)));
    return new Fact(filename, url, f.has("size") ? f.get("size").asLong() : null, instant(f.path("upload-time").asText(null)), null, hashes);
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
    Map<String, List<Fact>> byVersion = new LinkedHashMap<>();
    for (DistFile f : parsed.files()) {
      Optional<String> v = versionOf(f.filename());
      if (v.isEmpty()) {
        skipped.add(label + ": " + f.filename() + ": not a wheel or sdist name");
        continue;
      }
      byVersion.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(new Fact(f.filename(), f.url().orElse(null),
          f.size().isPresent() ? f.size().getAsLong() : null, f.uploadTime().orElse(null), f.requiresPython().orElse(null), f.hashes()));
    }
    boolean any = false;
    for (Map.Entry<String, List<Fact>> e : byVersion.entrySet()) {
      any |= add(parsed.name(), e.getKey(), e.getValue(), List.of(), label);
    }
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

  /** Adds one source's files for one version; returns whether anything was taken. */
  private boolean add(String project, String version, List<Fact> facts, List<String> deps, String label) {
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
    for (Fact f : facts) {
      if (f.filename() == null) {
        continue;
      }
      if (shaByName.getOrDefault(f.filename(), Set.of()).size() > 1) {
        if (reported.add(f.filename())) {
          skipped.add(label + ": " + f.filename() + " listed with " + shaByName.get(f.filename()).size() + " different sha256");
        }
        continue;
      }
      Optional<String> fileVersion = versionOf(f.filename());
      if (fileVersion.isEmpty() || !fileVersion.get().equals(v) || !nameOf(f.filename()).equals(name)) {
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
    if (any && !deps.isEmpty()) {
      VersionAcc va = projects.get(name).get(v);
      if (va.dependencies == null) {
        va.dependencies = List.copyOf(deps);
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
            va.dependencies == null ? List.of() : va.dependencies, Optional.ofNullable(va.dependenciesFrom)));
      }
      out.put(p.getKey(), versions);
    }
    String date = newest == null ? "unknown" : LocalDate.ofInstant(newest, ZoneOffset.UTC).toString();
    return new Snapshot(date, inputs, out, dates);
  }

  /** PyPI itself or a mirror of it (tuna, aliyun…), whose files are PyPI's files. */
  static boolean isPypi(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.matches("https?://(www\\.)?pypi\\.org/simple/?") || u.matches("https?://[^/]+/pypi(/web)?/simple/?")
        || u.matches("https?://pypi\\.[^/]+/simple/?") || u.startsWith("https://files.pythonhosted.org/");
  }

  private static String requirement(String name, JsonNode extras, String marker) {
    StringBuilder sb = new StringBuilder(Names.canonicalize(name));
    if (extras != null && extras.isArray() && extras.size() > 0) {
      List<String> e = new ArrayList<>();
      extras.forEach(x -> e.add(x.asText()));
      sb.append('[').append(String.join(",", e)).append(']');
    }
    if (marker != null && !marker.isBlank()) {
      sb.append(" ; ").append(marker);
    }
    return sb.toString();
  }

  private static Map<String, String> hash(String text) {
    if (text == null || !text.contains(":")) {
      return Map.of();
    }
    int colon = text.indexOf(':');
    return Map.of(text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1).toLowerCase(Locale.ROOT));
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String normalize(String version) {
    Version v = Version.tryParse(version);
    return v == null ? version : v.toString();
  }

  static Optional<String> versionOf(String filename) {
    try {
      if (filename.endsWith(".whl")) {
        return Optional.of(WheelFilename.parse(filename).version().toString());
      }
      return Optional.of(SdistFilename.parse(filename).version().toString());
    } catch (InvalidWheelFilename | InvalidSdistFilename e) {
      return Optional.empty();
    }
  }

  private static String nameOf(String filename) {
    try {
      return filename.endsWith(".whl") ? WheelFilename.parse(filename).name() : SdistFilename.parse(filename).name();
    } catch (InvalidWheelFilename | InvalidSdistFilename e) {
      return "";
    }
  }
}
