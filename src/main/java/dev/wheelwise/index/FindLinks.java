package dev.wheelwise.index;

import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.InvalidSdistFilename;
import dev.wheelwise.tags.SdistFilename;
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
 * Locations on disk as pip's {@code collector.py} reads them ({@code build_source}): a path or a
 * {@code file:} URL. For {@code --find-links}, a folder gives every archive in it and the links
 * of every HTML file in it ({@code _FlatDirectorySource}); a file is either an HTML page of links
 * or one archive ({@code _LocalFileSource}); a location that does not exist is ignored with a
 * warning. One location serves all projects, so files are kept when their name part matches
 * the project. For an index, a project's folder gives its {@code index.html}.
 */
final class FindLinks {
  private FindLinks() {}

  /** A path or a {@code file:} URL, as opposed to an http(s) URL. */
  static boolean isLocal(String location) {
    return !location.regionMatches(true, 0, "http://", 0, 7) && !location.regionMatches(true, 0, "https://", 0, 8);
  }

  static Path localPath(String location) {
    return location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location);
  }

  /** pip decides HTML by the name's MIME type ({@code mimetypes.guess_type}): {@code .html}, {@code .htm}. */
  static boolean isHtml(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /**
   * The files of {@code canonicalName} at a local find-links location, or empty when the
   * location does not exist (pip ignores it, with a warning the caller gives).
   */
  static Optional<List<DistFile>> local(String location, String canonicalName, HtmlPageParser html) throws IndexError {
    Path path = localPath(location).toAbsolutePath();
    Source source = Source.findLinks(location);
    List<DistFile> out = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> entries;
      try (Stream<Path> s = Files.list(path)) {
        entries = s.sorted().toList();
      } catch (IOException e) {
        throw new IndexError(path.toString(), "cannot read find-links folder: " + e.getMessage(), e);
      }
      for (Path p : entries) {
        if (isHtml(p)) {
          out.addAll(filter(page(p, canonicalName, html, source), canonicalName));
        } else if (Files.isRegularFile(p) && belongsTo(p.getFileName().toString(), canonicalName)) {
          out.add(archive(p));
        }
      }
    } else if (Files.isRegularFile(path)) {
      if (isHtml(path)) {
        out.addAll(filter(page(path, canonicalName, html, source), canonicalName));
      } else if (belongsTo(path.getFileName().toString(), canonicalName)) {
        out.add(archive(path));
      }
    } else {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /**
   * An index's project page on disk: pip tacks {@code index.html} onto a folder URL; a folder
   * or page that is not there is pip's 404 (the project is not on this index).
   */
  static Optional<ProjectPage> indexPage(String projectUrl, String canonicalName, HtmlPageParser html, Source source)
      throws IndexError {
    Path dir = localPath(projectUrl);
    Path page = Files.isDirectory(dir) ? dir.resolve("index.html") : dir;
    if (!Files.isRegularFile(page)) {
      return Optional.empty();
    }
    if (!isHtml(page)) {
      throw new IndexError(page.toString(), "not an HTML page (pip reads only HTML from file: indexes)");
    }
    List<DistFile> files = new ArrayList<>();
    for (DistFile f : page(page, canonicalName, html, source)) {
      files.add(withDiskSize(f));
    }
    return Optional.of(new ProjectPage(canonicalName, List.of(), files, List.of(source)));
  }

  /** A file the page links to on this disk: its size is a fact the page need not give. */
  private static DistFile withDiskSize(DistFile f) {
    if (f.size().isPresent() || f.url().isEmpty() || !f.url().get().regionMatches(true, 0, "file:", 0, 5)) {
      return f;
    }
    try {
      long bytes = Files.size(localPath(f.url().get()));
      return new DistFile(f.filename(), f.url(), f.hashes(), f.requiresPython(), f.coreMetadata(), f.yanked(), OptionalLong.of(bytes),
          f.uploadTime());
    } catch (IOException | RuntimeException e) {
      return f;
    }
  }

  private static List<DistFile> page(Path file, String canonicalName, HtmlPageParser html, Source source) throws IndexError {
    try {
      return html.parse(Files.readAllBytes(file), file.toUri().toString(), canonicalName, source).files();
    } catch (IOException e) {
      throw new IndexError(file.toString(), "cannot read the page: " + e.getMessage(), e);
    }
  }

  private static DistFile archive(Path p) throws IndexError {
    try {
      return new DistFile(p.getFileName().toString(), Optional.of(p.toUri().toString()), Map.of(), Optional.empty(),
          DistFile.CoreMetadataRef.NONE, Yanked.NO, OptionalLong.of(Files.size(p)), Optional.empty());
    } catch (IOException e) {
      throw new IndexError(p.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  static List<DistFile> filter(List<DistFile> files, String canonicalName) {
    return files.stream().filter(f -> belongsTo(f.filename(), canonicalName)).toList();
  }

  /**
   * Whether pip takes an archive as a file of the project: for wheels the text before the first
   * {@code -} (PEP 427 escapes {@code -} in names; the chooser judges the rest), for sdists pip's
   * own reading ({@link SdistFilename#parseForPip}: an archive pip unpacks whose name is the
   * project's, then a {@code -} and a version).
   */
  static boolean belongsTo(String filename, String canonicalName) {
    if (filename.endsWith(".whl")) {
      int dash = filename.indexOf('-');
      return dash > 0 && Names.canonicalize(filename.substring(0, dash)).equals(canonicalName);
    }
    try {
      SdistFilename.parseForPip(filename, canonicalName);
      return true;
    } catch (InvalidSdistFilename e) {
      return false;
    }
  }

}
