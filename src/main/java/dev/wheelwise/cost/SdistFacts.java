package dev.wheelwise.cost;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is known about an sdist without building it: its file name, its size from the index,
 * and the PEP 517 {@code build-backend} when someone read its pyproject.toml.
 */
public record SdistFacts(String fileName, OptionalLong bytes, Optional<String> buildBackend) {
  public SdistFacts {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(buildBackend, "buildBackend");
  }

  public static SdistFacts of(String fileName, long bytes) {
    return new SdistFacts(fileName, OptionalLong.of(bytes), Optional.empty());
  }
}
