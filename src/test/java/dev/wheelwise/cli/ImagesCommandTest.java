package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wheelwise images} end to end through picocli, on the bundled catalog. */
class ImagesCommandTest {

  @TempDir Path home;

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--overlay");
    all.add(home.resolve("images.json").toString());
    int exit = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void showsTheCatalogWithUnknownAndUnverifiedSaidPlainly() {
    Run r = run("images");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).contains("IMAGE", "OS", "LIBC", "PYTHON", "PIP", "COMPRESSED", "UNCOMPRESSED", "COMPILERS", "AS OF");
    String slimBuster = r.out().lines().filter(l -> l.startsWith("python:3.8.1-slim-buster ")).findFirst().orElseThrow();
    assertThat(slimBuster).contains("debian 10 (buster)", "glibc 2.28", "3.8.1", "20.0.2", "63.0 MB", "193.3 MB", "2020-01-25");
    String bookworm = r.out().lines().filter(l -> l.startsWith("python:3.12.14-slim-bookworm ")).findFirst().orElseThrow();
    // bookworm's glibc was read from the Debian archive (catalog SOURCES, fill pass 5); bullseye's is still recall.
    assertThat(bookworm).contains("glibc 2.36 (derived)", "unknown");
    String bullseye = r.out().lines().filter(l -> l.startsWith("python:3.11.13-bullseye ")).findFirst().orElseThrow();
    assertThat(bullseye).contains("glibc 2.31 (UNVERIFIED)", "unknown");
    assertThat(r.out()).doesNotContain(" 0.0 MB");
  }

  @Test
  void filtersByPythonAndLibc() {
    Run r = run("images", "--python", "3.12", "--libc", "musl");
    assertThat(r.exit()).isZero();
    List<String> rows = r.out().lines().filter(l -> l.startsWith("python:")).toList();
    assertThat(rows).extracting(l -> l.split(" ")[0]).containsExactly("python:3.12.14-alpine3.24", "python:3.12.14-alpine3.23");
  }

  @Test
  void asOfPicksTheRecordInForceAndSaysWhenOnlyALaterOneExists() throws Exception {
    Run r = run("images", "python:3.8-alpine", "--as-of", "2020-01-31", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode image = new ObjectMapper().readTree(r.out()).path("images").get(0);
    assertThat(image.path("record").asText()).isEqualTo("python:3.8.1-alpine3.11");
    assertThat(image.path("os").path("value").path("version").asText()).isEqualTo("3.11");
    assertThat(image.path("pip").path("value").asText()).isEqualTo("20.0.2");
    assertThat(image.path("pipPackaging").asText()).isEqualTo("19.2");
    assertThat(image.path("target").path("libc").asText()).isEqualTo("musl-1.1");

    Run listing = run("images", "--as-of", "2020-01-31");
    assertThat(listing.out().lines().filter(l -> l.startsWith("python:")).map(l -> l.split(" ")[0]))
        .containsExactly("python:3.8.1-buster", "python:3.8.1-slim-buster", "python:3.8.1-alpine3.11", "python:3.8.1-alpine3.10");

    Run early = run("images", "python:3.8-alpine", "--as-of", "2019-06-01");
    assertThat(early.out()).contains("no record of python:3.8-alpine on or before 2019-06-01; the earliest it has is as of 2020-01-25");
  }

  @Test
  void jsonKeepsUnknownAsNullAndShowsConfidence() throws Exception {
    Run r = run("images", "python:3.12-slim", "--platform", "linux/arm64", "--format", "json");
    JsonNode image = new ObjectMapper().readTree(r.out()).path("images").get(0);
    assertThat(image.path("platform").asText()).isEqualTo("linux/arm64/v8");
    assertThat(image.path("uncompressedBytes").isNull()).isTrue();
    assertThat(image.path("compressedBytes").asLong()).isEqualTo(46_817_825L);
    assertThat(image.path("pip").path("value").isNull()).isTrue();
    assertThat(image.path("pip").path("provenance").asText()).isEqualTo("UNKNOWN");
    assertThat(image.path("libcVersion").path("provenance").asText()).isEqualTo("DERIVED");
    assertThat(image.path("libcVersion").path("basis").asText()).contains("mmdebstrap");
    assertThat(image.path("confidence").asText()).isEqualTo("DERIVED");
    assertThat(image.path("target").path("arch").asText()).isEqualTo("aarch64");
  }

  @Test
  void badReferencesExitTwoSayingWhatWasExpected() {
    Run bad = run("images", "python:3.12-slim", "python@sha256:abc");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("expected 64 lowercase hex digits after 'sha256:'").contains("^");
    assertThat(bad.out()).isEmpty();

    Run unknown = run("images", "ghcr.io/acme/base:1");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--python 3.11 --libc glibc-2.36");

    Run described = run("images", "ghcr.io/acme/base:1", "--python", "3.11", "--libc", "glibc-2.36");
    assertThat(described.exit()).isZero();
    assertThat(described.out()).contains("ghcr.io/acme/base:1", "glibc 2.36 (given)", "3.11 (given)");

    assertThat(run("images", "--platform", "amd64").exit()).isEqualTo(2);
    StringWriter err = new StringWriter();
    int corrupt = Main.execute(new String[] {"images", "--overlay", home.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertThat(corrupt).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read the catalog overlay");
    assertThat(run("images", "--as-of", "January 2020").err()).contains("expected a date YYYY-MM-DD");
  }
}
