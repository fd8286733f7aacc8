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
 * The builder pattern of many production Dockerfiles (healthchecks' among them): {@code pip wheel
 * --wheel-dir /wheels -r requirements.txt} in a stage with a compiler, then {@code pip install
 * /wheels/*} in the final stage. The requirements are what is compared — before, check compared
 * only the final stage, found nothing it could read in {@code /wheels/*} and called every image
 * "wheels" on the strength of a {@code pip install --upgrade pip}.
 */
class CheckDockerfileBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void theBuildersPipWheelIsComparedForTheInstallOfItsWheels() throws Exception {
    Files.writeString(dir.resolve("requirements.txt"), "aiohttp\npython-socketio\n");
    Files.writeString(dir.resolve("Dockerfile"), """
        FROM python:3.13-slim AS builder
        RUN apt-get update && apt-get install -y build-essential
        COPY requirements.txt /tmp
        RUN pip wheel --wheel-dir /wheels/ -r /tmp/requirements.txt
        FROM python:3.13-slim
        RUN --mount=type=bind,target=/wheels,source=/wheels,from=builder pip install --upgrade pip && pip install --no-cache /wheels/*
        """);
    StringWriter err = new StringWriter();
    JsonNode image = check(err);
    Set<String> names = names(image);
    assertThat(names).contains("aiohttp", "python-socketio", "multidict", "yarl", "pip");
    assertThat(image.path("verdict").asText()).isEqualTo("wheels");
    assertThat(image.toString()).doesNotContain("/wheels/*");
    assertThat(err.toString()).contains("note: compared: what 'pip wheel' at line 4 (stage builder) builds on that stage's image, "
        + "whose wheels line 6 installs");
  }

  @Test
  void aNoIndexInstallFromTheWheelFolderAndTheStagesAboveItAreCompared() throws Exception {
    // DefectDojo's shape: the release stage installs --no-index from the builder's folder, with a
    // requirements file mounted from it; a development stage FROM release adds its own.
    Files.writeString(dir.resolve("requirements.txt"), "aiohttp\n");
    Files.writeString(dir.resolve("requirements-dev.txt"), "python-socketio\n");
    Files.writeString(dir.resolve("Dockerfile"), """
        FROM python:3.13-slim AS build
        WORKDIR /app
        COPY requirements.txt ./
        RUN CPUCOUNT=1 pip3 wheel --wheel-dir=/tmp/wheels -r ./requirements.txt
        FROM python:3.13-slim AS release
        WORKDIR /app
        RUN --mount=from=build,src=/tmp/wheels,target=/tmp/wheels \\
          --mount=from=build,src=/app/requirements.txt,target=/app/requirements.txt \\
          pip3 install --no-cache-dir --no-index --find-links=/tmp/wheels -r ./requirements.txt
        FROM release AS development
        COPY requirements-dev.txt ./
        RUN pip3 install --no-cache-dir -r requirements-dev.txt
        """);
    JsonNode image = check(new StringWriter());
    assertThat(names(image)).contains("aiohttp", "multidict", "python-socketio");
    assertThat(image.path("verdict").asText()).isEqualTo("wheels");
  }

  @Test
  void anEnvironmentBuiltInAnotherStageAndCopiedInIsJudgedWhereItWasBuilt() throws Exception {
    // The poetry/venv template (mealie's among them): the venv is built in a stage with a compiler,
    // copied into a clean stage, and the same install runs there again, installing nothing.
    // markupsafe 2.1.5 has no cp313 wheel: it compiles, which the builder's build-essential allows.
    Files.writeString(dir.resolve("requirements.txt"), "markupsafe==2.1.5\n");
    String dockerfile = """
        FROM python:3.13-slim AS builder
        RUN apt-get update && apt-get install -y --no-install-recommends build-essential
        RUN python -m venv /venv
        COPY requirements.txt .
        RUN /venv/bin/pip install -r requirements.txt
        FROM python:3.13-slim
        COPY --from=builder /venv /venv
        COPY requirements.txt .
        RUN /venv/bin/pip install -r requirements.txt
        """;
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    StringWriter err = new StringWriter();
    JsonNode image = check(err);
    assertThat(image.path("verdict").asText()).isEqualTo("builds");
    assertThat(names(image)).containsExactly("markupsafe");
    assertThat(err.toString()).contains("note: compared: the install at line 5 (stage builder), on that stage's image: its environment "
        + "is copied in before line 9 runs the same command again, which installs nothing of its own");

    // Another command in the final stage may install more: it is compared there, where no compiler is.
    Files.writeString(dir.resolve("Dockerfile"), dockerfile.substring(0, dockerfile.lastIndexOf("RUN "))
        + "RUN /venv/bin/pip install --no-deps -r requirements.txt\n");
    StringWriter again = new StringWriter();
    JsonNode alone = check(again);
    assertThat(alone.path("verdict").asText()).isEqualTo("unknown");
    assertThat(alone.path("unknown").path("reason").asText()).contains("may fail at markupsafe").contains("it lacks gcc libc6-dev");
    assertThat(again.toString()).doesNotContain("environment is copied in");
  }

  @Test
  void wheelsFromNowhereStayNotCompared() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), """
        FROM python:3.13-slim
        COPY dist/ /wheels/
        RUN pip install /wheels/*
        """);
    JsonNode image = check(new StringWriter());
    assertThat(image.path("verdict").asText()).isEqualTo("unknown");
    assertThat(image.toString()).contains("/wheels/*");
  }

  private JsonNode check(StringWriter err) throws Exception {
    StringWriter out = new StringWriter();
    int code = Main.execute(new String[] {"check", dir.toString(), "--offline", "--image", "python:3.13-slim", "--format", "json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    return JSON.readTree(out.toString()).path("images").path(0);
  }

  private static Set<String> names(JsonNode image) {
    Set<String> names = new TreeSet<>();
    image.path("packages").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }
}
