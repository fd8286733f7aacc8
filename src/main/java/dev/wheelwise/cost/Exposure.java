package dev.wheelwise.cost;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about a project on one image beyond its package names: the image's musl
 * version, whether its Python comes from docker-library, whether tzdata is in the image, whether
 * anything is compiled, and kinds of use found in the code (none unless someone scanned it).
 *
 * @param muslVersion e.g. {@code 1.1.24}; empty when unknown
 * @param pythonFromDockerLibrary a {@code python:*} image (1 MiB thread stacks, tzdata since
 *     2020-11 for 3.9+); false for {@code FROM alpine} + {@code apk add python3}
 * @param tzdataInImage whether /usr/share/zoneinfo exists; empty when unknown
 * @param sourceBuilds whether some package is compiled from an sdist on this image
 * @param uses kinds of use found in the project
 */
public record Exposure(
    Optional<String> muslVersion,
    boolean pythonFromDockerLibrary,
    Optional<Boolean> tzdataInImage,
    boolean sourceBuilds,
    Set<Use> uses) {

  /** Kinds of use the pitfalls' triggers name. */
  public enum Use {
    SOURCE_BUILD,
    GLIBC_BINARY,
    THREADS_WITH_RECURSION,
    PYTHON_NOT_FROM_DOCKER_LIBRARY,
    KUBERNETES_DNS,
    CTYPES_FIND_LIBRARY,
    LOCALE,
    STRFTIME_GNU_FLAGS,
    ICONV,
    NATIVE_THREADS,
    CPU_BOUND,
    TIMEZONES,
    OS_SCHED,
    NATIVE_RELOAD,
    DIRECTORY_USERS;

    /** {@code threads-with-recursion} → THREADS_WITH_RECURSION. */
    static Use parse(String kebab) {
      return valueOf(kebab.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public Exposure {
    Objects.requireNonNull(muslVersion, "muslVersion");
    Objects.requireNonNull(tzdataInImage, "tzdataInImage");
    uses = Set.copyOf(uses);
  }

  /** A docker-library python image about which nothing else is known. */
  public static Exposure unknown() {
    return new Exposure(Optional.empty(), true, Optional.empty(), false, Set.of());
  }
}
