package dev.wheelwise.advise;

import dev.wheelwise.index.DistFile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.InvalidSdistFilename;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.SdistFilename;
import dev.wheelwise.tags.WheelFilename;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One distribution file of a release, from whatever source listed it (a lockfile, an index
 * page, the snapshot). Unknown facts stay empty: a lockfile does not record yanking or a
 * file's requires-python, so those are "unknown", which the chooser treats as pip treats a
 * missing attribute (not yanked, no constraint) and the report can say so.
 *
 * @param name the PEP 503-normalized project name
 * @param version the release this file belongs to
 * @param filename the file name as listed ({@code numpy-2.3.4-cp312-cp312-musllinux_1_2_x86_64.whl})
 * @param bytes its size, when the source gave one (PEP 700)
 * @param uploaded its upload time, when the source gave one (PEP 700)
 * @param yanked PEP 592: true only when a source said so
 * @param requiresPython the raw {@code requires-python} text, when the source gave one
 */
public record CandidateFile(
    String name,
    Version version,
    String filename,
    OptionalLong bytes,
    Optional<Instant> uploaded,
    boolean yanked,
    Optional<String> requiresPython) {

  public CandidateFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(uploaded, "uploaded");
    Objects.requireNonNull(requiresPython, "requiresPython");
  }

  /** A file known only by name and version (sizes, times, yanking, requires-python unknown). */
  public static CandidateFile of(String name, Version version, String filename) {
    return new CandidateFile(name, version, filename, OptionalLong.empty(), Optional.empty(), false, Optional.empty());
  }

  /**
   * An index's file as the chooser sees it, with the version its name carries (PEP 427 for a
   * wheel, the sdist convention otherwise); empty when the name does not parse, as pip skips it.
   */
  public static Optional<CandidateFile> from(String canonicalName, DistFile f) {
    return versionOf(f.filename()).map(v -> new CandidateFile(canonicalName, v, f.filename(), f.size(),
        f.uploadTime(), f.yanked().isYanked(), f.requiresPython()));
  }

  /** The version in a wheel or sdist file name, when it parses. */
  static Optional<Version> versionOf(String filename) {
    try {
      return Optional.of(filename.endsWith(".whl") ? WheelFilename.parse(filename).version() : SdistFilename.parse(filename).version());
    } catch (InvalidWheelFilename | InvalidSdistFilename e) {
      return Optional.empty();
    }
  }

  /** PEP 427: wheels end in {@code .whl} (case-sensitive, as pip's {@code Link.is_wheel}). */
  public boolean isWheel() {
    return filename.endsWith(".whl");
  }

  /**
   * pip's {@code SUPPORTED_EXTENSIONS}: {@code .whl} and the archive formats it can unpack
   * ({@code .zip}, {@code .tar.gz}, {@code .tgz}, {@code .tar}, {@code .tar.bz2}, {@code .tbz},
   * {@code .tar.xz}, {@code .txz}, {@code .tlz}, {@code .tar.lz}, {@code .tar.lzma}). The
   * comparison is case-insensitive, as pip's {@code splitext} lower-cases.
   */
  public boolean isSupportedArchive() {
    // Compared in place: a check asks this of every file once per image, so no lower-cased copy.
    if (filename.endsWith(".whl")) {
      return true; // most files are wheels named as the wheel spec spells them
    }
    for (String ext : ARCHIVE_EXTENSIONS) {
      if (filename.regionMatches(true, filename.length() - ext.length(), ext, 0, ext.length())) {
        return true;
      }
    }
    return false;
  }

  private static final String[] ARCHIVE_EXTENSIONS = {".whl", ".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tbz", ".tar.xz",
      ".txz", ".tlz", ".tar.lz", ".tar.lzma"};
}
