package dev.wheelwise.image;

import dev.wheelwise.tags.Libc;
import java.util.Objects;
import java.util.Optional;

/**
 * The C library an OS release ships (a row of the catalog's release table): what an image on
 * that release has unless its own files say otherwise.
 *
 * @param os {@code debian}, {@code alpine}…
 * @param release {@code 12}, {@code 3.20}
 * @param codename {@code bookworm}, when the release has one
 * @param family glibc or musl
 * @param version {@code 2.36}, {@code 1.2.5}
 * @param verified whether the libc column was read from a primary source
 * @param source the source as the table gives it
 */
public record ReleaseLibc(String os, String release, Optional<String> codename, Libc.Family family, String version, boolean verified, String source) {
  public ReleaseLibc {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(codename, "codename");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
  }
}
