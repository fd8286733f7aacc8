package dev.wheelwise.index;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What reading a wheel's zip central directory gave: its installed bytes (the sum of its
 * members' uncompressed sizes), or the error that stopped the read.
 */
public record InstalledSize(OptionalLong bytes, Optional<IndexError> failure) {
  public InstalledSize {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(failure, "failure");
  }

  static InstalledSize of(long bytes) {
    return new InstalledSize(OptionalLong.of(bytes), Optional.empty());
  }

  static InstalledSize failed(IndexError e) {
    return new InstalledSize(OptionalLong.empty(), Optional.of(e));
  }
}
