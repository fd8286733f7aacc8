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
 * Reads {@code pdm.lock} ({@code lock_version} 2 to 4.5): packages with PEP 508 dependency
 * strings, files per package (4.x) or in {@code [metadata.files]} (older), and entries for
 * {@code name[extra]} that carry the extra's dependencies. With the {@code inherit_metadata}
 * strategy every package says its groups and marker, which is how {@code pdm sync} selects;
 * otherwise the graph is walked from the pyproject.toml next to the lock.
 */
public final class PdmLockReader {

  /** Majors of {@code lock_version} read; 4.x up to this minor. */
  public static final String SUPPORTED = "2, 3.x, 4.0 to 4.5.x";

  private PdmLockReader() {}

  public static LockedSet read(Path path, Optional<RequirementSet> pyproject) throws InputParseError {
    return read(SourceFile.read(path), pyproject);
  }

  static LockedSet read(SourceFile file, Optional<RequirementSet> pyproject) throws InputParseError {
    JsonNode root = file.toml();
    JsonNode metadata = root.path("metadata");
    Optional<String> version = SourceFile.string(metadata, "lock_version");
    if (version.isEmpty()) {
      throw file.errorAtLine(file.lineOfTable("metadata"), "pdm.lock has no metadata.lock_version",
          "lock_version = \"…\" in [metadata] (supported: " + SUPPORTED + ")");
    }
    if (!supported(version.get())) {
      throw file.errorAtLine(file.lineOfKey("lock_version"), "unsupported pdm lock_version '" + version.get() + "'",
          "lock_version " + SUPPORTED);
    }
    Set<String> strategy = new LinkedHashSet<>();
    metadata.path("strategy").forEach(s -> strategy.add(s.asText()));
    boolean perPackage = strategy.contains("inherit_metadata");

    Map<String, List<DistributionFile>> oldFiles = new LinkedHashMap<>();
    metadata.path("files").fields().forEachRemaining(e -> {
      List<DistributionFile> files = new ArrayList<>();
      e.getValue().forEach(f -> files.add(file(f)));
      oldFiles.put(e.getKey(), files);
    });

    Map<String, LockedPackage> byNameVersion = new LinkedHashMap<>();
    Map<String, Map<String, List<LockedDependency>>> extraEdges = new LinkedHashMap<>();
    JsonNode list = root.path("package");
    List<Integer> tables = file.linesOfArrayTables("package");
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      Optional<Origin> origin = file.origin(tables, i);
      java.util.function.IntSupplier line = () -> origin.map(Origin::line).orElse(1);
      Optional<String> rawName = SourceFile.string(node, "name");
      if (rawName.isEmpty()) {
        throw file.errorAtLine(line.getAsInt(), "[[package]] #" + (i + 1) + " has no name", "name = \"…\" in every [[package]]");
      }
      String name = Names.canonicalize(rawName.get());
      String ver = SourceFile.string(node, "version").orElse("");
      List<LockedDependency> deps = new ArrayList<>();
      for (JsonNode d : node.path("dependencies")) {
        LockedDependency edge = Edges.fromPep508(file, d.asText(), () -> file.lineOfLiteral(d.asText(), line.getAsInt()));
        if (!edge.name().equals(name)) {
          deps.add(edge);
        }
      }
      Set<String> extras = new LinkedHashSet<>();
      node.path("extras").forEach(x -> extras.add(Names.canonicalize(x.asText())));
      String key = name + "==" + ver;
      if (!extras.isEmpty()) {
        for (String extra : extras) {
          extraEdges.computeIfAbsent(key, k -> new LinkedHashMap<>())
              .computeIfAbsent(extra, k -> new ArrayList<>()).addAll(deps);
        }
        continue;
      }
      Set<String> groups = new LinkedHashSet<>();
      node.path("groups").forEach(g -> groups.add(Names.canonicalize(g.asText())));
      node.path("sections").forEach(g -> groups.add(Names.canonicalize(g.asText())));
      List<DistributionFile> files = new ArrayList<>();
      node.path("files").forEach(f -> files.add(file(f)));
      files.addAll(oldFiles.getOrDefault(rawName.get() + " " + ver, oldFiles.getOrDefault(name + " " + ver, List.of())));
      byNameVersion.put(key, new LockedPackage(name, ver, source(node), SourceFile.string(node, "marker"), Map.of(),
          SourceFile.string(node, "requires_python"), deps, Map.of(), Map.of(), groups, files, List.of(), origin));
    }
    List<LockedPackage> packages = new ArrayList<>();
    for (var e : byNameVersion.entrySet()) {
      LockedPackage p = e.getValue();
      Map<String, List<LockedDependency>> optional = extraEdges.getOrDefault(e.getKey(), Map.of());
      packages.add(optional.isEmpty() ? p : new LockedPackage(p.name(), p.version(), p.source(), p.marker(), Map.of(),
          p.requiresPython(), p.dependencies(), optional, Map.of(), p.groups(), p.files(), p.hashes(), p.origin()));
    }

    Optional<String> requiresPython = SourceFile.string(metadata, "requires_python");
    JsonNode targets = metadata.path("targets");
    if (requiresPython.isEmpty() && targets.size() == 1) {
      requiresPython = SourceFile.string(targets.get(0), "requires_python");
    }
    RootEdges graph = RootEdges.of(pyproject);
    if (requiresPython.isEmpty() && pyproject.isPresent()) {
      requiresPython = pyproject.get().requiresPython();
    }
    return new LockedSet(file.name, InputKind.PDM_LOCK, version.get(), requiresPython, List.of(), packages,
        perPackage ? LockedSet.Selection.PER_PACKAGE_MARKERS : LockedSet.Selection.GRAPH,
        graph.roots(), graph.extras(), graph.groups(), Set.of("default"), Set.of("dev"),
        perPackage || pyproject.isPresent());
  }

  private static boolean supported(String version) {
    String[] parts = version.split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major == 2 || major == 3 || (major == 4 && minor <= 5);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static PackageSource source(JsonNode node) {
    if (node.has("git")) {
      return new PackageSource(PackageSource.Kind.GIT, node.get("git").asText()
          + SourceFile.string(node, "revision").map(r -> "@" + r).orElse(""));
    }
    if (node.has("path")) {
      return new PackageSource(node.path("editable").asBoolean(false) ? PackageSource.Kind.EDITABLE
          : PackageSource.Kind.DIRECTORY, node.get("path").asText());
    }
    if (node.has("url")) {
      return new PackageSource(PackageSource.Kind.URL, node.get("url").asText());
    }
    return PackageSource.UNSPECIFIED;
  }

  private static DistributionFile file(JsonNode f) {
    Optional<String> url = SourceFile.string(f, "url");
    String name = SourceFile.string(f, "file").orElseGet(() -> url.map(UvLockReader::lastSegment).orElse(""));
    Map<String, String> hashes = new LinkedHashMap<>();
    SourceFile.string(f, "hash").ifPresent(h -> UvLockReader.putHash(hashes, h));
    return new DistributionFile(name, url, java.util.OptionalLong.empty(), hashes, Optional.empty());
  }
}
