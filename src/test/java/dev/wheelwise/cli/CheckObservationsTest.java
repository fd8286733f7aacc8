package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration loop: a row bench --record writes (a measured kiwisolver 1.1.0 build) given to
 * check --observations changes the article's Alpine source-build estimate, which without it has
 * no upper end (kiwisolver's sdist size and time are not in the bundled knowledge); a file that is
 * not bench's TSV is an input error naming the line.
 */
class CheckObservationsTest {
  @TempDir Path dir;

  private static final String HEADER = "package\tversion\tplatform\tseconds\tcores\tsource\tquote\tkind\tsdist_size\n";

  private static JsonNode sourceBuilds(String... extra) throws Exception {
    String[] base = {"check", "examples/alpine-article/pinned", "--offline", "--as-of", "2020-01-28", "--image", "python:3.8-alpine",
        "--format", "json"};
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    for (JsonNode part : new ObjectMapper().readTree(out.toString()).at("/images/0/summary/buildTimeParts")) {
      if (part.get("what").asText().equals("source builds")) {
        return part;
      }
    }
    throw new AssertionError("no source builds part in " + out);
  }

  @Test
  void recordedBuildsCalibrateTheEstimate() throws Exception {
    JsonNode bundled = sourceBuilds();
    assertThat(bundled.get("high").isNull()).as("bundled knowledge alone: %s", bundled).isTrue();

    Path recorded = Files.writeString(dir.resolve("mine.tsv"), HEADER
        + "kiwisolver\t1.1.0\tpython:3.8-alpine linux/amd64 (wheelwise bench, docker build)\t41.0\t2\twheelwise bench run x\t"
        + "pip: Building wheel for kiwisolver took 41.0 s\tmeasured_step\t80000\n");
    JsonNode calibrated = sourceBuilds("--observations", recorded.toString());
    assertThat(calibrated.get("high").isNumber()).as("with the recorded build: %s", calibrated).isTrue();
    assertThat(calibrated.get("low").asLong()).isNotEqualTo(bundled.get("low").asLong());
  }

  @Test
  void aFileThatIsNotBenchsTsvIsAnInputError() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.tsv"), HEADER + "kiwisolver\t1.1.0\talpine\tforty\t2\ts\tq\tmeasured_step\t\n");
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"check", "examples/alpine-article/pinned", "--offline", "--observations", bad.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(bad + ":2: seconds 'forty' is not a number");
  }
}
