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
 * {@code COPY . .} then {@code pip install .} (or {@code -e .[extra]}, or the folder's absolute
 * path): the commonest Dockerfile of a packaged project. Its dependencies and the extras named
 * are what pip resolves; before, check said "nothing was compared: path . (not found in the
 * build context)" on every image.
 */
class CheckDockerfileLocalProjectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private void project(String dependencies) throws Exception {
    Files.writeString(dir.resolve("pyproject.toml"), """
        [project]
        name = "demo"
        version = "0.1"
        requires-python = ">=3.12"
        %s
        [project.optional-dependencies]
        web = ["flask"]

        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"
        """.formatted(dependencies));
  }

  @Test
  void theProjectsDependenciesAndNamedExtrasAreCompared() throws Exception {
    project("dependencies = [\"aiohttp\"]");
    StringWriter err = new StringWriter();
    JsonNode result = check("RUN pip install --no-cache-dir \".[web]\"", err, "--image", "python:3.13-slim");
    JsonNode image = result.path("images").path(0);
    assertThat(names(image)).contains("aiohttp", "multidict", "flask", "werkzeug");
    assertThat(image.path("verdict").asText()).isEqualTo("wheels");
    assertThat(err.toString()).contains("note: the local project . (line 4) is built from the build context");

    assertThat(names(check("RUN pip install -e .", new StringWriter(), "--image", "python:3.13-slim").path("images").path(0)))
        .contains("aiohttp").doesNotContain("flask");
    assertThat(names(check("RUN pip install /app", new StringWriter(), "--image", "python:3.13-slim").path("images").path(0)))
        .contains("aiohttp");
  }

  @Test
  void itsRequiresPythonBoundsTheSearch() throws Exception {
    project("dependencies = [\"aiohttp\"]");
    JsonNode result = check("RUN pip install .", new StringWriter());
    Set<String> pythons = new TreeSet<>();
    result.path("images").forEach(i -> pythons.add(i.path("python").asText().replaceAll("^(\\d+\\.\\d+).*", "$1")));
    assertThat(pythons).isNotEmpty().allSatisfy(p -> assertThat(Integer.parseInt(p.split("\\.")[1])).isGreaterThanOrEqualTo(12));
  }

  @Test
  void dynamicDependenciesAreNotComparedAndSaySo() throws Exception {
    project("dynamic = [\"dependencies\"]");
    JsonNode image = check("RUN pip install .", new StringWriter(), "--image", "python:3.13-slim").path("images").path(0);
    assertThat(image.path("verdict").asText()).isEqualTo("unknown");
    assertThat(image.toString()).contains("its dependencies are dynamic");
  }

  @Test
  void dependenciesABackendReadsFromRequirementsFilesAreRead() throws Exception {
    // setuptools: [tool.setuptools.dynamic] dependencies = {file = [...]}, an extra likewise.
    Files.writeString(dir.resolve("requirements.txt"), "aiohttp\n");
    Files.writeString(dir.resolve("web.txt"), "flask\n");
    Files.writeString(dir.resolve("pyproject.toml"), """
        [project]
        name = "demo"
        version = "0.1"
        dynamic = ["dependencies", "optional-dependencies"]

        [tool.setuptools.dynamic]
        dependencies = {file = ["requirements.txt"]}
        optional-dependencies.web = {file = ["web.txt"]}
        """);
    StringWriter err = new StringWriter();
    JsonNode image = check("RUN pip install \".[web]\"", err, "--image", "python:3.13-slim").path("images").path(0);
    assertThat(names(image)).contains("aiohttp", "flask");
    assertThat(image.path("verdict").asText()).isEqualTo("wheels");
    assertThat(err.toString()).contains("read by setuptools from requirements.txt");

    // hatch-requirements-txt: the older 'filename' key; a file missing from the context is said.
    Files.writeString(dir.resolve("pyproject.toml"), """
        [project]
        name = "demo"
        version = "0.1"
        dynamic = ["dependencies"]

        [tool.hatch.metadata.hooks.requirements_txt]
        filename = "deps/requirements.txt"
        """);
    JsonNode missing = check("RUN pip install .", new StringWriter(), "--image", "python:3.13-slim").path("images").path(0);
    assertThat(missing.path("verdict").asText()).isEqualTo("unknown");
    assertThat(missing.toString()).contains("hatch-requirements-txt reads its dependencies from deps/requirements.txt, which is not there");
    Files.createDirectories(dir.resolve("deps"));
    Files.writeString(dir.resolve("deps/requirements.txt"), "python-socketio\n");
    assertThat(names(check("RUN pip install .", new StringWriter(), "--image", "python:3.13-slim").path("images").path(0)))
        .contains("python-socketio");
  }

  private JsonNode check(String run, StringWriter err, String... more) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\n" + run + "\n");
    String[] args = new String[5 + more.length];
    System.arraycopy(new String[] {"check", dir.toString(), "--offline", "--format", "json"}, 0, args, 0, 5);
    System.arraycopy(more, 0, args, 5, more.length);
    StringWriter out = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    return JSON.readTree(out.toString());
  }

  private static Set<String> names(JsonNode image) {
    Set<String> names = new TreeSet<>();
    image.path("packages").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }
}
