package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Estimates known only in part show the known part as a lower bound and name what is missing;
 * they are never printed as the estimate itself (snapshot facts: numpy 2.4.4's sdist has a size
 * and compile-time observations, kiwisolver 1.1.0's sdist has neither).
 */
class CheckEstimatesTest {

  @Test
  void aBuildTimeKnownForSomeSdistsIsALowerBoundNamingTheOthers(@TempDir Path dir) throws Exception {
    Path req = dir.resolve("requirements.txt");
    Files.writeString(req, "--no-binary :all:\nnumpy==2.4.4\nkiwisolver==1.1.0\n");
    JsonNode summary = CheckCommandLockfilesTest.run(req, "--offline", "--image", "python:3.13-alpine")
        .get("images").get(0).get("summary");
    // kiwisolver 1.1.0 requires setuptools, which python 3.12+ images do not have: with
    // --no-binary :all: pip builds it too.
    assertThat(summary.get("sourceBuilds").asInt()).isEqualTo(3);
    assertThat(summary.get("estimatedBuildSeconds").get("low").asLong()).isPositive();
    assertThat(summary.get("estimatedBuildSeconds").get("high").isNull()).isTrue();
    assertThat(strings(summary.get("buildTimeUnknown"))).containsExactly("kiwisolver");
    // The compilers and -dev packages stay in this single-stage image; their size is not known.
    assertThat(strings(summary.get("sizeUnknown"))).containsExactly("kiwisolver", "build packages");
    // The totals' parts: kiwisolver's unknown sdist size leaves its download, install and build
    // open (each part saying so); pip's start, the apk line and setuptools' pure build are bounded.
    long low = 0;
    for (JsonNode part : summary.get("buildTimeParts")) {
      low += part.get("low").asLong();
      boolean bounded = List.of("pip start", "system packages", "pure-Python builds").contains(part.get("what").asText());
      assertThat(part.get("high").isNull()).as(part.toString()).isNotEqualTo(bounded);
      if (!bounded) {
        assertThat(part.get("basis").asText()).as(part.toString()).contains("kiwisolver");
      }
    }
    assertThat(summary.get("buildTimeParts").findValuesAsText("what"))
        .containsExactly("pip start", "resolution and download", "wheel installs", "system packages", "source builds",
            "pure-Python builds");
    // Each part is rounded down to whole seconds, the total only once.
    assertThat(summary.get("estimatedBuildSeconds").get("low").asLong()).isBetween(low, low + summary.get("buildTimeParts").size());
    JsonNode base = summary.get("sizeParts").get(0);
    assertThat(base.get("what").asText()).isEqualTo("base image");
    assertThat(base.get("low").asLong()).isPositive().isEqualTo(base.get("high").asLong());
    assertThat(summary.get("sizeParts")).anySatisfy(part -> {
      assertThat(part.get("what").asText()).startsWith("build packages: ");
      assertThat(part.get("high").isNull()).isTrue();
    });

    String table = table(req.toString(), "--offline", "--image", "python:3.13-alpine");
    assertThat(table).containsPattern("≥ \\d+ (s|min) \\(kiwisolver: unknown\\)");
  }

  @Test
  void unknownPackagesMakeEvenAllWheelTotalsOpenEnded(@TempDir Path dir) throws Exception {
    // six resolves to a wheel; a project no source lists stays unknown, so it may build.
    Path req = dir.resolve("requirements.txt");
    Files.writeString(req, "six\nwheelwise-no-such-project\n");
    JsonNode root = CheckCommandLockfilesTest.run(req, "--offline", "--image", "python:3.13-alpine");
    for (JsonNode image : root.get("images")) {
      JsonNode summary = image.get("summary");
      assertThat(summary.get("wheels").asInt()).isEqualTo(1);
      assertThat(summary.get("estimatedBuildSeconds").get("high").isNull()).as(image.get("image").asText()).isTrue();
      assertThat(strings(summary.get("buildTimeUnknown"))).containsExactly("wheelwise-no-such-project");
      JsonNode size = summary.get("estimatedImageBytesRange");
      if (!size.isNull()) {
        assertThat(size.get("high").isNull()).isTrue();
        assertThat(summary.get("estimatedImageBytes").isNull()).isTrue();
      }
    }
    String table = table(req.toString(), "--offline", "--image", "python:3.13-alpine");
    // A zero lower bound says nothing: the column reads unknown, not "0 s".
    assertThat(table.lines().skip(1).limit(1)).allSatisfy(row -> assertThat(row).doesNotContain(" 0 s ").contains(" unknown "));
  }

  private static String table(String path, String... options) {
    List<String> args = new ArrayList<>(List.of("check", path));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isIn(Main.EXIT_OK, Main.EXIT_POLICY);
    return out.toString();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
