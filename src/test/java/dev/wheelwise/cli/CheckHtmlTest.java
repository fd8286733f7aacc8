package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format html --output FILE}, read back with jsoup: the page holds the terminal
 * table's comparison and wording (lower bounds as "≥", unknowns as "unknown"), each image's
 * details, the recommendation and remedies, and where the files came from; it loads nothing and
 * runs nothing, and text from the user's files stays text.
 */
class CheckHtmlTest {

  @Test
  void theArticlePageHasTheComparisonDetailsAndRecommendation() throws Exception {
    Document page = page(Path.of("examples/alpine-article/pinned"), "--offline", "--as-of", "2020-01-29");
    assertThat(page.title()).isEqualTo("wheelwise check");
    assertThat(page.select("table.comparison thead th")).extracting(Element::text)
        .containsExactly("image", "platform", "python", "libc", "wheels", "source builds", "est. build time", "est. size",
            "system packages", "verdict");
    List<List<String>> rows = new ArrayList<>();
    page.select("table.comparison tbody tr").forEach(tr -> rows.add(tr.select("td").eachText()));
    assertThat(rows).extracting(r -> r.get(0)).containsExactly("python:3.8-slim-buster", "python:3.8-buster", "python:3.8-alpine",
        // Also in force on that date, on Alpine 3.10 (musl 1.1.22): the search compares it too.
        "python:3.8-alpine3.10");
    List<String> alpine = rows.get(2);
    assertThat(alpine.get(3)).isEqualTo("musl 1.1.24");
    assertThat(alpine.get(4)).isEqualTo("5/9");
    assertThat(alpine.get(5)).isEqualTo("4");
    // The compile model bounds matplotlib, pandas and numpy from the sizes pip printed; kiwisolver
    // 1.1.0's sdist size is recorded nowhere, so the time is a lower bound naming it.
    assertThat(alpine.get(6)).matches("≥ \\d+ min \\(kiwisolver: unknown\\)");
    assertThat(rows.get(0).get(6)).matches("\\d+–\\d+ s");
    assertThat(alpine.get(7)).matches("≥ 1\\d\\d MB .*unknown.*");
    assertThat(alpine.get(8)).contains("build-base", "freetype-dev", "openblas-dev");
    assertThat(alpine.get(9)).isEqualTo("fails");
    assertThat(page.select("table.comparison tbody tr").get(2).select("td.verdict").hasClass("verdict-fails")).isTrue();
    assertThat(rows.get(0).get(7)).matches("\\d+–\\d+ MB");
    // The size chart stacks each image's parts: the slim image has a base and wheels, Alpine also
    // source builds and the build packages it keeps (unbounded: no bar beyond their zero low).
    Element chart = page.selectFirst("svg.chart.image-size");
    assertThat(chart.select("rect > title").eachText()).anySatisfy(t -> assertThat(t).startsWith("base image: "))
        .anySatisfy(t -> assertThat(t).startsWith("wheels: "))
        .anySatisfy(t -> assertThat(t).startsWith("source builds: "));
    assertThat(chart.select("text").eachText()).contains("base image", "wheels", "source builds", "build packages");
    assertThat(chart.select("rect.high > title").eachText()).contains("up to the high end of every part",
        "no upper bound: kiwisolver, build packages unknown");

    Element details = page.select("section.image").stream()
        .filter(s -> s.selectFirst("h2").text().equals("python:3.8-alpine (linux/amd64)")).findFirst().orElseThrow();
    assertThat(details.select("li.sdist").eachText()).hasSize(4)
        .anySatisfy(t -> assertThat(t).startsWith("builds matplotlib-3.1.2.tar.gz from source; build-base freetype-dev"));
    assertThat(details.select("li.fails").text()).contains("fails at matplotlib", "command 'gcc' failed");
    assertThat(details.select("li.pitfalls").text()).contains("musl-dns");

    assertThat(page.select("section.recommendation strong").text()).isEqualTo("python:3.8-slim-buster");
    assertThat(page.select("section.recommendation li").eachText()).anySatisfy(t -> assertThat(t).startsWith("every package installs from a wheel"));
    assertThat(page.select("section.remedies li.system-packages").text()).contains("RUN apk add --no-cache build-base");
    assertThat(page.select("p.source").text()).contains("snapshot:", "2020-01-29", "examples/alpine-article/pinned/requirements.txt");
    assertSelfContained(page);
  }

  @Test
  void markupInTheUsersFilesStaysText(@TempDir Path dir) throws Exception {
    Path hostile = Files.createDirectory(dir.resolve("<img src=x onerror=alert(1)>"));
    Path requirements = hostile.resolve("requirements.txt");
    Files.writeString(requirements, "# <script>alert('comment')</script>\n"
        + "<script>alert(1)</script>==1.0\n"
        + "evil @ https://example.invalid/</td><script>alert(2)</script>.whl\n"
        + "numpy==1.18.1  # </li><script>alert(3)</script>\n");
    Document page = page(requirements, "--offline", "--as-of", "2020-01-29", "--image", "python:3.8-alpine");
    assertThat(page.select("script, img, iframe, object, embed")).isEmpty();
    assertThat(page.select("[onerror], [onload]")).isEmpty();
    String text = page.body().text();
    assertThat(text).contains("<script>alert(1)</script>==1.0", "<script>alert(2)</script>", hostile.getFileName().toString());
    assertThat(page.select("table.comparison tbody tr")).hasSize(1);
    assertSelfContained(page);
  }

  /** Nothing to fetch and nothing to run: no script, no external reference, a CSP that allows neither. */
  private static void assertSelfContained(Document page) {
    assertThat(page.select("script, link, [src]")).isEmpty();
    assertThat(page.select("[href]")).isEmpty();
    assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
    assertThat(page.select("style")).hasSize(1);
  }

  private static Document page(Path input, String... options) throws Exception {
    Path output = Files.createTempFile("check", ".html");
    List<String> args = new ArrayList<>(List.of("check", input.toString(), "--format", "html", "--output", output.toString()));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEmpty();
    String html = Files.readString(output);
    assertThat(html).startsWith("<!doctype html>");
    return Jsoup.parse(html);
  }
}
