package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check's HTML page as a browser shows it: Debian's headless Chromium (installed by .ci/run)
 * loads the article's page from disk; the DOM it builds has one matrix cell per candidate, the
 * recommended one marked, and a screenshot of the page is not blank. Skips, saying so, without
 * Chromium.
 */
class CheckHtmlChromiumTest {

  @Test
  void chromiumRendersOneCellPerCandidateAndAPageThatIsNotBlank(@TempDir Path dir) throws Exception {
    Path chromium = chromium();
    assumeTrue(chromium != null, "SKIPPED: chromium is not installed (.ci/run installs Debian's chromium)");
    Path page = dir.resolve("check.html");
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"check", "examples/alpine-article/pinned", "--offline", "--as-of", "2020-01-29",
        "--format", "html", "--output", page.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isIn(0, 1);
    Document source = Jsoup.parse(page.toFile(), "UTF-8");
    int candidates = source.select("table.comparison tbody tr").size();
    assertThat(candidates).isGreaterThanOrEqualTo(3);

    String dom = run(chromium, dir, "--dump-dom", page.toUri().toString());
    Document rendered = Jsoup.parse(dom);
    assertThat(rendered.select("table.matrix div.cell")).hasSize(candidates);
    assertThat(rendered.select("table.matrix div.cell.recommended")).hasSize(1)
        .allSatisfy(c -> assertThat(c.attr("title")).startsWith(source.select("section.recommendation strong").text()));
    // The page loads nothing: what the browser built is what was written, scripts included (none).
    assertThat(rendered.select("script")).isEmpty();

    Path png = dir.resolve("check.png");
    run(chromium, dir, "--screenshot=" + png, "--window-size=1200,900", page.toUri().toString());
    BufferedImage shot = ImageIO.read(png.toFile());
    assertThat(shot.getWidth()).isEqualTo(1200);
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int y = 0; y < shot.getHeight(); y += 2) {
      for (int x = 0; x < shot.getWidth(); x += 2) {
        int rgb = shot.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          inked++;
        }
      }
    }
    long sampled = (long) (shot.getHeight() / 2) * (shot.getWidth() / 2);
    // Text, the coloured matrix cells and the table borders: many colours, and a real share of ink.
    assertThat(colours.size()).isGreaterThan(50);
    assertThat((double) inked / sampled).isGreaterThan(0.03);
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
