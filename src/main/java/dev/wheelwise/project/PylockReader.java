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
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code pylock.toml} and {@code pylock.<name>.toml} (PEP 751, packaging.python.org
 * "pylock.toml specification"). Each package carries its own marker, evaluated with the
 * {@code extras} and {@code dependency_groups} sets; a lock-version with another major than 1 is
 * an error (the spec's "MUST"), a newer minor is read.
 */
public final class PylockReader {

  public static final String SUPPORTED = "1.x (written as lock-version = \"1.0\")";

  private PylockReader() {}

  public static LockedSet read(Path path) throws InputParseError {
    return read(SourceFile.read(path));
  }

  static LockedSet read(SourceFile file) throws InputParseError {
    JsonNode root = file.tomlWithTimes();
    Optional<String> lockVersion = SourceFile.string(root, "lock-version");
    if (lockVersion.isEmpty()) {
      throw file.errorAtLine(file.lineOfKey("lock-version"), "pylock.toml has no 'lock-version'",
          "lock-version = \"1.0\" (supported: " + SUPPORTED + ")");
    }
    if (!lockVersion.get().matches("1(\\.\\d+)*")) {
      throw file.errorAtLine(file.lineOfKey("lock-version"), "unsupported pylock lock-version '" + lockVersion.get() + "'",
          "lock-version " + SUPPORTED);
    }
    List<LockedPackage> packages = new ArrayList<>();
    JsonNode list = root.path("packages");
    List<Integer> tables = file.linesOfArrayTables("packages");
    for (int i = 0; i < list.size(); i++) {
      packages.add(readPackage(file, list.get(i), i, file.origin(tables, i)));
    }
    List<String> environments = new ArrayList<>();
    root.path("environments").forEach(e -> environments.add(e.asText()));
    Set<String> defaultGroups = new LinkedHashSet<>();
    root.path("default-groups").forEach(g -> defaultGroups.add(Names.canonicalize(g.asText())));
    Set<String> dev = new LinkedHashSet<>();
    root.path("dependency-groups").forEach(g -> {
      String name = Names.canonicalize(g.asText());
      if (name.equals("dev")) {
        dev.add(name);
      }
    });
    return new LockedSet(file.name, InputKind.PYLOCK, lockVersion.get(), SourceFile.string(root, "requires-python"),
        environments, packages, LockedSet.Selection.PER_PACKAGE_MARKERS, List.of(), Map.of(), Map.of(),
        defaultGroups, dev, true);
  }

  private static LockedPackage readPackage(SourceFile file, JsonNode node, int index, Optional<Origin> origin)
      throws InputParseError {
    java.util.function.IntSupplier lines = () -> origin.map(Origin::line).orElse(1);
    Optional<String> name = SourceFile.string(node, "name");
    if (name.isEmpty()) {
      throw file.errorAtLine(lines.getAsInt(), "[[packages]] #" + (index + 1) + " has no name", "name = \"…\" in every [[packages]] (PEP 751)");
    }
    if (!Names.canonicalize(name.get()).equals(name.get())) {
      throw file.errorAtLine(file.lineOfLiteral(name.get(), lines.getAsInt()), "package name '" + name.get()
          + "' is not normalized", "name = \"" + Names.canonicalize(name.get()) + "\" (PEP 751: names are normalized)");
    }
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("vcs", "directory", "archive", "sdist", "wheels")) {
      if (node.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.isEmpty()) {
      throw file.errorAtLine(lines.getAsInt(), "package '" + name.get() + "' names no source",
          "one of vcs, directory, archive, or sdist and/or wheels (PEP 751)");
    }
    boolean sdistOrWheels = kinds.stream().allMatch(k -> k.equals("sdist") || k.equals("wheels"));
    if (kinds.size() > 1 && !sdistOrWheels) {
      throw file.errorAtLine(lines.getAsInt(), "package '" + name.get() + "' names several sources " + kinds,
          "exactly one of vcs, directory, archive, or sdist and/or wheels (PEP 751)");
    }
    PackageSource source = PackageSource.UNSPECIFIED;
    if (node.has("vcs")) {
      JsonNode v = node.get("vcs");
      source = new PackageSource(PackageSource.Kind.GIT, SourceFile.string(v, "url").or(() -> SourceFile.string(v, "path")).orElse("")
          + SourceFile.string(v, "commit-id").map(c -> "@" + c).orElse(""));
    } else if (node.has("directory")) {
      JsonNode d = node.get("directory");
      boolean editable = d.path("editable").asBoolean(false);
      source = new PackageSource(editable ? PackageSource.Kind.EDITABLE : PackageSource.Kind.DIRECTORY,
          SourceFile.string(d, "path").orElse(""));
    } else if (node.has("archive")) {
      JsonNode a = node.get("archive");
      source = SourceFile.string(a, "url").map(u -> new PackageSource(PackageSource.Kind.URL, u))
          .orElseGet(() -> new PackageSource(PackageSource.Kind.PATH, SourceFile.string(a, "path").orElse("")));
    } else {
      source = new PackageSource(PackageSource.Kind.REGISTRY, SourceFile.string(node, "index").orElse(""));
    }
    List<DistributionFile> files = new ArrayList<>();
    if (node.has("archive")) {
      files.add(file(file, lines, node.get("archive"), null));
    }
    if (node.has("sdist")) {
      files.add(file(file, lines, node.get("sdist"), null));
    }
    for (JsonNode w : node.path("wheels")) {
      files.add(file(file, lines, w, null));
    }
    List<LockedDependency> deps = new ArrayList<>();
    for (JsonNode d : node.path("dependencies")) {
      SourceFile.string(d, "name").ifPresent(n -> deps.add(new LockedDependency(Names.canonicalize(n),
          SourceFile.string(d, "version"), Optional.empty(), Optional.empty(), Optional.empty(), Set.of())));
    }
    return new LockedPackage(Names.canonicalize(name.get()), SourceFile.string(node, "version").orElse(""), source,
        SourceFile.string(node, "marker"), Map.of(), SourceFile.string(node, "requires-python"), deps, Map.of(),
        Map.of(), Set.of(), files, List.of(), origin);
  }

  private static DistributionFile file(SourceFile file, java.util.function.IntSupplier lines, JsonNode f,
      String fallbackName) throws InputParseError {
    Optional<String> url = SourceFile.string(f, "url").or(() -> SourceFile.string(f, "path"));
    String name = SourceFile.string(f, "name")
        .orElseGet(() -> url.map(UvLockReader::lastSegment).orElse(fallbackName == null ? "" : fallbackName));
    Map<String, String> hashes = new LinkedHashMap<>();
    f.path("hashes").fields().forEachRemaining(h -> hashes.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue().asText()));
    OptionalLong size = f.has("size") ? OptionalLong.of(f.get("size").asLong()) : OptionalLong.empty();
    Optional<java.time.Instant> uploaded = Optional.empty();
    JsonNode time = f.get("upload-time");
    if (time != null) {
      if (!(time.isPojo() && ((com.fasterxml.jackson.databind.node.POJONode) time).getPojo() instanceof java.time.OffsetDateTime odt)) {
        throw file.errorAtLine(file.lineOfLiteral(time.asText(), lines.getAsInt()), "upload-time of " + name + " is "
            + (time.isTextual() ? "the string '" + time.asText() + "'" : time.toString()),
            "an offset date-time, unquoted, e.g. upload-time = 2024-07-26T18:15:03Z (PEP 751)");
      }
      uploaded = Optional.of(odt.toInstant());
    }
    return new DistributionFile(name, url, size, hashes, uploaded);
  }
}
