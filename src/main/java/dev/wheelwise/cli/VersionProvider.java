package dev.wheelwise.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;

/**
 * wheelwise's version, from {@code version.properties} (Maven writes the project version into
 * it), so runs from classes, as the tests make, know it as well as the jar does.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"wheelwise " + version().orElse("dev")};
  }

  /** The project version; empty when the resource was not filtered (a build outside Maven). */
  static Optional<String> version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("version")).filter(v -> !v.isBlank() && !v.startsWith("${"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
