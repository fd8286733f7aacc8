package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelwise dockerfile} end to end through {@link Main#execute}. */
class DockerfileCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void jsonShowsStagesBasesAndInstallsWithBuildArgs() throws Exception {
    Path dockerfile = Shared.require("corpus/dockerfiles/OWASP__Nettacker/Dockerfile");
    Run r = run("dockerfile", dockerfile.toString(), "--build-arg", "PYTHON_IMAGE=python:3.13-slim", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("schema").asText()).isEqualTo("wheelwise.dockerfile/1");
    assertThat(json.get("finalStage").asInt()).isEqualTo(1);
    JsonNode builder = json.get("stages").get(0);
    assertThat(builder.get("name").asText()).isEqualTo("builder");
    assertThat(builder.get("base").asText()).isEqualTo("python:3.13-slim");
    JsonNode poetry = builder.get("steps").get(5);
    assertThat(poetry.get("kind").asText()).isEqualTo("python-install");
    assertThat(poetry.get("tool").asText()).isEqualTo("poetry");
    assertThat(poetry.get("line").asInt()).isEqualTo(21);
    assertThat(poetry.get("inputs").get(1).get("contextPath").asText()).isEqualTo("poetry.lock");
    assertThat(poetry.get("selection").get("noCache").asBoolean()).isTrue();
  }

  @Test
  void textNamesTheFinalStage() {
    Path dockerfile = Shared.require("corpus/dockerfiles/TandoorRecipes__recipes/Dockerfile");
    Run r = run("dockerfile", dockerfile.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("final stage 0  line 1: FROM python:3.13-alpine3.23\n")
        .contains("27:5  venv/bin/pip install [requirements requirements.txt <- requirements.txt] (no cache)");
  }

  @Test
  void parseErrorsAndBadOptionsExitTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("Dockerfile");
    Files.writeString(bad, "FROM a\nENV ONLY_A_NAME\n");
    Run r = run("dockerfile", bad.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains(":2:1: ENV must have two arguments");
    assertThat(run("dockerfile", bad.toString(), "--format", "yaml").exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("dockerfile", bad.toString(), "--build-arg", "NOEQUALS").exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run("dockerfile", dir.resolve("missing").toString()).exit()).isEqualTo(Main.EXIT_USAGE);
  }
}
