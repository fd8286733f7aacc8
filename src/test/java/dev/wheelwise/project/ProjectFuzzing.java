package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep508.MarkerEnvironment;
import dev.wheelwise.testing.FuzzContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input readers read paths, so each fuzz input is written to a fresh folder under one
 * temporary folder per JVM; what they may throw is {@link InputParseError} with a span inside
 * the file it names, and a lock they read must give an install set or {@link InstallSetError}.
 */
final class ProjectFuzzing {
  private static Path root;
  private static long round;

  private ProjectFuzzing() {}

  /** A fresh, empty folder for one input (the previous one is deleted). */
  static synchronized Path folder() {
    try {
      if (root == null) {
        root = Files.createTempDirectory("wheelwise-fuzz");
        Path r = root;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(r)));
      }
      delete(root.resolve(Long.toString(round)));
      round++;
      return Files.createDirectories(root.resolve(Long.toString(round)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path folder, String name, byte[] data) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error's span names one of the files and lies on one of its lines. */
  static void spanInFile(InputParseError e, Path... files) {
    Path named = Path.of(e.span().source()).toAbsolutePath().normalize();
    for (Path f : files) {
      if (f.toAbsolutePath().normalize().equals(named)) {
        try {
          FuzzContract.spanInText(e, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        } catch (IOException io) {
          throw new UncheckedIOException(io);
        }
        return;
      }
    }
    assertThat(e.plainMessage()).as("message of %s", e).isNotBlank();
  }

  /** A lock that reads computes an install set for a common target, or says why it cannot. */
  static void installs(LockedSet lock) {
    for (MarkerEnvironment env : List.of(MarkerEnvironment.linuxCPython(3, 12, 1, "x86_64"),
        MarkerEnvironment.linuxCPython(3, 8, 10, "aarch64"))) {
      try {
        InstallSets.compute(lock, env, GroupSelection.DEFAULT);
      } catch (InstallSetError e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
