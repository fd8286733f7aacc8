package dev.wheelwise.cost;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file pip installs into the image.
 *
 * @param name PEP 503 name
 * @param kind a wheel, or an sdist built in the image
 * @param fileBytes the file's size from the index (compressed)
 * @param uncompressedBytes the sum of the wheel's members from its zip central directory, when
 *     someone read it (index range requests); empty for sdists
 * @param filename the file's name ("" when not known): says whether a wheel is pure
 * @param estimatedFileBytes a size band for a file whose size the index does not give
 *     ({@link FileSizes}: a size pip printed, or a neighbour's)
 */
public record InstalledFile(String name, Kind kind, OptionalLong fileBytes, OptionalLong uncompressedBytes, String filename,
    Optional<FileSizes.Band> estimatedFileBytes) {

  public enum Kind {
    WHEEL,
    SDIST
  }

  public InstalledFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileBytes, "fileBytes");
    Objects.requireNonNull(uncompressedBytes, "uncompressedBytes");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(estimatedFileBytes, "estimatedFileBytes");
  }

  /** Without a file name or a size estimate (a platform wheel is assumed). */
  public InstalledFile(String name, Kind kind, OptionalLong fileBytes, OptionalLong uncompressedBytes) {
    this(name, kind, fileBytes, uncompressedBytes, "", Optional.empty());
  }

  /** The file's size as a band: the index's exact size, else the estimate; empty when neither. */
  public Optional<long[]> fileBytesBand() {
    if (fileBytes.isPresent()) {
      return Optional.of(new long[] {fileBytes.getAsLong(), fileBytes.getAsLong()});
    }
    return estimatedFileBytes.map(b -> new long[] {b.low(), b.high()});
  }

  public static InstalledFile wheel(String name, long fileBytes) {
    return new InstalledFile(name, Kind.WHEEL, OptionalLong.of(fileBytes), OptionalLong.empty());
  }

  public static InstalledFile sdist(String name, long fileBytes) {
    return new InstalledFile(name, Kind.SDIST, OptionalLong.of(fileBytes), OptionalLong.empty());
  }
}
