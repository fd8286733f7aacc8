package dev.wheelwise.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code uv.lock} (uv's {@code crates/uv-resolver/src/lock}; research §3.2): version 1,
 * any revision. Every source kind, per-edge {@code version}/{@code source} for names locked
 * more than once, per-package {@code resolution-markers} (kept as the package's marker),
 * optional and dev dependencies, files with size, hash and upload time.
 *
 * <p>Roots are what {@code uv sync} installs: the project at the workspace root ({@code source =
 * {editable|virtual|directory = "."}}); when the root is not a project, every workspace member
 * ({@code [manifest] members}) and the root's {@code [manifest] requirements}.
 */
public final class UvLockReader {

  /** uv reads version 1 files and warns about newer revisions; version 2 does not exist yet. */
  public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);

  private UvLockReader() {}

  public static LockedSet read(Path path) throws InputParseError {
    return read(SourceFile.read(path));
  }

  static LockedSet read(SourceFile file) throws InputParseError {
    JsonNode root = file.toml();
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw file.errorAtLine(file.lineOfKey("version"), "uv.lock has no integer 'version'",
          "version = 1 at the top of the file (supported uv.lock versions: " + SUPPORTED_VERSIONS + ")");
    }
    if (!SUPPORTED_VERSIONS.contains(version.asInt())) {
      throw file.errorAtLine(file.lineOfKey("version"), "unsupported uv.lock version " + version.asText(),
          "one of the supported uv.lock versions " + SUPPORTED_VERSIONS + " (any revision)");
    }
    String lockVersion = version.asText() + (root.has("revision") ? "." + root.get("revision").asText() : "");

    List<LockedPackage> packages = new ArrayList<>();
    JsonNode list = root.path("package");
    List<Integer> tables = file.linesOfArrayTables("package");
    for (int i = 0; i < list.size(); i++) {
      packages.add(readPackage(file, list.get(i), i, file.origin(tables, i)));
    }

    List<String> environments = new ArrayList<>();
    root.path("supported-markers").forEach(m -> environments.add(m.asText()));

    List<LockedDependency> roots = new ArrayList<>();
    Map<String, List<LockedDependency>> rootExtras = new LinkedHashMap<>();
    Map<String, List<LockedDependency>> rootGroups = new LinkedHashMap<>();
    for (LockedPackage project : rootProjects(root, packages)) {
      LockedDependency edge = new LockedDependency(project.name(), Optional.of(project.version()), Optional.empty(),
          Optional.of(project.source().toString()), Optional.empty(), Set.of());
      roots.add(edge);
      for (String extra : project.optionalDependencies().keySet()) {
        rootExtras.computeIfAbsent(extra, k -> new ArrayList<>()).add(edge.withExtras(Set.of(extra)));
      }
      project.groupDependencies().forEach((group, edges) ->
          rootGroups.computeIfAbsent(group, k -> new ArrayList<>()).addAll(edges));
    }
    JsonNode manifest = root.path("manifest");
    for (JsonNode req : manifest.path("requirements")) {
      roots.add(manifestEdge(req));
    }
    manifest.path("dependency-groups").fields().forEachRemaining(group -> {
      for (JsonNode req : group.getValue()) {
        rootGroups.computeIfAbsent(Names.canonicalize(group.getKey()), k -> new ArrayList<>()).add(manifestEdge(req));
      }
    });

    return new LockedSet(file.name, InputKind.UV_LOCK, lockVersion, SourceFile.string(root, "requires-python"),
        environments, packages, LockedSet.Selection.GRAPH, roots, rootExtras, rootGroups, Set.of(), Set.of("dev"),
        true);
  }

  private static List<LockedPackage> rootProjects(JsonNode root, List<LockedPackage> packages) {
    List<LockedPackage> atRoot = packages.stream()
        .filter(p -> p.source().isLocalProject() && p.source().location().equals(".")).toList();
    if (!atRoot.isEmpty()) {
      return atRoot;
    }
    Set<String> members = new LinkedHashSet<>();
    root.path("manifest").path("members").forEach(m -> members.add(Names.canonicalize(m.asText())));
    if (!members.isEmpty()) {
      return packages.stream().filter(p -> members.contains(p.name()) && p.source().isLocalProject()).toList();
    }
    // A lock of a single project whose path is not "." (uv run from another folder): the local
    // projects nothing else depends on.
    Set<String> depended = new LinkedHashSet<>();
    for (LockedPackage p : packages) {
      p.dependencies().forEach(d -> depended.add(d.name()));
      p.optionalDependencies().values().forEach(ds -> ds.forEach(d -> depended.add(d.name())));
      p.groupDependencies().values().forEach(ds -> ds.forEach(d -> depended.add(d.name())));
    }
    return packages.stream().filter(p -> p.source().isLocalProject() && !depended.contains(p.name())).toList();
  }

  private static LockedDependency manifestEdge(JsonNode req) {
    return new LockedDependency(Names.canonicalize(req.path("name").asText()), Optional.empty(),
        SourceFile.string(req, "specifier").filter(s -> !s.isEmpty()), Optional.empty(),
        SourceFile.string(req, "marker"), extrasOf(req.path("extras")));
  }

  private static LockedPackage readPackage(SourceFile file, JsonNode node, int index, Optional<Origin> origin)
      throws InputParseError {
    java.util.function.IntSupplier line = () -> origin.map(Origin::line).orElse(1);
    Optional<String> name = SourceFile.string(node, "name");
    if (name.isEmpty()) {
      throw file.errorAtLine(line.getAsInt(), "[[package]] #" + (index + 1) + " has no name", "name = \"…\" in every [[package]]");
    }
    PackageSource source = source(node.get("source"));
    // A project with a dynamic version is locked without one (uv 0.5+).
    String version = SourceFile.string(node, "version").orElse("");
    if (version.isEmpty() && !source.isLocalProject()) {
      throw file.errorAtLine(line.getAsInt(), "package '" + name.get() + "' has no version",
          "version = \"…\" (only local projects may omit it)");
    }
    List<DistributionFile> files = new ArrayList<>();
    JsonNode sdist = node.get("sdist");
    if (sdist != null) {
      files.add(file(sdist));
    }
    for (JsonNode wheel : node.path("wheels")) {
      files.add(file(wheel));
    }
    Map<String, List<LockedDependency>> optional = new LinkedHashMap<>();
    var extras = node.path("optional-dependencies").fields();
    while (extras.hasNext()) {
      var e = extras.next();
      optional.put(Names.canonicalize(e.getKey()), edges(file, line, name.get(), e.getValue()));
    }
    Map<String, List<LockedDependency>> dev = new LinkedHashMap<>();
    var groups = node.path("dev-dependencies").fields();
    while (groups.hasNext()) {
      var e = groups.next();
      dev.put(Names.canonicalize(e.getKey()), edges(file, line, name.get(), e.getValue()));
    }
    // A name locked more than once carries the forks it was resolved for; their union is when
    // this version applies. Edges pin the version anyway; the marker disambiguates the rest.
    List<String> forks = new ArrayList<>();
    node.path("resolution-markers").forEach(m -> forks.add(m.asText()));
    Optional<String> marker = forks.isEmpty() ? Optional.empty()
        : Optional.of(forks.size() == 1 ? forks.get(0) : String.join(" or ", forks.stream().map(m -> "(" + m + ")").toList()));
    return new LockedPackage(Names.canonicalize(name.get()), version, source, marker, Map.of(),
        Optional.empty(), edges(file, line, name.get(), node.path("dependencies")), optional, dev, Set.of(), files,
        List.of(), origin);
  }

  private static List<LockedDependency> edges(SourceFile file, java.util.function.IntSupplier line, String from,
      JsonNode list) throws InputParseError {
    List<LockedDependency> out = new ArrayList<>();
    for (JsonNode d : list) {
      if (SourceFile.string(d, "name").isEmpty()) {
        String firstValue = d.elements().hasNext() ? d.elements().next().asText() : "{";
        throw file.errorAtLine(file.lineOfLiteral(firstValue, line.getAsInt()), "a dependency of '" + from + "' has no name: " + d,
            "{ name = \"…\", marker = \"…\"?, extra = [\"…\"]? } in dependencies (uv.lock)");
      }
      JsonNode src = d.get("source");
      out.add(new LockedDependency(Names.canonicalize(d.path("name").asText()), SourceFile.string(d, "version"),
          Optional.empty(), src == null ? Optional.empty() : Optional.of(source(src).toString()),
          SourceFile.string(d, "marker"), extrasOf(d.path("extra"))));
    }
    return out;
  }

  private static Set<String> extrasOf(JsonNode list) {
    Set<String> extras = new LinkedHashSet<>();
    list.forEach(e -> extras.add(Names.canonicalize(e.asText())));
    return extras;
  }

  static PackageSource source(JsonNode src) {
    if (src == null || !src.isObject()) {
      return PackageSource.UNSPECIFIED;
    }
    String[][] kinds = {
      {"registry", "REGISTRY"}, {"git", "GIT"}, {"url", "URL"}, {"path", "PATH"},
      {"directory", "DIRECTORY"}, {"editable", "EDITABLE"}, {"virtual", "VIRTUAL"},
    };
    for (String[] k : kinds) {
      if (src.has(k[0])) {
        return new PackageSource(PackageSource.Kind.valueOf(k[1]), src.get(k[0]).asText());
      }
    }
    return PackageSource.UNSPECIFIED;
  }

  private static DistributionFile file(JsonNode f) {
    Optional<String> url = SourceFile.string(f, "url").or(() -> SourceFile.string(f, "path"));
    String name = SourceFile.string(f, "filename").orElseGet(() -> url.map(UvLockReader::lastSegment).orElse(""));
    Map<String, String> hashes = new LinkedHashMap<>();
    SourceFile.string(f, "hash").ifPresent(h -> putHash(hashes, h));
    OptionalLong size = f.has("size") ? OptionalLong.of(f.get("size").asLong()) : OptionalLong.empty();
    return new DistributionFile(name, url, size, hashes, instant(SourceFile.string(f, "upload-time")));
  }

  static void putHash(Map<String, String> hashes, String algColonHex) {
    int colon = algColonHex.indexOf(':');
    if (colon > 0) {
      hashes.put(algColonHex.substring(0, colon).toLowerCase(java.util.Locale.ROOT), algColonHex.substring(colon + 1));
    }
  }

  static Optional<Instant> instant(Optional<String> text) {
    try {
      return text.map(Instant::parse);
    } catch (DateTimeParseException e) {
      try {
        return text.map(t -> java.time.OffsetDateTime.parse(t).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  static String lastSegment(String url) {
    String u = url;
    int cut = u.indexOf('#');
    if (cut >= 0) {
      u = u.substring(0, cut);
    }
    cut = u.indexOf('?');
    if (cut >= 0) {
      u = u.substring(0, cut);
    }
    String seg = u.substring(u.lastIndexOf('/') + 1);
    return java.net.URLDecoder.decode(seg.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
