package dev.wheelwise.image;

import java.util.Objects;
import java.util.Optional;

/**
 * The operating system an image is built on, as {@code /etc/os-release} names it.
 *
 * @param id {@code debian}, {@code alpine}, {@code ubuntu}, {@code wolfi}…
 * @param version {@code 12}, {@code 3.24}; empty when unknown
 * @param codename {@code bookworm}; empty when the OS has none or it is unknown
 */
public record OsRelease(String id, Optional<String> version, Optional<String> codename) {

  public OsRelease {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(codename, "codename");
  }

  /** {@code debian 12 (bookworm)}, {@code alpine 3.24}, {@code wolfi}. */
  @Override
  public String toString() {
    return id + version.map(v -> " " + v).orElse("") + codename.map(c -> " (" + c + ")").orElse("");
  }
}
