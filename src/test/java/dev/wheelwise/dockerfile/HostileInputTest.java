package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deep nesting and huge lines must neither overflow the stack nor take quadratic time. The
 * timeouts are hang guards (minutes of slack), not speed assertions.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

  private static DockerfileModel analyse(String text) throws DockerfileParseError {
    Dockerfile file = Dockerfile.parse("<hostile>", text);
    assertThat(file.printText()).isEqualTo(text);
    return DockerfileModel.of(file, Map.of(), null);
  }

  @Test
  void deeplyNestedJsonIsAnErrorNotAStackOverflow() throws Exception {
    String json = "[".repeat(20_000) + "]".repeat(20_000);
    // deeper than Go's 10000-level limit (on a line under BuildKit's 65,535 bytes): not JSON, so
    // the shell form, as BuildKit does
    Instruction cmd = Dockerfile.parse("<hostile>", "FROM a\nCMD " + json + "\n").instructions().get(1);
    assertThat(cmd.json()).isFalse();
    assertThat(cmd.arguments()).containsExactly(json);
    assertThatThrownBy(() -> Dockerfile.parse("<hostile>", "FROM a\nCMD [" + "[".repeat(500) + "]".repeat(500) + "]\n"))
        .isInstanceOf(DockerfileParseError.class)
        .hasMessageContaining(Arguments.NOT_STRING_ARRAY);
  }

  @Test
  void linesUpToBuildKitsLimitAndManyContinuations() throws Exception {
    String prefix = "RUN pip install ";
    String words = "x ".repeat((Dockerfile.MAX_LINE_BYTES - prefix.length()) / 2) ;
    String atLimit = (prefix + words + "y".repeat(Dockerfile.MAX_LINE_BYTES)).substring(0, Dockerfile.MAX_LINE_BYTES);
    DockerfileModel model = analyse("FROM python:3.12\n" + atLimit + "\n");
    assertThat(model.finalStage().pythonInstalls().get(0).requirements()).hasSizeGreaterThan(30_000);
    // one byte more (here a two-byte é for a one-byte y): BuildKit refuses the file, and so do we, at that line
    String over = atLimit.substring(0, Dockerfile.MAX_LINE_BYTES - 1) + "é";
    assertThatThrownBy(() -> Dockerfile.parse("<hostile>", ("FROM a\n" + over + "\nRUN x\n").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DockerfileParseError.class)
        .hasMessageContaining("dockerfile line greater than max allowed size of 65535")
        .hasMessageContaining("bytes; BuildKit refuses the file)")
        .satisfies(e -> assertThat(((DockerfileParseError) e).span().line()).isEqualTo(2));
    assertThatThrownBy(() -> Dockerfile.parse("<hostile>", "FROM a\r\nLABEL a=" + "b".repeat(Dockerfile.MAX_LINE_BYTES - 8) + "\r\n"))
        .as("the CR of a CRLF line counts, as in BuildKit's scanner").isInstanceOf(DockerfileParseError.class);
    String continued = "FROM a\nRUN apk add " + "pkg \\\n# comment\n\n".repeat(100_000) + "last\n";
    assertThat(analyse(continued).finalStage().packageOps().get(0).packages()).hasSize(100_001);
  }

  @Test
  void nestedExpansionsSubstitutionsAndShells() throws Exception {
    String deepDefault = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);
    DockerfileModel model = analyse("ARG A\nFROM " + deepDefault + "\n");
    assertThat(model.stages()).hasSize(1);
    analyse("FROM a\nRUN echo " + "$(".repeat(16_000) + ")".repeat(16_000) + "\n");
    analyse("FROM a\nRUN " + "sh -c '".repeat(1_000) + "pip install x\n");
    analyse("FROM a\nRUN " + "then ".repeat(13_000) + "pip install x\n");
    analyse("FROM a\nRUN " + "<<A ".repeat(10_000) + "\n" + "A\n".repeat(10_000));
  }

  @Test
  void onbuildChainsAndUnterminatedHeredocsFailWithPositions() {
    assertThatThrownBy(() -> Dockerfile.parse("<hostile>", "FROM a\n" + "ONBUILD ".repeat(8_000) + "RUN x\n"))
        .isInstanceOf(DockerfileParseError.class)
        .hasMessageContaining("ONBUILD ONBUILD");
    assertThatThrownBy(() -> Dockerfile.parse("<hostile>", "FROM a\nRUN <<EOF\n" + "line\n".repeat(100_000)))
        .isInstanceOf(DockerfileParseError.class)
        .satisfies(e -> assertThat(((DockerfileParseError) e).span().line()).isEqualTo(2))
        .hasMessageContaining("unterminated heredoc");
  }

  @Test
  void manyCopiesAndInstallsStayTraceable() throws Exception {
    StringBuilder text = new StringBuilder("FROM a\nWORKDIR /app\n");
    for (int i = 0; i < 5_000; i++) {
      text.append("COPY r").append(i).append(".txt ./\nRUN pip install -r r").append(i).append(".txt\n");
    }
    List<PythonInstall> installs = analyse(text.toString()).finalStage().pythonInstalls();
    assertThat(installs).hasSize(5_000);
    assertThat(installs.get(4_999).inputs().get(0).contextPath()).isEqualTo("r4999.txt");
  }
}
