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
 * Reads {@code Pipfile.lock} (pipenv; JSON; research §4): the {@code default} and
 * {@code develop} sections, each {@code name → {version: "==x", hashes, markers, extras, index}}
 * or a VCS/path entry. It lists hashes without file names. {@code pipenv install --deploy}
 * installs every entry of the selected sections whose markers hold, so each package carries its
 * section as its group and its markers as its own.
 */
public final class PipfileLockReader {

  /** pipfile-spec versions pipenv has written; all share this layout. */
  public static final List<Integer> SUPPORTED_SPECS = List.of(1, 2, 3, 4, 5, 6);

  private PipfileLockReader() {}

  public static LockedSet read(Path path) throws InputParseError {
    return read(SourceFile.read(path));
  }

  static LockedSet read(SourceFile file) throws InputParseError {
    JsonNode root = file.json();
    if (!root.isObject()) {
      throw file.error(1, 1, "Pipfile.lock is not a JSON object", "{\"_meta\": …, \"default\": …, \"develop\": …}");
    }
    JsonNode meta = root.path("_meta");
    JsonNode spec = meta.path("pipfile-spec");
    String lockVersion = spec.isMissingNode() ? "" : spec.asText();
    if (!spec.isMissingNode() && !SUPPORTED_SPECS.contains(spec.asInt(-1))) {
      throw file.errorAtLine(file.lineOfJsonKey("pipfile-spec"), "unsupported pipfile-spec " + spec.asText(),
          "one of the supported pipfile-spec versions " + SUPPORTED_SPECS);
    }
    Map<String, LockedPackage> byKey = new LinkedHashMap<>();
    for (String section : List.of("default", "develop")) {
      JsonNode entries = root.path(section);
      if (!entries.isMissingNode() && !entries.isObject()) {
        throw file.errorAtLine(file.lineOfJsonKey(section), "\"" + section + "\" is not an object",
            "an object of package name → {version, hashes, markers}");
      }
      var fields = entries.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        LockedPackage p = entry(file, section, e.getKey(), e.getValue());
        String key = p.name() + "==" + p.version() + " ; " + p.marker().orElse("");
        LockedPackage seen = byKey.get(key);
        if (seen != null) {
          Set<String> groups = new LinkedHashSet<>(seen.groups());
          groups.add(section);
          p = new LockedPackage(seen.name(), seen.version(), seen.source(), seen.marker(), Map.of(),
              seen.requiresPython(), List.of(), Map.of(), Map.of(), groups, List.of(), seen.hashes(), seen.origin());
        }
        byKey.put(key, p);
      }
    }
    Optional<String> python = SourceFile.string(meta.path("requires"), "python_full_version")
        .map(v -> "==" + v)
        .or(() -> SourceFile.string(meta.path("requires"), "python_version").map(v -> "==" + v + ".*"));
    return new LockedSet(file.name, InputKind.PIPFILE_LOCK, lockVersion, python, List.of(),
        new ArrayList<>(byKey.values()), LockedSet.Selection.PER_PACKAGE_MARKERS, List.of(), Map.of(), Map.of(),
        Set.of("default"), Set.of("develop"), true);
  }

  private static LockedPackage entry(SourceFile file, String section, String name, JsonNode value) throws InputParseError {
    if (!value.isObject()) {
      throw file.errorAtLine(file.lineOfJsonKey(name), "entry '" + name + "' in \"" + section + "\" is not an object",
          "{\"version\": \"==…\", \"hashes\": […]} or a VCS/path entry");
    }
    String version = SourceFile.string(value, "version").map(v -> v.startsWith("==") ? v.substring(2) : v).orElse("");
    PackageSource source = PackageSource.UNSPECIFIED;
    for (String vcs : List.of("git", "hg", "svn", "bzr")) {
      if (value.has(vcs)) {
        source = new PackageSource(PackageSource.Kind.GIT, value.get(vcs).asText()
            + SourceFile.string(value, "ref").map(r -> "@" + r).orElse(""));
      }
    }
    if (value.has("path")) {
      source = new PackageSource(value.path("editable").asBoolean(false) ? PackageSource.Kind.EDITABLE
          : PackageSource.Kind.DIRECTORY, value.get("path").asText());
    } else if (value.has("file")) {
      source = new PackageSource(PackageSource.Kind.URL, value.get("file").asText());
    } else if (source.kind() == PackageSource.Kind.UNSPECIFIED && value.has("index")) {
      source = new PackageSource(PackageSource.Kind.REGISTRY, value.get("index").asText());
    }
    if (version.isEmpty() && source.kind() == PackageSource.Kind.UNSPECIFIED) {
      throw file.errorAtLine(file.lineOfJsonKey(name), "entry '" + name + "' has neither a version nor a source",
          "\"version\": \"==…\", or git/path/file");
    }
    List<String> hashes = new ArrayList<>();
    value.path("hashes").forEach(h -> hashes.add(h.asText()));
    Optional<String> marker = SourceFile.string(value, "markers").filter(m -> !m.isBlank());
    return new LockedPackage(Names.canonicalize(name), version, source, marker, Map.of(), Optional.empty(), List.of(),
        Map.of(), Map.of(), Set.of(section), List.of(), hashes, file.originOfJsonKey(name));
  }
}
