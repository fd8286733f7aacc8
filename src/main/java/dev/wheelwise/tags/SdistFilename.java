package dev.wheelwise.tags;

import dev.wheelwise.SourceSpan;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source distribution file name, read one of two ways. {@link #parse} is
 * {@code packaging.utils.parse_sdist_filename}: {@code .tar.gz} or {@code .zip} only, the name
 * everything before the last {@code -}. {@link #parseForPip} is what pip's index finder does
 * with a file listed for a project: any archive pip unpacks, the version whatever follows the
 * first {@code -} whose prefix normalizes to the project's name. What pip installs is modelled
 * with the second; the first stays for code that models packaging itself.
 *
 * @param name the project name, normalized (PEP 503)
 * @param version the version, normalized
 * @param filename the file name as given
 * @param extension {@code .tar.gz} or {@code .zip}; from {@link #parseForPip}, any of pip's source archives
 * @param python from {@link #parseForPip} only: the Python a {@code -py2.7}-style suffix of the
 *     version names ({@code 2.7}); pip takes such a file only on that Python
 */
public record SdistFilename(String name, Version version, String filename, String extension, Optional<String> python) {

  private static final String SOURCE = "<sdist filename>";
  private static final String[] EXTENSIONS = {".tar.gz", ".zip"};
  /** pip's {@code LinkEvaluator._py_version_re}, searched in the version text. */
  private static final Pattern PY_VERSION = Pattern.compile("-py([123]\\.?[0-9]?)$");
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
    Objects.requireNonNull(python, "python");
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
   * Reads a source archive listed for {@code project} as pip's index finder does
   * ({@code LinkEvaluator.evaluate_link}): the extension must be one pip unpacks
   * ({@link #pipExtension}: {@code foo-1.0.tar.bz2} and {@code .tgz} too, which packaging's
   * parser refuses); the version is what follows the first {@code -} whose prefix normalizes to
   * the project's name ({@code _extract_version_from_fragment}), so {@code foo-1.0-2.tar.gz}
   * is foo {@code 1.0-2} (1.0.post2) where packaging reads project {@code foo-1.0}; a trailing
   * {@code -py2.7} is taken off into {@link #python}. pip skips the file (and so this throws)
   * when no prefix names the project, nothing follows it, or what follows is not a PEP 440
   * version (pip 24.1 and later drop it; older pips kept it as a LegacyVersion, which no
   * {@code ==} pin matches).
   *
   * @param project the project whose page lists the file (any spelling; it is normalized)
   */
  public static SdistFilename parseForPip(String filename, String project) throws InvalidSdistFilename {
    String extension = pipExtension(filename).orElseThrow(() -> new InvalidSdistFilename(
        "invalid sdist file name '" + filename + "': not an archive pip unpacks (" + String.join(", ", new java.util.TreeSet<>(PIP_EXTENSIONS)) + ")",
        SourceSpan.inLine(SOURCE, filename, Math.max(0, filename.indexOf('.')), filename.length())));
    String stem = filename.substring(0, filename.length() - extension.length());
    String canonical = Names.canonicalize(project);
    int dash = -1;
    for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
      if (Names.canonicalize(stem.substring(0, i)).equals(canonical)) {
        dash = i;
        break;
      }
    }
    if (dash < 0) {
      throw new InvalidSdistFilename("sdist file name '" + filename + "' does not start with the project's name " + canonical
          + " and a '-', so pip finds no version of " + canonical + " in it", SourceSpan.inLine(SOURCE, filename, 0, stem.length()));
    }
    String versionPart = stem.substring(dash + 1);
    Optional<String> python = Optional.empty();
    Matcher py = PY_VERSION.matcher(versionPart);
    if (py.find()) {
      python = Optional.of(py.group(1));
      versionPart = versionPart.substring(0, py.start());
    }
    Version version = versionPart.isEmpty() ? null : Version.tryParse(versionPart);
    if (version == null) {
      throw new InvalidSdistFilename("sdist file name '" + filename + "': "
          + (versionPart.isEmpty() ? "no version after '" + stem.substring(0, dash + 1) + "'" : "invalid version '" + versionPart + "' (not PEP 440)")
          + ", so pip skips it", SourceSpan.inLine(SOURCE, filename, dash + 1, Math.max(versionPart.length(), 1)));
    }
    return new SdistFilename(canonical, version, filename, extension, python);
  }

  /**
   * The extension pip reads off a file name ({@code pip._internal.utils.misc.splitext}: Python's
   * {@code splitext}, then a preceding {@code .tar} in any case joins it) when it is a source
   * archive pip accepts; pip compares it case-sensitively, so {@code .ZIP} is not one.
   */
  public static Optional<String> pipExtension(String filename) {
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
    return PIP_EXTENSIONS.contains(extension) ? Optional.of(extension) : Optional.empty();
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
    return new SdistFilename(Names.canonicalize(stem.substring(0, dash)), version, filename, extension, Optional.empty());
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
