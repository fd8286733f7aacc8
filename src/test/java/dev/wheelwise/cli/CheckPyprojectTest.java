package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check on a pyproject.toml: {@code --extra} and {@code --group} select what pip (or uv) would add
 * (they were ignored: the main dependencies alone were compared), dependencies a backend reads
 * from requirements files are read there, and dynamic dependencies that cannot be read make the
 * verdict unknown (it was "every package installs from a wheel" of none).
 */
class CheckPyprojectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void extrasAndGroupsAreCompared() throws Exception {
    Files.writeString(dir.resolve("pyproject.toml"), """
        [project]
        name = "demo"
        version = "0.1"
        dependencies = ["aiohttp"]
        [project.optional-dependencies]
        web = ["flask"]
        [dependency-groups]
        socket = ["python-socketio"]
        """);
    assertThat(names(check(new StringWriter()))).contains("aiohttp").doesNotContain("flask", "python-socketio");
    StringWriter err = new StringWriter();
    assertThat(names(check(err, "--extra", "web", "--group", "socket", "--extra", "nope"))).contains("aiohttp", "flask", "python-socketio");
    assertThat(err.toString()).contains("note: extra 'nope' is not in");
  }

  @Test
  void dynamicDependenciesAreReadFromTheirFilesOrLeaveTheVerdictUnknown() throws Exception {
    Files.writeString(dir.resolve("pyproject.toml"), """
        [project]
        name = "demo"
        version = "0.1"
        dynamic = ["dependencies"]
        [tool.setuptools.dynamic]
        dependencies = {file = ["requirements.txt"]}
        """);
    JsonNode missing = check(new StringWriter());
    assertThat(missing.path("verdict").asText()).isEqualTo("unknown");
    assertThat(missing.toString()).contains("setuptools reads its dependencies from requirements.txt, which is not there");

    Files.writeString(dir.resolve("requirements.txt"), "aiohttp\n");
    JsonNode read = check(new StringWriter());
    assertThat(names(read)).contains("aiohttp", "multidict");
    assertThat(read.path("verdict").asText()).isEqualTo("wheels");

    Files.writeString(dir.resolve("pyproject.toml"), """
        [project]
        name = "demo"
        version = "0.1"
        dynamic = ["dependencies"]
        """);
    JsonNode opaque = check(new StringWriter());
    assertThat(opaque.path("verdict").asText()).isEqualTo("unknown");
    assertThat(opaque.toString()).contains("its dependencies are dynamic");
  }

  private JsonNode check(StringWriter err, String... more) throws Exception {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"check", dir.resolve("pyproject.toml").toString(), "--offline", "--image", "python:3.13-slim",
        "--format=json"}, 0, args, 0, 6);
    System.arraycopy(more, 0, args, 6, more.length);
    StringWriter out = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    return JSON.readTree(out.toString()).path("images").path(0);
  }

  private static Set<String> names(JsonNode image) {
    Set<String> names = new TreeSet<>();
    image.path("packages").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }
}
