package dev.wheelwise.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared data folder (../shared: corpus, catalog, knowledge), read in place, never copied.
 * Tests that need it call {@link #require(String)}, which skips with a visible message when it
 * is absent.
 */
public final class Shared {
  private Shared() {}

  /** The folder, from -Dwheelwise.shared (set by Maven) or ../shared beside the project. */
  public static Path dir() {
    String configured = System.getProperty("wheelwise.shared");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared");
    return dir.toAbsolutePath().normalize();
  }

  /** {@code ../shared/<relative>}, or skips the test saying what is missing. */
  public static Path require(String relative) {
    Path path = dir().resolve(relative);
    if (!Files.exists(path)) {
      String message = "SKIPPED: " + path + " is absent; this test reads the shared corpus in place";
      System.err.println(message);
      Assumptions.abort(message);
    }
    return path;
  }
}
