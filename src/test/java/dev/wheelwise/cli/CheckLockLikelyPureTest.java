package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock lists only the locked release's files, often just its sdist. Whether that sdist is pure
 * Python (it builds in seconds with no compiler) is guessed from every wheel the source has seen
 * of the project: offline, the embedded snapshot's other releases. html2text 2024.2.26 is an sdist
 * only, and the snapshot has html2text 2020.1.16's py3-none-any wheel: likely pure, the image
 * builds it. sgmllib3k has never shipped a wheel: what its build needs stays unknown. (The lock
 * entries are as microsoft/autogen's and Flexget's uv.lock list them.)
 */
class CheckLockLikelyPureTest {
  @TempDir Path dir;

  private static final String LOCK = """
      version = 1
      requires-python = ">=3.10"

      [[package]]
      name = "demo"
      version = "0.1.0"
      source = { editable = "." }
      dependencies = [
          { name = "html2text" },
      ]

      [[package]]
      name = "html2text"
      version = "2024.2.26"
      source = { registry = "https://pypi.org/simple" }
      sdist = { url = "https://files.pythonhosted.org/packages/1a/43/e1d53588561e533212117750ee79ad0ba02a41f52a08c1df3396bd466c05/html2text-2024.2.26.tar.gz", hash = "sha256:05f8e367d15aaabc96415376776cdd11afd5127a77fce6e36afc60c563ca2c32", size = 56527, upload-time = "2024-02-27T18:49:24.855Z" }
      """;

  private static final String SGMLLIB = """

      [[package]]
      name = "sgmllib3k"
      version = "1.0.0"
      source = { registry = "https://pypi.org/simple" }
      sdist = { url = "https://files.pythonhosted.org/packages/9e/bd/3704a8c3e0942d711c1299ebf7b9091930adae6675d7c8f476a7ce48653c/sgmllib3k-1.0.0.tar.gz", hash = "sha256:7868fb1c8bfa764c1ac563d3cf369c381d1325d36124933a726f29fcdaa812e9", size = 5750, upload-time = "2010-08-24T14:33:52.445Z" }
      """;

  private JsonNode check(String lock) throws Exception {
    Path file = dir.resolve("uv.lock");
    Files.writeString(file, lock);
    CliRun run = CliRun.of("check", file.toString(), "--offline", "--image", "python:3.12-slim", "--format", "json");
    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void anSdistOnlyReleaseOfAProjectWhoseWheelsAreAllNoneAnyBuildsAsLikelyPure() throws Exception {
    JsonNode image = check(LOCK).path("images").get(0);
    assertThat(image.path("verdict").asText()).isEqualTo("builds");
    JsonNode build = image.path("packages").get(0).path("build");
    assertThat(build.path("known").asBoolean()).isTrue();
    assertThat(build.path("systemPackages")).isEmpty();
    assertThat(build.path("sdist").path("kind").asText()).isEqualTo("pure");
    assertThat(build.path("sdist").path("likely").asBoolean()).isTrue();

    // The table says it is a guess, and why, beside "no system packages".
    CliRun table = CliRun.of("check", dir.resolve("uv.lock").toString(), "--offline", "--image", "python:3.12-slim");
    assertThat(table.out()).contains("builds html2text-2024.2.26.tar.gz from source; no system packages; likely pure: "
        + "the sdist was not read; every wheel seen (1) is none-any");
  }

  @Test
  void aProjectNeverSeenWithAWheelStaysUnknown() throws Exception {
    JsonNode image = check(LOCK.replace("{ name = \"html2text\" },", "{ name = \"html2text\" },\n    { name = \"sgmllib3k\" },") + SGMLLIB)
        .path("images").get(0);
    assertThat(image.path("verdict").asText()).isEqualTo("unknown");
    assertThat(image.path("unknown").path("reason").asText()).contains("what building sgmllib3k needs is not known");
  }
}
