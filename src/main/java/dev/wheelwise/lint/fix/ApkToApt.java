package dev.wheelwise.lint.fix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alpine package names to Debian ones, read from {@code apk-to-apt.tsv} (data with a source
 * column, so a reviewer can check each row against the distributions' package pages). An
 * empty list means Debian needs nothing for it (musl-dev: libc6-dev comes with the compiler).
 */
public final class ApkToApt {
  private static final ApkToApt DEFAULT = load();
  private final Map<String, List<String>> names;

  private ApkToApt(Map<String, List<String>> names) {
    this.names = Map.copyOf(names);
  }

  public static ApkToApt standard() {
    return DEFAULT;
  }

  /** The Debian packages for an apk package name (no version), empty when none is known. */
  public Optional<List<String>> debian(String apk) {
    return Optional.ofNullable(names.get(apk));
  }

  private static ApkToApt load() {
    return new ApkToApt(PackageTable.load("apk-to-apt.tsv"));
  }
}
