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
 * @param extension {@code .tar.gz} or {@code .zip}
 */
public record SdistFilename(String name, Version version, String filename, String extension) {

  private static final String SOURCE = "<sdist filename>";
  private static final String[] EXTENSIONS = {".tar.gz", ".zip"};

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
