package dev.wheelwise.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * action.yml's shell step (packaging/action.sh) run as the runner runs it: the inputs as INPUT_*
 * variables, GITHUB_OUTPUT and RUNNER_TEMP set, wheelwise from the release archive on PATH.
 */
class GitHubActionTest {

  @Test
  void theStepWritesSarifAndTripsFailOnAsTheRunnerWouldRunIt(@TempDir Path tmp) throws Exception {
    String action = Files.readString(Path.of("action.yml"));
    for (String input : List.of("path", "images", "platforms", "fail-on", "format", "args", "version")) {
      assertThat(action).contains("INPUT_" + input.toUpperCase().replace('-', '_') + ": ${{ inputs." + input + " }}");
    }
    Path home = Shipped.unpack(Shipped.releaseArchive(), Files.createDirectory(tmp.resolve("release")));
    Path output = Files.createFile(tmp.resolve("github_output"));
    Map<String, String> env = new HashMap<>(Map.of(
        "PATH", home.resolve("bin") + ":/usr/bin:/bin", "HOME", tmp.toString(), "RUNNER_TEMP", tmp.toString(),
        "GITHUB_OUTPUT", output.toString(), "GITHUB_ACTION_PATH", Path.of("").toAbsolutePath().toString()));
    env.putAll(Map.of("INPUT_PATH", Path.of("examples/alpine-article/pinned").toAbsolutePath().toString(),
        "INPUT_IMAGES", "python:3.8-slim-buster\npython:3.8-alpine", "INPUT_PLATFORMS", "linux/amd64",
        "INPUT_FAIL_ON", "source-build", "INPUT_FORMAT", "sarif", "INPUT_ARGS", "--offline --as-of 2020-01-29",
        "INPUT_VERSION", "0.1.0"));
    Shipped.Run run = Shipped.run(List.of("bash", "packaging/action.sh"), Path.of("."), env);

    assertThat(run.code()).as(run.both()).isEqualTo(1);
    assertThat(run.err()).contains("policy --fail-on source-build", "python:3.8-alpine");
    assertThat(Files.readString(output)).isEqualTo("report=" + tmp.resolve("wheelwise.sarif") + "\n");
    JsonNode sarif = new ObjectMapper().readTree(tmp.resolve("wheelwise.sarif").toFile());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.at("/runs/0/results").size()).isPositive();
  }
}
