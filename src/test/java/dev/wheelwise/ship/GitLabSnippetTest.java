package dev.wheelwise.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's GitLab CI job, run as a GitLab runner runs a script: each line with {@code sh -e} in
 * the project folder (the article's Dockerfile and requirements), wheelwise from the release
 * archive on PATH, options from WHEELWISE_* variables as a CI file would set them. lint writes a
 * Code Quality report; check writes SARIF and fails the job by --fail-on source-build.
 */
class GitLabSnippetTest {

  @Test
  void theReadmeJobWritesItsReportsAndFailsOnASourceBuild(@TempDir Path tmp) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("GitLab CI[^\\n]*\\n(?:[^\\n]*\\n)*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README has a GitLab CI yaml block").isTrue();
    JsonNode job = new YAMLMapper().readTree(block.group(1)).get("wheelwise");
    assertThat(job.at("/artifacts/reports/codequality").asText()).isEqualTo("gl-code-quality-report.json");

    Path home = Shipped.unpack(Shipped.releaseArchive(), Files.createDirectory(tmp.resolve("release")));
    Path project = Files.createDirectory(tmp.resolve("project"));
    for (String f : List.of("Dockerfile", "requirements.txt")) {
      Files.copy(Path.of("examples/alpine-article/pinned").resolve(f), project.resolve(f));
    }
    Map<String, String> env = Map.of("PATH", home.resolve("bin") + ":/usr/bin:/bin", "HOME", tmp.toString(),
        "WHEELWISE_OFFLINE", "true", "WHEELWISE_AS_OF", "2020-01-29");
    int last = 0;
    Shipped.Run run = null;
    for (JsonNode line : job.get("script")) {
      run = Shipped.run(List.of("sh", "-e", "-c", line.asText()), project, env);
      last = run.code();
      if (last != 0) {
        break; // as the runner stops the job
      }
    }
    assertThat(last).as(run.both()).isEqualTo(1);
    assertThat(run.err()).contains("policy --fail-on source-build", "python:3.8-alpine");

    JsonNode quality = new ObjectMapper().readTree(project.resolve("gl-code-quality-report.json").toFile());
    assertThat(quality.isArray()).isTrue();
    assertThat(quality).isNotEmpty().allSatisfy(issue -> {
      assertThat(issue.get("check_name").asText()).isNotEmpty();
      assertThat(issue.get("fingerprint").asText()).isNotEmpty();
      assertThat(issue.at("/location/path").asText()).isEqualTo("Dockerfile");
    });
    assertThat(quality.toString()).contains("WW1002"); // the missing compiler on python:3.8-alpine
    JsonNode sarif = new ObjectMapper().readTree(project.resolve("wheelwise.sarif").toFile());
    assertThat(sarif.at("/runs/0/results").size()).isPositive();
  }
}
