package dev.wheelwise.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The test's own minimal view of a uv.lock: each {@code [[package]]} entry's name, version and
 * the files it lists (research §3.2). Only what the chooser tests feed to both sides; the
 * project package owns real lockfile reading.
 */
final class UvLockFiles {
  private UvLockFiles() {}

  record Release(String lock, String name, Version version, List<CandidateFile> files) {}

  static List<Path> all(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().equals("uv.lock")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Release> releases(Path lock) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(lock.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Release> out = new ArrayList<>();
    for (JsonNode p : root.path("package")) {
      Version version = Version.tryParse(p.path("version").asText(""));
      if (version == null) {
        continue; // virtual/editable members without a version
      }
      String name = Names.canonicalize(p.path("name").asText());
      List<CandidateFile> files = new ArrayList<>();
      if (p.has("sdist")) {
        file(name, version, p.get("sdist")).ifPresent(files::add);
      }
      for (JsonNode w : p.path("wheels")) {
        file(name, version, w).ifPresent(files::add);
      }
      if (!files.isEmpty()) {
        out.add(new Release(lock.getParent().getFileName().toString(), name, version, files));
      }
    }
    return out;
  }

  private static Optional<CandidateFile> file(String name, Version version, JsonNode f) {
    String filename = f.has("filename") ? f.get("filename").asText()
        : f.has("url") ? last(f.get("url").asText()) : f.has("path") ? last(f.get("path").asText()) : null;
    if (filename == null) {
      return Optional.empty();
    }
    OptionalLong size = f.has("size") ? OptionalLong.of(f.get("size").asLong()) : OptionalLong.empty();
    Optional<Instant> uploaded = f.has("upload-time") ? Optional.of(Instant.parse(f.get("upload-time").asText())) : Optional.empty();
    return Optional.of(new CandidateFile(name, version, filename, size, uploaded, false, Optional.empty()));
  }

  private static String last(String url) {
    String path = url.replaceAll("[?#].*$", "");
    return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
  }
}
