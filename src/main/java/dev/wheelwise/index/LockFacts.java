package dev.wheelwise.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep508.Names;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file facts each lockfile format records, read from its TOML tree: uv.lock, poetry.lock
 * ({@code [metadata.files]} in lock 1.x, per-package {@code files} in 2.x), pdm.lock and
 * pylock.toml (PEP 751). Only packages from PyPI or a PyPI mirror are returned.
 */
final class LockFacts {
  private LockFacts() {}

  /** One file as a source gave it; null fields are unknown. */
  record Fact(String filename, String url, Long size, Instant uploadTime, String requiresPython, Map<String, String> hashes) {}

  /**
   * One locked package: its files and the dependencies the lockfile lists for it; empty where the
   * format records no dependency edges at all (an empty list is a recorded "none").
   */
  record Entry(String project, String version, List<Fact> files, Optional<List<String>> dependencies) {}

  // uv.lock: [[package]] with source.registry, sdist {url, hash, size, upload-time}, wheels [...]
  static List<Entry> uv(JsonNode lock) {
    List<Entry> out = new ArrayList<>();
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
      // uv writes `dependencies` only when there are some: its absence records none.
      out.add(new Entry(pkg.path("name").asText(), pkg.path("version").asText(), facts, Optional.of(deps)));
    }
    return out;
  }

  private static Fact uvFact(JsonNode f) {
    String url = f.path("url").asText(null);
    String filename = f.has("filename") ? f.get("filename").asText() : url == null ? null : Urls.lastSegment(url);
    return new Fact(filename, url, f.has("size") ? f.get("size").asLong() : null, instant(f.path("upload-time").asText(null)), null, hash(f.path("hash").asText(null)));
  }

  // poetry.lock: [metadata.files] (lock 1.x) or per-package files (2.x); [package.source] for non-PyPI
  static List<Entry> poetry(JsonNode lock) {
    JsonNode metadataFiles = lock.path("metadata").path("files");
    List<Entry> out = new ArrayList<>();
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
      // Poetry writes [package.dependencies] only when there are some: its absence records none.
      out.add(new Entry(name, pkg.path("version").asText(), facts, Optional.of(deps)));
    }
    return out;
  }

  private static JsonNode findByCanonicalName(JsonNode table, String name) {
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      if (Names.canonicalize(e.getKey()).equals(Names.canonicalize(name))) {
        return e.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  // pdm.lock: files [{file|url, hash}], dependencies as PEP 508 strings
  static List<Entry> pdm(JsonNode lock) {
    List<Entry> out = new ArrayList<>();
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
      // Only a listed table is taken as a record: an absent one is not read as "none" here.
      out.add(new Entry(pkg.path("name").asText(), pkg.path("version").asText(), facts, deps.isEmpty() ? Optional.empty() : Optional.of(deps)));
    }
    return out;
  }

  // pylock.toml (PEP 751): index, sdist, wheels [{name, url, size, upload-time, hashes}]
  static List<Entry> pylock(JsonNode lock) {
    List<Entry> out = new ArrayList<>();
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
      // PEP 751 makes `dependencies` optional for lockers, so its absence says nothing.
      out.add(new Entry(pkg.path("name").asText(), pkg.path("version").asText(), facts, deps.isEmpty() ? Optional.empty() : Optional.of(deps)));
    }
    return out;
  }

  private static Fact pylockFact(JsonNode f) {
    String url = f.path("url").asText(null);
    String filename = f.has("name") ? f.get("name").asText() : url == null ? null : Urls.lastSegment(url);
    Map<String, String> hashes = new TreeMap<>();
    f.path("hashes").properties().forEach(e -> hashes.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText().toLowerCase(Locale.ROOT)));
    return new Fact(filename, url, f.has("size") ? f.get("size").asLong() : null, instant(f.path("upload-time").asText(null)), null, hashes);
  }

  /** PyPI itself or a mirror of it (tuna, aliyun…), whose files are PyPI's files. */
  static boolean isPypi(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.matches("https?://(www\\.)?pypi\\.org/simple/?") || u.matches("https?://[^/]+/pypi(/web)?/simple/?")
        || u.matches("https?://pypi\\.[^/]+/simple/?") || u.startsWith("https://files.pythonhosted.org/");
  }

  static String requirement(String name, JsonNode extras, String marker) {
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

  static Map<String, String> hash(String text) {
    if (text == null || !text.contains(":")) {
      return Map.of();
    }
    int colon = text.indexOf(':');
    return Map.of(text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1).toLowerCase(Locale.ROOT));
  }

  static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

}
