package dev.wheelwise.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local catalog overlay: records {@code wheelwise images refresh} read from registries,
 * kept in one JSON file of the catalog's schema and used by later runs ahead of the bundled
 * records. The file is a cache of facts anyone can read again, so it lives under
 * {@code $XDG_CACHE_HOME} (default {@code ~/.cache}).
 */
public final class Overlay {
  private Overlay() {}

  /** {@code $XDG_CACHE_HOME/wheelwise/images.json}, or {@code HOME/.cache/wheelwise/images.json}. */
  public static Path defaultPath(Map<String, String> env, Path home) {
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() && Path.of(cache).isAbsolute() ? Path.of(cache) : home.resolve(".cache");
    return base.resolve("wheelwise").resolve("images.json");
  }

  public static List<CatalogEntry> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      CatalogJson.FileJson json = CatalogJson.read(in);
      if (json.entries() == null) {
        throw new IOException(file + " has no \"entries\": not a catalog overlay written by images refresh");
      }
      return json.entries().stream().map(CatalogJson::toModel).toList();
    } catch (NullPointerException | IllegalArgumentException | DateTimeException malformed) {
      // a record missing a field the catalog always has, or holding a value it never does
      throw new IOException(file + " is not a catalog overlay written by images refresh: " + malformed.getMessage(), malformed);
    }
  }

  /**
   * Adds {@code entry} to the overlay file, replacing an earlier read of the same image (same
   * name and first tag). Written to a temporary file and moved, so a reader never sees half.
   */
  public static void add(Path file, CatalogEntry entry) throws IOException {
    List<CatalogEntry> entries = new ArrayList<>();
    if (Files.exists(file)) {
      for (CatalogEntry e : read(file)) {
        if (!(e.name().equals(entry.name()) && e.tags().equals(entry.tags()))) {
          entries.add(e);
        }
      }
    }
    entries.add(0, entry);
    CatalogJson.FileJson json = new CatalogJson.FileJson(CatalogJson.SCHEMA, "wheelwise images refresh (local overlay)", entry.asOf().toString(),
        List.of(), entries.stream().map(CatalogJson::toJson).toList());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "images", ".tmp");
    Files.writeString(tmp, CatalogJson.write(json), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
