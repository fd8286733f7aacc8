package dev.wheelwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article's install, {@code pip install matplotlib pandas}, from a local index of real cp311
 * manylinux wheels served on loopback, built on the bookworm base: measured time and size beside
 * check's prediction for the same index and image. Runs where the machine has that index
 * ({@code /opt/pypi}, or {@code WHEELWISE_WHEEL_INDEX}); skips saying so elsewhere.
 */
class BenchWheelIndexTest {

  @TempDir Path dir;

  @Test
  void matplotlibAndPandasFromRealWheels() throws Exception {
    Path root = Path.of(System.getenv().getOrDefault("WHEELWISE_WHEEL_INDEX", "/opt/pypi"));
    Assumptions.assumeTrue(Files.isRegularFile(root.resolve("simple/matplotlib/index.html"))
        && Files.isRegularFile(root.resolve("simple/pandas/index.html")),
        "no local wheel index with matplotlib and pandas at " + root + " (set WHEELWISE_WHEEL_INDEX)");
    LocalEngine.requireImages(LocalEngine.BASE);
    Files.writeString(dir.resolve("requirements.txt"), "matplotlib\npandas\n");
    try (StaticIndex server = new StaticIndex(root)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(new String[] {"bench", dir.resolve("requirements.txt").toString(), "--image", LocalEngine.BASE,
          "--index-url", server.simple(), "--format", "json"}, new PrintWriter(out), new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
      JsonNode row = new ObjectMapper().readTree(out.toString()).path("images").get(0);
      System.out.println("matplotlib+pandas on " + LocalEngine.BASE + ": predicted " + row.path("predicted").toString()
          + "; measured " + row.path("measured").path("wallSeconds") + " s wall, install step "
          + row.path("measured").path("installSeconds") + " s, image " + row.path("measured").path("imageBytes") + " bytes");
      assertThat(row.path("predicted").path("verdict").asText()).isEqualTo("wheels");
      assertThat(row.path("measured").path("verdict").asText()).as(err.toString()).isEqualTo("built");
      assertThat(row.path("agreement").asText()).isEqualTo("agrees");
      assertThat(row.path("measured").path("runs").get(0).path("sourceBuilds")).isEmpty();
      // the wheels add well over 100 MB to the 234 MB base
      assertThat(row.path("measured").path("imageBytes").path("median").asLong()).isGreaterThan(334_000_000L);
    }
  }
}
