package dev.wheelwise.image;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One platform of an image: its manifest digest and sizes when known. Sizes are never 0 for
 * "unknown"; they are empty.
 *
 * @param platform {@code linux/arm64/v8}
 * @param compressedBytes the sum of compressed layers (what a pull downloads)
 * @param uncompressedBytes the size on disk after unpacking (often only known for amd64)
 */
public record ImagePlatform(String platform, Optional<String> digest, OptionalLong compressedBytes, OptionalLong uncompressedBytes) {
  public ImagePlatform {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(compressedBytes, "compressedBytes");
    Objects.requireNonNull(uncompressedBytes, "uncompressedBytes");
  }
}
