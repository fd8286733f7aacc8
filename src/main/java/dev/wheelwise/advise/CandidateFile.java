package dev.wheelwise.advise;

import dev.wheelwise.index.DistFile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.tags.PipFilenames;
import dev.wheelwise.tags.SdistFilename;
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
   * An index's file as the chooser sees it, with the version pip reads off its name for the
   * project ({@link PipFilenames}); empty when pip skips the name (another project's, or no
   * PEP 440 version after the project's name).
   */
  public static Optional<CandidateFile> from(String canonicalName, DistFile f) {
    return PipFilenames.version(canonicalName, f.filename()).map(v -> new CandidateFile(canonicalName, v, f.filename(), f.size(),
        f.uploadTime(), f.yanked().isYanked(), f.requiresPython()));
  }

  /** PEP 427: wheels end in {@code .whl} (case-sensitive, as pip's {@code Link.is_wheel}). */
  public boolean isWheel() {
    return filename.endsWith(".whl");
  }

  /**
   * pip's {@code SUPPORTED_EXTENSIONS}: {@code .whl} and the archive formats it can unpack
   * ({@link SdistFilename#pipExtension}: {@code .zip}, {@code .tar.gz}, {@code .tgz}, {@code .tar},
   * {@code .tar.bz2}, {@code .tbz}, {@code .tar.xz}, {@code .txz}, {@code .tlz}, {@code .tar.lz},
   * {@code .tar.lzma}), compared case-sensitively as pip compares them ({@code .TAR.GZ} is not one).
   */
  public boolean isSupportedArchive() {
    return isWheel() || SdistFilename.pipExtension(filename).isPresent();
  }
}
