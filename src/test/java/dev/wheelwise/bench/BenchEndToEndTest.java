package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench on a real engine: a project of one pure sdist and one C-extension sdist from a loopback
 * index. The C package is named psutil so that check's build knowledge applies (a C compile
 * needing gcc); its sdist is the test's own. On the base without a compiler the build fails at
 * psutil with distutils' gcc line, as check predicts for that image once it has been described by
 * running it; on the compiler base both build.
 */
class BenchEndToEndTest {

  @TempDir Path dir;

  @Test
  void failsAtTheCPackageWithoutACompilerAndBuildsWithOne() throws Exception {
    LocalEngine.requireImages(LocalEngine.BASE, LocalEngine.BASE_GCC);
    Path index = dir.resolve("index");
    Sdists.add(index, "purepkg", "1.0.0", false);
    Sdists.add(index, "psutil", "99.0.0", true);
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("requirements.txt"), "purepkg==1.0.0\npsutil==99.0.0\n");
    try (StaticIndex server = new StaticIndex(index)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(new String[] {"bench", project.resolve("requirements.txt").toString(), "--image", LocalEngine.BASE,
          "--image", LocalEngine.BASE_GCC, "--index-url", server.simple(), "--format", "json", "--record", dir.resolve("times.tsv").toString()},
          new PrintWriter(out), new PrintWriter(err));
      System.out.println(out);
      System.err.println(err);
      assertThat(code).as(err.toString()).isZero();
      JsonNode report = new ObjectMapper().readTree(out.toString());
      assertThat(report.path("schema").asText()).isEqualTo("wheelwise.bench/1");

      JsonNode bare = image(report, LocalEngine.BASE);
      assertThat(bare.path("measured").path("verdict").asText()).isEqualTo("failed");
      assertThat(bare.path("measured").path("failure").path("package").asText()).isEqualTo("psutil");
      assertThat(bare.path("measured").path("failure").path("error").asText())
          .isEqualTo("error: command 'x86_64-linux-gnu-gcc' failed: No such file or directory");
      assertThat(bare.path("predicted").path("verdict").asText()).isEqualTo("fails");
      assertThat(bare.path("predicted").path("fails").path("package").asText()).isEqualTo("psutil");
      assertThat(bare.path("agreement").asText()).isEqualTo("agrees");

      JsonNode gcc = image(report, LocalEngine.BASE_GCC);
      assertThat(gcc.path("measured").path("verdict").asText()).isEqualTo("built");
      assertThat(gcc.path("measured").path("imageBytes").path("median").asLong()).isGreaterThan(100_000_000L);
      assertThat(gcc.path("measured").path("installSeconds").path("median").asDouble()).isPositive();
      JsonNode builds = gcc.path("measured").path("runs").get(0).path("sourceBuilds");
      assertThat(builds.findValuesAsText("name")).containsExactlyInAnyOrder("purepkg", "psutil");
      // purepkg's wheel built in both runs (the bare base failed only later, at psutil); psutil's on the compiler base
      assertThat(Files.readAllLines(dir.resolve("times.tsv"))).hasSize(4).first().isEqualTo(Recording.HEADER);
      assertThat(Files.readAllLines(dir.resolve("times.tsv")).subList(1, 4)).extracting(l -> l.split("\t")[0] + " " + l.split("\t")[7])
          .containsExactly("purepkg measured_step", "purepkg measured_step", "psutil measured_step");
    }
  }

  private static JsonNode image(JsonNode report, String image) {
    for (JsonNode n : report.path("images")) {
      if (n.path("image").asText().equals(image + ":latest")) {
        return n;
      }
    }
    throw new AssertionError(image + " not in " + report.toPrettyString());
  }
}
