package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * Any bytes: the parser either fails with {@link DockerfileParseError} or gives a Dockerfile
 * that prints back the same bytes, dumps, and analyses without throwing. Under plain
 * {@code mvn test} Jazzer replays the seeds in DockerfileFuzzTestInputs/; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 */
class DockerfileFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parseNeverThrowsAnythingButParseError(FuzzedDataProvider data) {
    boolean withBuildArg = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    Dockerfile file;
    try {
      file = Dockerfile.parse("<fuzz>", bytes);
    } catch (DockerfileParseError expected) {
      assertThat(expected.span().line()).isPositive();
      return;
    }
    assertThat(file.print()).isEqualTo(bytes);
    file.dump();
    DockerfileModel model = DockerfileModel.of(file, withBuildArg ? Map.of("A", "x") : Map.of(), null);
    for (Stage s : model.stages()) {
      for (Step step : s.steps()) {
        assertThat(step.line()).isPositive();
        assertThat(step.column()).isPositive();
      }
    }
  }
}
