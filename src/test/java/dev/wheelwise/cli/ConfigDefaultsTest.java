package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option defaults as users keep them: a flag wins, then WHEELWISE_* variables, then
 * [tool.wheelwise.check] and [tool.wheelwise] in the nearest pyproject.toml (not past a
 * repository root); --show-config says where each value came from.
 */
class ConfigDefaultsTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(Map<String, String> env, Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env, cwd);
    return new Run(code, out.toString(), err.toString());
  }

  private Path project(String tool) throws Exception {
    Files.createDirectory(dir.resolve(".git"));
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\ndependencies = [\"six==1.16.0\"]\n\n" + tool);
    return Files.createDirectories(dir.resolve("src/app"));
  }

  @Test
  void flagThenEnvironmentThenPyprojectThenDefault() throws Exception {
    Path below = project("""
        [tool.wheelwise]
        offline = true
        format = "markdown"

        [tool.wheelwise.check]
        fail-on = "unavailable"
        image = ["python:3.12-slim", "python:3.12-alpine"]
        """);
    Run shown = run(Map.of("WHEELWISE_FORMAT", "json"), below, "check", "--show-config", "--fail-on", "never");
    assertThat(shown.code()).as(shown.err()).isZero();
    List<String> lines = shown.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("# pyproject.toml: " + dir.resolve("pyproject.toml"));
    assertThat(lines).contains(
        "--fail-on = never    # command line",
        "--format = json    # environment WHEELWISE_FORMAT",
        "--offline = true    # " + dir.resolve("pyproject.toml") + " [tool.wheelwise] offline",
        "--image = [python:3.12-slim, python:3.12-alpine]    # " + dir.resolve("pyproject.toml") + " [tool.wheelwise.check] image",
        "--prefer-binary = false    # default");

    // And they are used: JSON (environment), offline, exactly the two configured images.
    Run checked = run(Map.of("WHEELWISE_FORMAT", "json"), below, "check", dir.toString());
    assertThat(checked.code()).as(checked.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(checked.out());
    List<String> images = new ArrayList<>();
    root.get("images").forEach(i -> images.add(i.get("image").asText()));
    assertThat(images).containsExactlyInAnyOrder("python:3.12-slim", "python:3.12-alpine");
    assertThat(root.get("source").get("index").asText()).startsWith("snapshot:");
  }

  @Test
  void anArrayForAOneValueOptionIsAUsageError() throws Exception {
    Path below = project("[tool.wheelwise.check]\nfail-on = [\"unavailable\"]\n");
    Run r = run(Map.of(), below, "check", dir.toString(), "--offline");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + dir.resolve("pyproject.toml")
        + ": [tool.wheelwise.check] fail-on is an array, but the option takes one value" + System.lineSeparator());
  }

  @Test
  void theSearchStopsAtTheRepositoryRoot() throws Exception {
    project("[tool.wheelwise]\noffline = true\n");
    Path inner = Files.createDirectories(dir.resolve("vendor/other"));
    Files.createDirectory(inner.resolve(".git"));
    Run r = run(Map.of(), inner, "check", "--show-config");
    assertThat(r.out()).startsWith("# pyproject.toml: none found").contains("--offline = false    # default");
  }
}
