package dev.wheelwise.cost;

import java.util.Locale;
import java.util.Optional;

/** The distro package manager whose package names a build need is written in. */
public enum PackageManager {
  /** Alpine ({@code apk add}), as on {@code python:*-alpine}. */
  APK,
  /** Debian/Ubuntu ({@code apt-get install}), as on {@code python:*-slim} and the full images. */
  APT;

  /** {@code apk} or {@code apt} (also {@code apt-get}), any case. */
  public static Optional<PackageManager> parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "apk" -> Optional.of(APK);
      case "apt", "apt-get" -> Optional.of(APT);
      default -> Optional.empty();
    };
  }

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }
}
