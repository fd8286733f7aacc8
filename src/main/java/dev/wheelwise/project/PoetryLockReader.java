package dev.wheelwise.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code poetry.lock} (poetry's {@code packages/locker.py}; research §4): files in
 * {@code [metadata.files]} (lock-version 1.1 and the unversioned files before it, or
 * {@code [metadata.hashes]} in the oldest) or per package (2.0, 2.1); dependencies as Poetry
 * constraints, translated to PEP 440; {@code [package.extras]}. The install set is walked from
 * the pyproject.toml next to the lock, as Poetry does by default; without it, lock-version 2.1's
 * per-package groups and markers are used (Poetry's {@code installer.re-resolve = false}).
 */
public final class PoetryLockReader {
  // Compiled once: they run for every extras entry of every package.
  private static final java.util.regex.Pattern ENTRY_NAME = java.util.regex.Pattern.compile("^([A-Za-z0-9._-]+).*$");
  private static final java.util.regex.Pattern ENTRY_EXTRAS = java.util.regex.Pattern.compile("^[A-Za-z0-9._-]+\\s*\\[([^\\]]*)\\]");


  /** Lock versions read; files written before Poetry 1.1 have none. */
  public static final List<String> SUPPORTED_VERSIONS = List.of("1.0", "1.1", "2.0", "2.1");

  private PoetryLockReader() {}

  public static LockedSet read(Path path, Optional<RequirementSet> pyproject) throws InputParseError {
    return read(SourceFile.read(path), pyproject);
  }

  static LockedSet read(SourceFile file, Optional<RequirementSet> pyproject) throws InputParseError {
    try {
      return parse(file, pyproject);
    } catch (PoetryConstraint.Invalid e) {
      throw e.at(file);
    }
  }

  private static LockedSet parse(SourceFile file, Optional<RequirementSet> pyproject) throws InputParseError {
    JsonNode root = file.toml();
    JsonNode metadata = root.path("metadata");
    String lockVersion = SourceFile.string(metadata, "lock-version").orElse("");
    if (!lockVersion.isEmpty() && !SUPPORTED_VERSIONS.contains(lockVersion)) {
      throw file.errorAtLine(file.lineOfKey("lock-version"), "unsupported poetry.lock lock-version '" + lockVersion + "'",
          "one of the supported lock-versions " + SUPPORTED_VERSIONS + " (or none, before Poetry 1.1)");
    }
    Map<String, JsonNode> oldFiles = new LinkedHashMap<>();
    metadata.path("files").fields().forEachRemaining(e -> oldFiles.put(Names.canonicalize(e.getKey()), e.getValue()));
    Map<String, JsonNode> oldHashes = new LinkedHashMap<>();
    metadata.path("hashes").fields().forEachRemaining(e -> oldHashes.put(Names.canonicalize(e.getKey()), e.getValue()));

    List<LockedPackage> packages = new ArrayList<>();
    JsonNode list = root.path("package");
    List<Integer> tables = file.linesOfArrayTables("package");
    for (int i = 0; i < list.size(); i++) {
      packages.add(readPackage(file, list.get(i), i, file.origin(tables, i), oldFiles, oldHashes));
    }
    Optional<String> requiresPython = SourceFile.string(metadata, "python-versions")
        .map(PoetryConstraint::toPep440Joined).filter(s -> !s.isEmpty());
    // Poetry 2 re-resolves from the lock and the pyproject.toml by default (installer.re-resolve
    // = true); the per-package groups and markers of lock-version 2.1 are what it uses with
    // re-resolve off, and what is left when the pyproject.toml is not there.
    boolean perPackage = lockVersion.equals("2.1") && pyproject.isEmpty();
    RootEdges graph = RootEdges.of(pyproject);
    return new LockedSet(file.name, InputKind.POETRY_LOCK, lockVersion.isEmpty() ? "(none)" : lockVersion,
        requiresPython, List.of(), packages,
        perPackage ? LockedSet.Selection.PER_PACKAGE_MARKERS : LockedSet.Selection.GRAPH,
        graph.roots(), graph.extras(), graph.groups(), Set.of("main"), Set.of("dev"),
        perPackage || pyproject.isPresent());
  }

  private static LockedPackage readPackage(SourceFile file, JsonNode node, int index, Optional<Origin> origin,
      Map<String, JsonNode> oldFiles, Map<String, JsonNode> oldHashes) throws InputParseError {
    java.util.function.IntSupplier line = () -> origin.map(Origin::line).orElse(1);
    Optional<String> rawName = SourceFile.string(node, "name");
    Optional<String> version = SourceFile.string(node, "version");
    if (rawName.isEmpty() || version.isEmpty()) {
      throw file.errorAtLine(line.getAsInt(), "[[package]] #" + (index + 1) + " lacks " + (rawName.isEmpty() ? "a name" : "a version"),
          "name = \"…\" and version = \"…\" in every [[package]]");
    }
    String name = Names.canonicalize(rawName.get());
    List<LockedDependency> required = new ArrayList<>();
    Map<String, List<LockedDependency>> optionalByName = new LinkedHashMap<>();
    var deps = node.path("dependencies").fields();
    while (deps.hasNext()) {
      var e = deps.next();
      try {
        for (PoetryDependency d : PoetryDependency.read(e.getKey(), e.getValue())) {
          if (d.optional()) {
            optionalByName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d.edge());
          } else {
            required.add(d.edge());
          }
        }
      } catch (IllegalArgumentException ex) {
        throw file.errorAtLine(file.lineOfLiteral(e.getKey() + " ", line.getAsInt()), "package '" + name + "' dependency '"
            + e.getKey() + "': " + ex.getMessage(), "a Poetry constraint (^, ~, *, comparisons, ||)");
      }
    }
    Map<String, List<LockedDependency>> extras = new LinkedHashMap<>();
    var extraFields = node.path("extras").fields();
    while (extraFields.hasNext()) {
      var e = extraFields.next();
      List<LockedDependency> edges = new ArrayList<>();
      for (JsonNode entry : e.getValue()) {
        // "requests[socks] (>=2.0)" or a PEP 508 string: the name and extras pick the declared edge.
        String text = entry.asText().strip();
        String entryName = Names.canonicalize(ENTRY_NAME.matcher(text).replaceAll("$1"));
        Set<String> entryExtras = new LinkedHashSet<>();
        java.util.regex.Matcher m = ENTRY_EXTRAS.matcher(text);
        if (m.find()) {
          for (String x : m.group(1).split(",")) {
            if (!x.isBlank()) {
              entryExtras.add(Names.canonicalize(x.strip()));
            }
          }
        }
        List<LockedDependency> declared = optionalByName.getOrDefault(entryName,
            required.stream().filter(d -> d.name().equals(entryName)).toList());
        for (LockedDependency d : declared) {
          Set<String> all = new LinkedHashSet<>(d.extras());
          all.addAll(entryExtras);
          edges.add(d.withExtras(all));
        }
      }
      extras.put(Names.canonicalize(e.getKey()), edges);
    }
    Set<String> groups = new LinkedHashSet<>();
    node.path("groups").forEach(g -> groups.add(Names.canonicalize(g.asText())));
    SourceFile.string(node, "category").ifPresent(c -> groups.add(Names.canonicalize(c)));
    Optional<String> marker = Optional.empty();
    Map<String, String> groupMarkers = new LinkedHashMap<>();
    JsonNode markers = node.get("markers");
    if (markers != null && markers.isTextual()) {
      marker = Optional.of(markers.asText());
    } else if (markers != null && markers.isObject()) {
      markers.fields().forEachRemaining(e -> groupMarkers.put(Names.canonicalize(e.getKey()), e.getValue().asText()));
    }
    List<DistributionFile> files = new ArrayList<>();
    JsonNode fileList = node.has("files") ? node.get("files") : oldFiles.get(name);
    if (fileList != null) {
      for (JsonNode f : fileList) {
        Map<String, String> hashes = new LinkedHashMap<>();
        SourceFile.string(f, "hash").ifPresent(h -> UvLockReader.putHash(hashes, h));
        files.add(new DistributionFile(SourceFile.string(f, "file").orElse(""), SourceFile.string(f, "url"),
            java.util.OptionalLong.empty(), hashes, Optional.empty()));
      }
    }
    List<String> bareHashes = new ArrayList<>();
    JsonNode hashList = oldHashes.get(name);
    if (hashList != null) {
      hashList.forEach(h -> bareHashes.add(h.asText().contains(":") ? h.asText() : "sha256:" + h.asText()));
    }
    return new LockedPackage(name, version.get(), source(node.path("source")), marker, groupMarkers,
        pythonVersions(node), required, extras, Map.of(), groups,
        files, bareHashes, origin);
  }

  /** The package's {@code python-versions} in PEP 440 terms; unknown when Poetry's text is unreadable. */
  private static Optional<String> pythonVersions(JsonNode node) {
    try {
      return SourceFile.string(node, "python-versions").map(PoetryConstraint::toPep440Joined).filter(v -> !v.isEmpty());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static PackageSource source(JsonNode s) {
    Optional<String> type = SourceFile.string(s, "type");
    if (type.isEmpty()) {
      return PackageSource.UNSPECIFIED;
    }
    String url = SourceFile.string(s, "url").orElse("");
    return switch (type.get()) {
      case "legacy" -> new PackageSource(PackageSource.Kind.REGISTRY, url);
      case "git" -> new PackageSource(PackageSource.Kind.GIT, url
          + SourceFile.string(s, "resolved_reference").or(() -> SourceFile.string(s, "reference")).map(r -> "@" + r).orElse(""));
      case "url" -> new PackageSource(PackageSource.Kind.URL, url);
      case "file" -> new PackageSource(PackageSource.Kind.PATH, url);
      case "directory" -> new PackageSource(PackageSource.Kind.DIRECTORY, url);
      default -> new PackageSource(PackageSource.Kind.UNSPECIFIED, url);
    };
  }
}
