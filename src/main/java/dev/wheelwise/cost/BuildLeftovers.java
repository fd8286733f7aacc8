package dev.wheelwise.cost;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a build leaves in the final image.
 *
 * @param singleStage the compilers and -dev packages stay in the image (no multi-stage build and
 *     no removal in the same RUN)
 * @param systemPackages the apk/apt packages installed for the build
 * @param systemPackagesBytes their installed size, when someone knows it (the knowledge files
 *     give none; empty means unknown, not zero)
 * @param pipCacheKept pip ran without {@code --no-cache-dir} (and no cache mount)
 */
public record BuildLeftovers(
    boolean singleStage, List<String> systemPackages, OptionalLong systemPackagesBytes, boolean pipCacheKept) {
  public BuildLeftovers {
    systemPackages = List.copyOf(systemPackages);
    Objects.requireNonNull(systemPackagesBytes, "systemPackagesBytes");
  }

  /** Nothing installed for a build, pip run with {@code --no-cache-dir}. */
  public static BuildLeftovers none() {
    return new BuildLeftovers(false, List.of(), OptionalLong.empty(), false);
  }
}
