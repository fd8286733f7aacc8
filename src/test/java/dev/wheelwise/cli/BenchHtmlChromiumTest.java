package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.bench.BenchReport;
import dev.wheelwise.bench.Comparison;
import dev.wheelwise.bench.Measurement;
import dev.wheelwise.report.BenchHtml;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench's HTML page as a browser shows it. The prediction is check's real one (the article's
 * pinned project, offline, as of 2020-01-29); the measurements are recorded figures of the shape
 * bench makes (one image failing where check predicted it installs, the other built twice).
 * Headless Chromium builds the DOM: the differing verdict is the first thing after the title,
 * and each row draws a predicted-range band and a measured mark for time and for size. Skips,
 * saying so, without Chromium.
 */
class BenchHtmlChromiumTest {

  @Test
  void chromiumDrawsPredictedRangesMeasuredPointsAndTheMismatchFirst(@TempDir Path dir) throws Exception {
    Path chromium = chromium();
    assumeTrue(chromium != null, "SKIPPED: chromium is not installed (.ci/run installs Debian's chromium)");
    CheckCommand check = new CheckCommand();
    check.paths = List.of(Path.of("examples/alpine-article/pinned"));
    check.offline = true;
    check.asOf = "2020-01-29";
    List<ImagePlan> plans;
    StringWriter err = new StringWriter();
    try (IndexAccess access = new IndexAccess(check.indexOptions(), new PrintWriter(err, true))) {
      plans = check.compute(access, new PrintWriter(err, true)).result().images();
    }
    List<ImagePlan> timed = plans.stream().filter(p -> p.failure().isEmpty() && p.summary().estimatedBuildSeconds().isPresent()
        && p.summary().estimatedImageBytes().isPresent()).limit(2).toList();
    assertThat(timed).as(err.toString()).hasSize(2);
    String failing = timed.get(0).image().image();
    String built = timed.get(1).image().image();
    long predictedBytes = timed.get(1).summary().estimatedImageBytes().get().low();
    List<Measurement> measured = List.of(
        new Measurement(failing, "linux/amd64", 1, false, Optional.of(new Measurement.FailedStep(3, 4, "RUN pip install -r requirements.txt")),
            Optional.of("error: command 'gcc' failed: No such file or directory"), Optional.of("pandas"), 41.5, OptionalDouble.of(39.0),
            OptionalLong.empty(), List.of()),
        new Measurement(built, "linux/amd64", 1, true, Optional.empty(), Optional.empty(), Optional.empty(), 20.0, OptionalDouble.of(15.0),
            OptionalLong.of(predictedBytes + 10_000_000), List.of()),
        new Measurement(built, "linux/amd64", 2, true, Optional.empty(), Optional.empty(), Optional.empty(), 24.0, OptionalDouble.of(18.0),
            OptionalLong.of(predictedBytes + 10_000_000), List.of()));
    BenchReport report = new BenchReport("0123456789ab", "unix:///var/run/docker.sock (the default socket), Docker 20.10", 2,
        "the embedded snapshot", 2, Comparison.of(List.of(failing, built), plans, measured));
    Path page = dir.resolve("bench.html");
    Files.writeString(page, BenchHtml.render(report), StandardCharsets.UTF_8);

    Document dom = Jsoup.parse(run(chromium, dir, "--dump-dom", page.toUri().toString()));
    Element first = dom.selectFirst("h1").nextElementSibling();
    assertThat(first.hasClass("mismatch")).isTrue();
    assertThat(first.text()).startsWith("MISMATCH " + failing).contains("but the build failed at pandas");
    assertThat(dom.select("p.mismatch")).hasSize(1);
    List<Element> rows = dom.select("table tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).text()).contains(failing);
    for (Element row : rows) {
      List<Element> bars = row.select("svg");
      assertThat(bars).hasSize(2);
      // Each bar: the predicted band.
      assertThat(bars).allSatisfy(svg -> assertThat(svg.select("rect[fill=#c8d7ea]")).hasSize(1));
    }
    // Measured marks: the failed build's time (no size: it made no image), and both of the built image's figures.
    assertThat(rows.get(0).select("svg").get(0).select("rect[fill=#1b1b1b]")).hasSize(1);
    assertThat(rows.get(0).select("svg").get(1).select("rect[fill=#1b1b1b]")).isEmpty();
    assertThat(rows.get(1).select("rect[fill=#1b1b1b]")).hasSize(2);
    // The repeated build's min–max whisker spans 20 s to 24 s: a real line, not a point.
    Element whisker = rows.get(1).select("svg").get(0).selectFirst("line");
    assertThat(Double.parseDouble(whisker.attr("x2"))).isGreaterThan(Double.parseDouble(whisker.attr("x1")));
    assertThat(rows.get(1).select("svg").get(0).selectFirst("title").text()).contains("measured 22.0 s");
    assertThat(dom.select("script")).isEmpty();
  }

  private static Path chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static String run(Path chromium, Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + dir.resolve("profile"), "--no-first-run"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
