package dev.wheelwise.lint.fix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a build-only apk package leaves needed at run time ({@code apk-runtime.tsv}): the
 * packages that must stay installed when the build packages go (freetype-dev's freetype,
 * build-base's libstdc++). Empty for a build package not in the table: fix then refuses.
 */
final class ApkRuntime {
  private static final Map<String, List<String>> TABLE = PackageTable.load("apk-runtime.tsv");

  private ApkRuntime() {}

  /** The runtime packages of a build package (no version), empty when the table does not know it. */
  static Optional<List<String>> of(String buildPackage) {
    return Optional.ofNullable(TABLE.get(buildPackage));
  }
}
