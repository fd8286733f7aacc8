package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.SarifMultitool;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check --format sarif --output FILE} on real checks: the Alpine article's pinned project
 * (its Dockerfile uses python:3.8-alpine), a corpus uv.lock, and a corpus Dockerfile on a slim
 * image. The logs point each finding at the line that asks for the package (requirements line,
 * the lock's {@code [[package]]} table) or, for the image as a whole, the FROM line; levels follow
 * the rules on the image the project uses and are notes on the others compared; and the official
 * validator finds no error and no warning but the one accepted (no informationUri: wheelwise has
 * no public page to name).
 */
class CheckSarifTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ARTICLE = Path.of("examples/alpine-article/pinned");
  private static final Map<String, Path> RENDERED = new HashMap<>();

  @Test
  void theArticleFindingsSitOnThePinnedRequirementLines() throws Exception {
    JsonNode run = JSON.readTree(render("article").toFile()).get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("version").asText()).matches("\\d+\\..*");
    List<String> requirements = Files.readAllLines(ARTICLE.resolve("requirements.txt"));
    List<String> dockerfile = Files.readAllLines(ARTICLE.resolve("Dockerfile"));

    Map<String, JsonNode> builds = new HashMap<>();
    for (JsonNode r : run.get("results")) {
      JsonNode location = r.get("locations").get(0).get("physicalLocation");
      assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
      // Only the alpine image has anything to report: slim and full install every package from a wheel.
      assertThat(r.get("properties").get("image").asText()).startsWith("python:3.8-alpine");
      if (r.get("ruleId").asText().equals("WW-source-build") && r.get("properties").get("image").asText().equals("python:3.8-alpine")) {
        builds.put(r.get("properties").get("package").asText(), r);
      }
    }
    assertThat(builds).containsOnlyKeys("matplotlib", "pandas", "numpy", "kiwisolver");
    for (var e : builds.entrySet()) {
      JsonNode location = e.getValue().get("locations").get(0).get("physicalLocation");
      assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("examples/alpine-article/pinned/requirements.txt");
      int line = location.get("region").get("startLine").asInt();
      assertThat(requirements.get(line - 1)).startsWith(e.getKey() + "==");
      assertThat(e.getValue().get("level").asText()).isEqualTo("warning");
      String text = e.getValue().get("message").get("text").asText();
      assertThat(text).contains("python:3.8-alpine (linux/amd64)", e.getKey(), "from source");
      // Where the snapshot's file list is partial the message must not claim no wheel exists;
      // kiwisolver 1.1.0's and numpy 1.18.1's lists are complete (two independent full lists agree).
      if (e.getKey().equals("kiwisolver") || e.getKey().equals("numpy")) {
        assertThat(text).doesNotContain("which does not mean none exists");
      } else {
        assertThat(text).contains("which does not mean none exists");
      }
    }

    // The image in use fails at an error; the compared alpine3.10 fails too, as a note.
    List<JsonNode> fails = results(run, "WW-build-fails").stream()
        .filter(r -> r.get("properties").get("image").asText().equals("python:3.8-alpine")).toList();
    assertThat(results(run, "WW-build-fails")).filteredOn(r -> !fails.contains(r))
        .allSatisfy(r -> assertThat(r.get("level").asText()).isEqualTo("note"));
    assertThat(fails).hasSize(1);
    assertThat(fails.get(0).get("level").asText()).isEqualTo("error");
    int failLine = fails.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt();
    assertThat(requirements.get(failLine - 1)).startsWith("matplotlib==");
    assertThat(fails.get(0).get("message").get("text").asText())
        .contains("fails at matplotlib", "command 'gcc' failed", "RUN apk add --no-cache build-base");

    List<JsonNode> pitfalls = results(run, "WW-musl-pitfall");
    assertThat(pitfalls).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("level").asText()).isEqualTo("note");
      JsonNode location = r.get("locations").get(0).get("physicalLocation");
      assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("examples/alpine-article/pinned/Dockerfile");
      assertThat(dockerfile.get(location.get("region").get("startLine").asInt() - 1)).isEqualTo("FROM python:3.8-alpine");
    });
    assertThat(texts(pitfalls)).anySatisfy(t -> assertThat(t).contains("musl-dns: DNS resolution"));

    // Code scanning keys alerts on these: one per finding, the same on the next run.
    List<String> prints = fingerprints(run);
    assertThat(new HashSet<>(prints)).hasSameSizeAs(prints);
    Path again = Files.createTempFile("article-again", ".sarif");
    check(again, ARTICLE.toString(), "--offline", "--as-of", "2020-01-29");
    assertThat(fingerprints(JSON.readTree(again.toFile()).get("runs").get(0))).isEqualTo(prints);
  }

  @Test
  void aUvLockPointsAtEachPackagesTable() throws Exception {
    Path lock = lock();
    JsonNode run = JSON.readTree(render("uv.lock").toFile()).get("runs").get(0);
    List<String> lines = Files.readAllLines(lock);
    int located = 0;
    for (JsonNode r : run.get("results")) {
      JsonNode location = r.get("locations").get(0).get("physicalLocation");
      // ../shared lies outside the working directory: an absolute file URI, no base id.
      assertThat(Path.of(URI.create(location.get("artifactLocation").get("uri").asText()))).isEqualTo(lock.toAbsolutePath().normalize());
      if (r.get("properties").has("package")) {
        int line = location.get("region").get("startLine").asInt();
        assertThat(lines.get(line - 1)).isEqualTo("[[package]]");
        assertThat(lines.get(line)).isEqualTo("name = \"" + r.get("properties").get("package").asText() + "\"");
        located++;
      } else {
        // No line of a lock is about the image as a whole: the region spans the file.
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(location.get("region").get("endLine").asInt()).isEqualTo(lines.size());
      }
    }
    assertThat(located).isGreaterThanOrEqualTo(4);
    // Both images were named with --image: both are the project's, so the rules' levels hold on both.
    assertThat(results(run, "WW-build-fails")).extracting(r -> r.get("properties").get("package").asText() + " " + r.get("level").asText())
        .containsExactly("psutil error");
    assertThat(results(run, "WW-source-build")).extracting(r -> r.get("level").asText()).containsOnly("warning");
    assertThat(results(run, "WW-source-build")).extracting(r -> r.get("properties").get("image").asText())
        .contains("python:3.12-slim", "python:3.12-alpine");
  }

  @Test
  void aDockerfileOnSlimReportsTheOtherImagesAsNotesAtItsLines() throws Exception {
    Path context = Shared.require("corpus/dockerfiles/lnbits__lnbits");
    JsonNode run = JSON.readTree(render("Dockerfile").toFile()).get("runs").get(0);
    List<String> dockerfile = Files.readAllLines(context.resolve("Dockerfile"));
    List<String> lock = Files.readAllLines(context.resolve("uv.lock"));
    int finalFrom = IntStream.range(0, dockerfile.size()).filter(i -> dockerfile.get(i).startsWith("FROM ")).max().getAsInt() + 1;
    Set<String> images = new HashSet<>();
    for (JsonNode r : run.get("results")) {
      String image = r.get("properties").get("image").asText();
      images.add(image);
      JsonNode location = r.get("locations").get(0).get("physicalLocation");
      String file = Path.of(URI.create(location.get("artifactLocation").get("uri").asText())).getFileName().toString();
      int line = location.get("region").get("startLine").asInt();
      if (r.get("properties").has("package")) {
        assertThat(file).isEqualTo("uv.lock");
        assertThat(lock.get(line)).isEqualTo("name = \"" + r.get("properties").get("package").asText() + "\"");
      } else {
        assertThat(file).isEqualTo("Dockerfile");
        assertThat(line).as("the FROM of the stage that runs uv sync").isEqualTo(finalFrom);
      }
      if (!image.equals("python:3.12-slim-bookworm")) {
        assertThat(r.get("level").asText()).as(image + " is compared, not used").isEqualTo("note");
        assertThat(r.get("message").get("text").asText()).contains("an image compared with the one this project uses");
      }
    }
    assertThat(images).contains("python:3.12-slim-bookworm", "python:3.12-alpine");
    assertThat(results(run, "WW-source-build")).filteredOn(r -> r.get("properties").get("image").asText().equals("python:3.12-slim-bookworm"))
        .isNotEmpty().allSatisfy(r -> assertThat(r.get("level").asText()).isEqualTo("warning"));
    // uv sync --all-extras takes the breez-sdk extras, which have no musl wheel and no sdist.
    assertThat(results(run, "WW-unavailable")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("properties").get("image").asText()).matches("python:3\\.1\\d-alpine.*"))
        .anySatisfy(r -> assertThat(r.get("properties").get("package").asText()).startsWith("breez-sdk"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"article", "uv.lock", "Dockerfile"})
  void theOfficialValidatorFindsNoErrorAndOnlyTheAcceptedWarning(String name) throws Exception {
    SarifMultitool.require();
    List<SarifMultitool.Complaint> complaints = SarifMultitool.validate(render(name));
    // Accepted: no informationUri, since wheelwise has no public page; a made-up one would be worse.
    // It also shows the validator read the file (it is silent about files it cannot read).
    assertThat(complaints).extracting(c -> c.ruleId() + " " + c.level() + " " + c.messageId() + " " + c.path())
        .containsExactly("SARIF2005 warning Warning_ProvideToolnformationUri runs[0].tool.driver");
  }

  private static synchronized Path render(String name) throws Exception {
    if (!RENDERED.containsKey(name)) {
      Path out = Files.createTempFile("check-" + name.replace('.', '-'), ".sarif");
      switch (name) {
        case "article" -> check(out, ARTICLE.toString(), "--offline", "--as-of", "2020-01-29");
        case "uv.lock" -> check(out, lock().toString(), "--image", "python:3.12-alpine", "--image", "python:3.12-slim");
        default -> check(out, Shared.require("corpus/dockerfiles/lnbits__lnbits").toString(), "--offline");
      }
      RENDERED.put(name, out);
    }
    return RENDERED.get(name);
  }

  private static Path lock() {
    return Shared.require("corpus/lockfiles/uv/Flexget__Flexget/uv.lock");
  }

  private static void check(Path output, String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "sarif", "--output", output.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(String.join(" ", all) + ": " + err).isZero();
    assertThat(out.toString()).as("--output: nothing on standard output").isEmpty();
  }

  private static List<JsonNode> results(JsonNode run, String ruleId) {
    List<JsonNode> out = new ArrayList<>();
    run.get("results").forEach(r -> {
      if (r.get("ruleId").asText().equals(ruleId)) {
        out.add(r);
      }
    });
    return out;
  }

  private static List<String> texts(List<JsonNode> results) {
    return results.stream().map(r -> r.get("message").get("text").asText()).toList();
  }

  private static List<String> fingerprints(JsonNode run) {
    List<String> out = new ArrayList<>();
    run.get("results").forEach(r -> out.add(r.get("partialFingerprints").get("wheelwiseFinding/v1").asText()));
    return out;
  }
}
