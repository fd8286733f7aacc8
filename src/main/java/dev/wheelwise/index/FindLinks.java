package dev.wheelwise.index;

import dev.wheelwise.pep508.Names;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * {@code --find-links} locations: a local folder (every archive in it) or the URL of an HTML
 * page (every link on it). Unlike an index, one location serves all projects, so files are
 * kept when their name part matches the project.
 */
final class FindLinks {
  private FindLinks() {}

  static boolean isLocal(String location) {
    return !location.startsWith("http://") && !location.startsWith("https://");
  }

  static Path localPath(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }

  /** The archives in a local folder that belong to {@code canonicalName}. */
  static List<DistFile> scanFolder(Path dir, String canonicalName) throws IndexError {
    if (!Files.isDirectory(dir)) {
      throw new IndexError(dir.toString(), "find-links folder does not exist");
    }
    List<DistFile> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
        String filename = p.getFileName().toString();
        if (Files.isRegularFile(p) && belongsTo(filename, canonicalName)) {
          out.add(
              new DistFile(
                  filename, Optional.of(p.toUri().toString()), Map.of(), Optional.empty(),
                  DistFile.CoreMetadataRef.NONE, Yanked.NO, OptionalLong.of(Files.size(p)), Optional.empty()));
        }
      }
    } catch (IOException e) {
      throw new IndexError(dir.toString(), "cannot read find-links folder: " + e.getMessage(), e);
    }
    return out;
  }

  static List<DistFile> filter(List<DistFile> files, String canonicalName) {
    return files.stream().filter(f -> belongsTo(f.filename(), canonicalName)).toList();
  }

  /**
   * Whether an archive's name part is the project: for wheels the text before the first
   * {@code -} (PEP 427 escapes {@code -} in names), for sdists the text before the last
   * {@code -} of the stem.
   */
  static boolean belongsTo(String filename, String canonicalName) {
    String lower = filename.toLowerCase(Locale.ROOT);
    String stem;
    if (lower.endsWith(".whl")) {
      int dash = filename.indexOf('-');
      return dash > 0 && Names.canonicalize(filename.substring(0, dash)).equals(canonicalName);
    } else if (lower.endsWith(".tar.gz")) {
      stem = filename.substring(0, filename.length() - 7);
    } else if (lower.endsWith(".zip") || lower.endsWith(".tgz") || lower.endsWith(".tar")) {
      stem = filename.substring(0, filename.lastIndexOf('.'));
    } else if (lower.endsWith(".tar.bz2") || lower.endsWith(".tar.xz")) {
      stem = filename.substring(0, filename.length() - 8);
    } else {
      return false;
    }
    int dash = stem.lastIndexOf('-');
    return dash > 0 && Names.canonicalize(stem.substring(0, dash)).equals(canonicalName);
  }
}
