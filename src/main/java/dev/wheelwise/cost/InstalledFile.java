package dev.wheelwise.cost;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One file pip installs into the image.
 *
 * @param name PEP 503 name
 * @param kind a wheel, or an sdist built in the image
 * @param fileBytes the file's size from the index (compressed)
 * @param uncompressedBytes the sum of the wheel's members from its zip central directory, when
 *     someone read it (index range requests); empty for sdists
 */
public record InstalledFile(String name, Kind kind, OptionalLong fileBytes, OptionalLong uncompressedBytes) {

  public enum Kind {
    WHEEL,
    SDIST
  }

  public InstalledFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileBytes, "fileBytes");
    Objects.requireNonNull(uncompressedBytes, "uncompressedBytes");
  }

  public static InstalledFile wheel(String name, long fileBytes) {
    return new InstalledFile(name, Kind.WHEEL, OptionalLong.of(fileBytes), OptionalLong.empty());
  }

  public static InstalledFile sdist(String name, long fileBytes) {
    return new InstalledFile(name, Kind.SDIST, OptionalLong.of(fileBytes), OptionalLong.empty());
  }
}
