package dev.wheelwise.tags;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.util.Objects;

/**
 * A source distribution file name, {@code {name}-{version}.tar.gz} or {@code .zip}, parsed as
 * {@code packaging.utils.parse_sdist_filename} does: the name is everything before the last
 * {@code -} (a PEP 440 version has no dash), normalized.
 *
 * @param name the project name, normalized (PEP 503)
 * @param version the version, normalized
 * @param filename the file name as given
 * @param extension {@code .tar.gz} or {@code .zip}; from {@link #parseForPip}, any of pip's source archives
 */
public record SdistFilename(String name, Version version, String filename, String extension) {

  private static final String SOURCE = "<sdist filename>";
  private static final String[] EXTENSIONS = {".tar.gz", ".zip"};
  /**
   * The source archives pip installs from an index: {@code pip._internal.utils.unpacking}'s
   * SUPPORTED_EXTENSIONS without {@code .whl} (zip, tar, gzip, bzip2, xz and lzma tarballs;
   * bzip2 and xz are there whenever Python has those modules, as every official image does).
   */
  private static final java.util.Set<String> PIP_EXTENSIONS = java.util.Set.of(
      ".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");

  public SdistFilename {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(extension, "extension");
  }

  /** Parses; the same in every packaging since 21.0 (which added {@code .zip}). */
  public static SdistFilename parse(String filename) throws InvalidSdistFilename {
    String extension = null;
    for (String candidate : EXTENSIONS) {
      if (filename.endsWith(candidate)) {
        extension = candidate;
        break;
      }
    }
    if (extension == null) {
      throw new InvalidSdistFilename("invalid sdist file name '" + filename + "': the extension must be '.tar.gz' or '.zip'",
          SourceSpan.inLine(SOURCE, filename, Math.max(0, filename.indexOf('.')), filename.length()));
    }
    return split(filename, extension);
  }

  /**
   * Parses a source archive pip installs, in any format pip unpacks ({@link #pipExtension}):
   * {@code foo-1.0.tar.bz2} too, which packaging's parser (tar.gz and zip only) refuses. The
   * name and version split as packaging splits them.
   */
  public static SdistFilename parseForPip(String filename) throws InvalidSdistFilename {
    String extension = pipExtension(filename).orElseThrow(() -> new InvalidSdistFilename(
        "invalid sdist file name '" + filename + "': not an archive pip unpacks (" + String.join(", ", new java.util.TreeSet<>(PIP_EXTENSIONS)) + ")",
        SourceSpan.inLine(SOURCE, filename, Math.max(0, filename.indexOf('.')), filename.length())));
    return split(filename, extension);
  }

  /**
   * The extension pip reads off a file name ({@code pip._internal.utils.misc.splitext}: Python's
   * {@code splitext}, then a preceding {@code .tar} in any case joins it) when it is a source
   * archive pip accepts; pip compares it case-sensitively, so {@code .ZIP} is not one.
   */
  public static java.util.Optional<String> pipExtension(String filename) {
    int leading = 0;
    while (leading < filename.length() && filename.charAt(leading) == '.') {
      leading++;
    }
    int dot = filename.lastIndexOf('.');
    // posixpath.splitext: leading dots start no extension (".tar" is all base, and then pip's
    // own rule still takes ".tar" off it).
    String base = dot < leading ? filename : filename.substring(0, dot);
    String extension = dot < leading ? "" : filename.substring(dot);
    if (base.toLowerCase(java.util.Locale.ROOT).endsWith(".tar")) {
      extension = base.substring(base.length() - 4) + extension;
    }
    return PIP_EXTENSIONS.contains(extension) ? java.util.Optional.of(extension) : java.util.Optional.empty();
  }

  private static SdistFilename split(String filename, String extension) throws InvalidSdistFilename {
    String stem = filename.substring(0, filename.length() - extension.length());
    int dash = stem.lastIndexOf('-');
    if (dash < 0) {
      throw new InvalidSdistFilename("invalid sdist file name '" + filename + "': expected name-version" + extension,
          SourceSpan.inLine(SOURCE, filename, 0, stem.length()));
    }
    String versionPart = stem.substring(dash + 1);
    Version version = Version.tryParse(versionPart);
    if (version == null) {
      throw new InvalidSdistFilename(
          "invalid sdist file name '" + filename + "': invalid version '" + versionPart + "' (not PEP 440)",
          SourceSpan.inLine(SOURCE, filename, dash + 1, versionPart.length()));
    }
    return new SdistFilename(Names.canonicalize(stem.substring(0, dash)), version, filename, extension);
  }

  /** True when {@code filename} parses. */
  public static boolean isValid(String filename) {
    try {
      parse(filename);
      return true;
    } catch (InvalidSdistFilename e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return filename;
  }
}
