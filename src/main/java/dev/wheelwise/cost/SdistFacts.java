package dev.wheelwise.cost;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is known about an sdist without building it: its file name, its size from the index,
 * the PEP 517 {@code build-backend} when someone read its pyproject.toml, and whether it
 * compiles ({@link SdistClass}) when its contents or its project's wheels were looked at.
 */
public record SdistFacts(String fileName, OptionalLong bytes, Optional<String> buildBackend, Optional<SdistClass> contents) {
  public SdistFacts {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(buildBackend, "buildBackend");
    Objects.requireNonNull(contents, "contents");
  }

  public SdistFacts(String fileName, OptionalLong bytes, Optional<String> buildBackend) {
    this(fileName, bytes, buildBackend, Optional.empty());
  }

  public static SdistFacts of(String fileName, long bytes) {
    return new SdistFacts(fileName, OptionalLong.of(bytes), Optional.empty());
  }
}
