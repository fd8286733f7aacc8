package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check on a Dockerfile that installs a real lock (../shared's metube uv.lock, pinry's
 * poetry.lock): by {@code uv sync}/{@code poetry install} with each tool's default groups and
 * options, and through a requirements file an earlier {@code uv export}/{@code poetry export}
 * writes in the build (the pattern of many real Dockerfiles, which left every image "unknown":
 * the file is not in the build context). Development-only packages (metube's pytest and
 * pylint, pinry's mkdocs-material) are compared exactly when the command installs them.
 */
class CheckDockerfileLocksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private void uvProject() throws Exception {
    Path from = Shared.require("corpus/lockfiles/uv/alexta69__metube");
    Files.copy(from.resolve("uv.lock"), dir.resolve("uv.lock"));
    Files.copy(from.resolve("pyproject.toml"), dir.resolve("pyproject.toml"));
  }

  private void poetryProject() throws Exception {
    Path from = Shared.require("corpus/lockfiles/poetry/pinry__pinry");
    Files.copy(from.resolve("poetry.lock"), dir.resolve("poetry.lock"));
    Files.copy(from.resolve("pyproject.toml"), dir.resolve("pyproject.toml"));
  }

  /** The packages check compares on python:3.13-slim (metube asks for 3.13) for the Dockerfile with these RUN lines. */
  private Set<String> compared(String... runs) throws Exception {
    return new TreeSet<>(packages(runs));
  }

  /** As {@link #compared}, in the plan's order and with any repeats. */
  private java.util.List<String> packages(String... runs) throws Exception {
    String dockerfile = "FROM python:3.13-slim\nWORKDIR /app\nCOPY pyproject.toml *.lock ./\n"
        + String.join("\n", java.util.Arrays.stream(runs).map(r -> "RUN " + r).toList()) + "\n";
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"check", dir.toString(), "--offline", "--image", "python:3.13-slim", "--format", "json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    JsonNode image = JSON.readTree(out.toString()).path("images").path(0);
    assertThat(image.path("verdict").asText()).as(out.toString()).isNotEqualTo("unknown");
    java.util.List<String> names = new java.util.ArrayList<>();
    image.path("packages").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  /**
   * The same lock synced twice (with and without the dev group, as the two branches of a
   * shell if do): each package is installed once, and planned once; a plan that listed it
   * twice counted one source build as two.
   */
  @Test
  void oneLockSyncedTwiceInstallsEachPackageOnce() throws Exception {
    uvProject();
    java.util.List<String> once = packages("uv sync --locked");
    java.util.List<String> twice = packages("uv sync --locked --no-dev", "uv sync --locked");
    assertThat(twice).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(once);
  }

  @Test
  void uvSyncInstallsTheDevGroupUnlessToldNot() throws Exception {
    uvProject();
    assertThat(compared("pip install uv", "uv sync --frozen")).contains("aiohttp", "pytest", "pylint");
    assertThat(compared("pip install uv", "uv sync --frozen --no-dev")).contains("aiohttp").doesNotContain("pytest", "pylint");
  }

  @Test
  void aRequirementsFileExportedFromTheLockInstallsTheExportsSelection() throws Exception {
    uvProject();
    Set<String> prod = compared("pip install uv",
        "uv export --frozen --no-dev --format requirements-txt --output-file requirements.txt && pip install --no-cache-dir -r requirements.txt");
    assertThat(prod).contains("aiohttp").doesNotContain("pytest", "pylint");
    Set<String> all = compared("pip install uv", "uv export --frozen -o /tmp/req.txt", "pip install -r /tmp/req.txt");
    assertThat(all).contains("aiohttp", "pytest");
    assertThat(all).containsAll(prod);
    // The redirect form uv's documentation shows writes the same file.
    assertThat(compared("pip install uv", "uv export --frozen --no-dev --no-hashes > requirements.txt",
        "pip install -r requirements.txt")).isEqualTo(prod);
  }

  @Test
  void poetryInstallTakesEveryGroupAndPoetryExportTheMainOne() throws Exception {
    poetryProject();
    assertThat(compared("pip install poetry", "poetry install --no-root")).contains("django", "mkdocs-material");
    assertThat(compared("pip install poetry", "poetry install --no-root --only main")).contains("django").doesNotContain("mkdocs-material");
    assertThat(compared("pip install poetry", "poetry install --without dev")).contains("django").doesNotContain("mkdocs-material");
    assertThat(compared("pip install poetry poetry-plugin-export",
        "poetry export -f requirements.txt --output requirements.txt --without-hashes", "pip install -r requirements.txt"))
        .contains("django").doesNotContain("mkdocs-material");
    assertThat(compared("pip install poetry poetry-plugin-export",
        "poetry export --with dev -o requirements.txt", "pip install -r requirements.txt")).contains("django", "mkdocs-material");
  }
}
