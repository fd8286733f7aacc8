package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poetry.lock or pdm.lock read without the pyproject.toml that holds its roots is an input
 * error (exit 2) naming the missing file, not "unavailable" on every image; with it, the lock is
 * read and compared.
 */
class CheckLockRootsTest {
  @TempDir Path dir;

  private static int check(StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  @Test
  void poetryLockWithoutItsPyprojectIsExit2NamingIt() throws Exception {
    Path corpus = Shared.require("corpus/lockfiles/poetry/pinry__pinry");
    Files.copy(corpus.resolve("poetry.lock"), dir.resolve("poetry.lock"));
    StringWriter err = new StringWriter();
    int code = check(err, "check", dir.toString(), "--offline", "--image", "python:3.12-slim");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(dir.toAbsolutePath().resolve("pyproject.toml") + " is missing").contains("lock-version 2.0");

    Files.copy(corpus.resolve("pyproject.toml"), dir.resolve("pyproject.toml"));
    StringWriter again = new StringWriter();
    assertThat(check(again, "check", dir.toString(), "--offline", "--image", "python:3.12-slim")).as(again.toString()).isIn(0, 1);
  }

  @Test
  void pdmLockWithoutItsPyproject() throws Exception {
    // pdm lock_version 4.0: no per-package groups, so the roots are only in the pyproject.toml.
    Files.copy(Shared.require("corpus/lockfiles/pdm/ponbac__qatar-time-backend/pdm.lock"), dir.resolve("pdm.lock"));
    StringWriter err = new StringWriter();
    assertThat(check(err, "check", dir.resolve("pdm.lock").toString(), "--offline", "--image", "python:3.12-slim")).isEqualTo(2);
    assertThat(err.toString()).contains("pyproject.toml is missing").contains("pdm.lock");

    // lock_version 4.5 records each package's groups: readable alone, and compared.
    Path alone = Files.createDirectory(dir.resolve("marko"));
    Files.copy(Shared.require("corpus/lockfiles/pdm/frostming__marko/pdm.lock"), alone.resolve("pdm.lock"));
    StringWriter ok = new StringWriter();
    assertThat(check(ok, "check", alone.toString(), "--offline", "--image", "python:3.12-slim")).as(ok.toString()).isZero();
  }
}
