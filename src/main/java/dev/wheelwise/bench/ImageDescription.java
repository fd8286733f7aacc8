package dev.wheelwise.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image as running it showed: what {@code python3} is, the libc, pip and pip's own tag list
 * ({@code pip debug --verbose}, best first), the compilers and package manager on the PATH, and
 * the size the engine reports. Every fact here was measured; what could not be read is empty.
 *
 * @param imageId the engine's image id ({@code sha256:…}); the cache key
 * @param python {@code 3.11.2}, empty when the image has no {@code python3}
 * @param implementation {@code CPython}, {@code PyPy}
 * @param libcFamily {@code glibc} or {@code musl}
 * @param libcVersion {@code 2.36}, {@code 1.2.4}
 * @param pip pip's version, empty when the image has no pip
 * @param tags pip's supported tags, best first
 * @param compilers which of gcc, cc, g++, clang, make are on the PATH
 * @param packageManager apt, apk, dnf, microdnf, yum or none
 * @param architecture the engine's view ({@code amd64})
 * @param bytes the image's size as the engine reports it
 */
public record ImageDescription(
    String imageId,
    Optional<String> python,
    Optional<String> implementation,
    Optional<String> libcFamily,
    Optional<String> libcVersion,
    Optional<String> pip,
    List<String> tags,
    List<String> compilers,
    String packageManager,
    String architecture,
    long bytes) {

  public ImageDescription {
    Objects.requireNonNull(imageId, "imageId");
    tags = List.copyOf(tags);
    compilers = List.copyOf(compilers);
  }
}
