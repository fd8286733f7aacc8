package dev.wheelwise.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.advise.CandidateFile;
import dev.wheelwise.advise.FileSource;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every registry release recorded by the corpus's uv.lock files whose recorded dependencies are
 * marker-free and extra-free (so pip's host markers cannot change the answer, research §2.1),
 * closed under dependencies: the real file names and the real dependency records, as one index.
 */
record LockUniverse(Map<String, Map<String, Release>> projects) implements FileSource {

  /**
   * One release: its files (real names), its dependencies as PEP 508 strings, and the
   * Requires-Python of its metadata (uv.lock records none per release, so only a case made by
   * hand has one).
   */
  record Release(String name, String version, List<String> files, List<String> requiresDist, Optional<String> requiresPython) {
    Release(String name, String version, List<String> files, List<String> requiresDist) {
      this(name, version, files, requiresDist, Optional.empty());
    }
  }

  /** A universe written out by hand (small real-shaped cases). */
  static LockUniverse of(Release... releases) {
    Map<String, Map<String, Release>> all = new TreeMap<>();
    for (Release r : releases) {
      all.computeIfAbsent(r.name(), n -> new TreeMap<>()).put(r.version(), r);
    }
    return new LockUniverse(all);
  }

  static LockUniverse read(Path uvLocks) throws IOException {
    TomlMapper toml = new TomlMapper();
    Map<String, Map<String, Release>> all = new TreeMap<>();
    Map<String, Boolean> inconsistent = new TreeMap<>();
    List<Path> locks;
    try (Stream<Path> s = Files.walk(uvLocks)) {
      locks = s.filter(p -> p.getFileName().toString().equals("uv.lock")).sorted().toList();
    }
    for (Path lock : locks) {
      JsonNode root = toml.readTree(lock.toFile());
      for (JsonNode pkg : root.path("package")) {
        if (!pkg.path("source").has("registry")) {
          continue;
        }
        String name = Names.canonicalize(pkg.path("name").asText());
        String version = pkg.path("version").asText();
        boolean markerFree = true;
        List<String> deps = new ArrayList<>();
        for (JsonNode d : pkg.path("dependencies")) {
          if (d.has("marker") || d.has("extra") || d.has("source")) {
            markerFree = false;
            break;
          }
          deps.add(d.path("name").asText() + (d.has("version") ? "==" + d.path("version").asText() : ""));
        }
        List<String> files = files(pkg);
        String key = name + "==" + version;
        if (!markerFree || files.isEmpty()) {
          inconsistent.put(key, true);
          continue;
        }
        Release r = new Release(name, version, files, deps);
        Release before = all.computeIfAbsent(name, n -> new TreeMap<>()).putIfAbsent(version, r);
        if (before != null && !before.requiresDist().stream().sorted().toList().equals(deps.stream().sorted().toList())) {
          inconsistent.put(key, true);
        }
      }
    }
    inconsistent.keySet().forEach(k -> {
      String[] nv = k.split("==", 2);
      Map<String, Release> versions = all.get(nv[0]);
      if (versions != null) {
        versions.remove(nv[1]);
      }
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map<String, Release> versions : all.values()) {
        changed |= versions.values().removeIf(r -> r.requiresDist().stream()
            .anyMatch(d -> !all.containsKey(Names.canonicalize(d.replaceAll("==.*", ""))) || all.get(Names.canonicalize(d.replaceAll("==.*", ""))).isEmpty()));
      }
      all.values().removeIf(Map::isEmpty);
    }
    return new LockUniverse(all);
  }

  /**
   * Every registry release one uv.lock records, markers and all: the files it lists, and its
   * dependencies as PEP 508 strings (extras and markers kept, versions left to the lock).
   */
  static LockUniverse ofLock(Path uvLock) throws IOException {
    Map<String, Map<String, Release>> all = new TreeMap<>();
    for (JsonNode pkg : new TomlMapper().readTree(uvLock.toFile()).path("package")) {
      if (!pkg.path("source").has("registry")) {
        continue;
      }
      String name = Names.canonicalize(pkg.path("name").asText());
      List<String> deps = new ArrayList<>();
      for (JsonNode d : pkg.path("dependencies")) {
        List<String> extras = new ArrayList<>();
        d.path("extra").forEach(e -> extras.add(e.asText()));
        deps.add(d.path("name").asText() + (extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]")
            + (d.has("marker") ? " ; " + d.path("marker").asText() : ""));
      }
      String version = pkg.path("version").asText();
      all.computeIfAbsent(name, n -> new TreeMap<>()).put(version, new Release(name, version, files(pkg), deps));
    }
    return new LockUniverse(all);
  }

  /** The file names a lock entry lists: wheels, then the sdist. */
  private static List<String> files(JsonNode pkg) {
    List<String> files = new ArrayList<>();
    for (JsonNode w : pkg.path("wheels")) {
      files.add(fileName(w));
    }
    if (pkg.has("sdist")) {
      files.add(fileName(pkg.path("sdist")));
    }
    return files;
  }

  private static String fileName(JsonNode f) {
    String url = f.has("url") ? f.path("url").asText() : f.path("filename").asText();
    return URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
  }

  /** The newest of a project's releases. */
  static Release newest(Map<String, Release> versions) {
    return versions.values().stream().max(java.util.Comparator.comparing(r -> Version.tryParse(r.version()))).orElseThrow();
  }

  int releases() {
    return projects.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public List<CandidateFile> files(String canonicalName) {
    List<CandidateFile> out = new ArrayList<>();
    projects.getOrDefault(canonicalName, Map.of()).values().forEach(r -> r.files().forEach(
        f -> out.add(CandidateFile.of(canonicalName, Version.tryParse(r.version()), f))));
    return out;
  }

  @Override
  public boolean complete(String canonicalName, Version version) {
    return true;
  }

  @Override
  public Optional<Dependencies> dependencies(String canonicalName, Version version) {
    return release(canonicalName, version).map(r -> new Dependencies(r.requiresDist(), "uv.lock"));
  }

  /** What the served metadata says, Requires-Python included. */
  @Override
  public MetadataSource.Metadata metadata(CandidateFile chosen) {
    return release(chosen.name(), chosen.version())
        .<MetadataSource.Metadata>map(r -> new MetadataSource.Known(r.requiresDist(), r.requiresPython(), "uv.lock"))
        .orElseGet(() -> new MetadataSource.Unknown("not in the universe"));
  }

  private Optional<Release> release(String canonicalName, Version version) {
    return projects.getOrDefault(canonicalName, Map.of()).values().stream()
        .filter(r -> Version.tryParse(r.version()).compareTo(version) == 0).findFirst();
  }

  /** The same universe where one release's metadata says {@code Requires-Python: spec}. */
  LockUniverse withRequiresPython(String name, String version, String spec) {
    Map<String, Map<String, Release>> all = new TreeMap<>();
    projects.forEach((n, versions) -> all.put(n, new TreeMap<>(versions)));
    Release r = all.get(name).get(version);
    all.get(name).put(version, new Release(r.name(), r.version(), r.files(), r.requiresDist(), Optional.of(spec)));
    return new LockUniverse(all);
  }

  @Override
  public String describe() {
    return "corpus uv.locks";
  }

  /**
   * Sets of four projects with several releases, each written loose, bounded below the newest
   * release, or pinned to an older one, so that older releases and skipped versions are exercised;
   * the same sets for the same seed.
   */
  List<List<String>> requirementSets(int count, long seed) {
    List<String> several = projects.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).toList();
    Random random = new Random(seed);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Set<String> names = new LinkedHashSet<>();
      while (names.size() < 4) {
        names.add(several.get(random.nextInt(several.size())));
      }
      List<String> set = new ArrayList<>();
      for (String n : names) {
        List<Version> versions = projects.get(n).keySet().stream().map(Version::tryParse).sorted().toList();
        Version newest = versions.get(versions.size() - 1);
        Version older = versions.get(random.nextInt(versions.size() - 1));
        set.add(switch (random.nextInt(3)) {
          case 0 -> n;
          case 1 -> n + "<" + newest;
          default -> n + "==" + older;
        });
      }
      out.add(set);
    }
    return out;
  }
}
