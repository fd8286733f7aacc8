package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelwise lint} end to end: the article, pragmas and config, exit codes, ShellCheck. */
class LintCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CliRun lint(String... args) {
    List<String> all = new ArrayList<>(List.of("lint"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static List<String> codes(String json) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode f : JSON.readTree(json)) {
      out.add(f.path("code").asText() + "@" + f.path("line").asInt());
    }
    return out;
  }

  @Test
  void theArticleReportsSourceBuildsAndTheMissingCompilerOnAlpine() throws Exception {
    CliRun r = lint("--format", "json", "--no-shellcheck", "--offline", "--as-of", "2020-01-29", "examples/alpine-article/pinned/Dockerfile");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode findings = JSON.readTree(r.out());
    JsonNode build = null;
    JsonNode missing = null;
    for (JsonNode f : findings) {
      build = f.path("code").asText().equals("WW1001") ? f : build;
      missing = f.path("code").asText().equals("WW1002") ? f : missing;
    }
    assertThat(build).isNotNull();
    assertThat(build.path("message").asText()).contains("python:3.8-alpine", "matplotlib 3.1.2", "pandas 0.25.3", "numpy 1.18.1",
        "kiwisolver 1.1.0", "musl").contains("python:3.8-slim-buster");
    assertThat(missing).isNotNull();
    assertThat(missing.path("level").asText()).isEqualTo("error");
    assertThat(missing.path("message").asText()).contains("build-base", "gcc");
    assertThat(missing.path("line").asInt()).isEqualTo(3);
  }

  /**
   * netifaces 0.11.0 has an sdist and Windows wheels only: every image builds it, and check
   * recommends one whose build needs it meets. WW1001 must not call that image all wheels.
   */
  @Test
  void aRecommendationThatStillBuildsIsNotCalledAllWheels(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("requirements.txt"), "netifaces==0.11.0\n");
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n");
    CliRun check = CliRun.of("check", "--offline", "--format", "json", file.toString());
    String recommended = JSON.readTree(check.out()).path("recommendation").path("image").asText();
    assertThat(recommended).as(check.err()).isNotEmpty().doesNotContain("alpine");
    CliRun r = lint("--format", "json", "--no-shellcheck", "--offline", file.toString());
    JsonNode build = null;
    for (JsonNode f : JSON.readTree(r.out())) {
      build = f.path("code").asText().equals("WW1001") ? f : build;
    }
    assertThat(build).as(r.out()).isNotNull();
    assertThat(build.path("message").asText()).contains("netifaces 0.11.0")
        .contains("check recommends " + recommended + ", where netifaces still build(s) from source")
        .doesNotContain("every package installs from a wheel");
    // and fix finds no all-wheels image to switch to: the base stays, and fix says why
    CliRun fix = CliRun.of("fix", "--offline", file.toString());
    assertThat(fix.out()).doesNotContain("+FROM ");
    assertThat(fix.err()).contains("refused WW1001", "check recommends " + recommended);
  }

  @Test
  void pragmasConfigAndThresholdDecideTheExitCode(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM python\n# hadolint ignore=DL3013\nRUN pip install --no-cache-dir flask\n");
    CliRun plain = lint("--format", "json", "--no-wheels", "--no-shellcheck", file.toString());
    assertThat(codes(plain.out())).containsExactly("DL3006@1");
    assertThat(plain.exit()).isEqualTo(1);
    Path yaml = dir.resolve("hadolint.yaml");
    Files.writeString(yaml, "ignored: [DL3006]\nfailure-threshold: error\n");
    CliRun configured = lint("--format", "json", "--no-wheels", "--no-shellcheck", "--config", yaml.toString(),
        "--disable-ignore-pragma", file.toString());
    assertThat(codes(configured.out())).containsExactly("DL3013@3");
    assertThat(configured.exit()).isZero();
    CliRun overridden = lint("--format", "json", "--no-wheels", "--no-shellcheck", "--config", yaml.toString(), "--error", "DL3006",
        "--failure-threshold", "error", file.toString());
    assertThat(overridden.exit()).isZero(); // DL3006 stays ignored by the file; flags add to the lists
    CliRun noFail = lint("--no-wheels", "--no-shellcheck", "--no-fail", file.toString());
    assertThat(noFail.exit()).isZero();
    Files.writeString(yaml, "failure-threshold: loud\n");
    CliRun bad = lint("--no-wheels", "--config", yaml.toString(), file.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("failure-threshold", "loud", yaml.toString());
  }

  @Test
  void shellcheckFindingsCarryDockerfileLines(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(dev.wheelwise.lint.ShellCheck.onPath(System.getenv("PATH")).isPresent(),
        "SKIPPED: shellcheck is not on PATH (.ci/run installs Debian's shellcheck)");
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM debian:12\nRUN echo start && \\\n    cd /tmp && ls `pwd`\n");
    CliRun r = lint("--format", "json", "--no-wheels", file.toString());
    assertThat(codes(r.out())).contains("SC2006@3", "SC2046@3");
    assertThat(JSON.readTree(r.out()).findValues("column").stream().map(JsonNode::asInt)).contains(19);
  }
}
