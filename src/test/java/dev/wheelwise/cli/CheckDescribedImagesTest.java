package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images the catalog cannot place, or knows no Python for, compared once the user describes
 * them ({@code --python}, {@code --libc}), as the catalog's own messages say; and files named on
 * the command line that cannot be written are usage errors, not stack traces.
 */
class CheckDescribedImagesTest {

  private record Run(int code, String out, String err) {}

  private static Run check(String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anImageWithoutPythonInTheCatalogKeepsItsOtherFactsWhenItsPythonIsGiven() throws Exception {
    String pinned = "examples/alpine-article/pinned/requirements.txt";
    Run unknown = check(pinned, "--offline", "--image", "ubuntu:24.04", "--format", "json");
    JsonNode before = new ObjectMapper().readTree(unknown.out()).get("images").get(0);
    assertThat(before.get("verdict").asText()).isEqualTo("unknown");
    assertThat(before.get("remarks").toString()).contains("describe it with --python X.Y --libc glibc-X.Y|musl-1.Y");

    Run given = check(pinned, "--offline", "--image", "ubuntu:24.04", "--python", "3.12", "--format", "json");
    assertThat(given.code()).as(given.err()).isZero();
    JsonNode image = new ObjectMapper().readTree(given.out()).get("images").get(0);
    assertThat(image.get("python").asText()).isEqualTo("3.12");
    assertThat(image.get("libc").asText() + " " + image.get("libcVersion").asText()).isEqualTo("glibc 2.39");
    assertThat(image.get("remarks").toString()).contains("ubuntu:24.04 described as having CPython 3.12 (given, not checked)");
    // apt from the record names the build packages: the description did not drop it.
    assertThat(image.get("summary").get("systemPackages").toString()).contains("build-essential");
  }

  @Test
  void aPrivateBaseIsComparedAsDescribedBesideThePythonImagesOfItsPython(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM registry.example/corp/base:1\nRUN pip install six==1.16.0\n");
    Run unplaced = check(dir.toString(), "--offline", "--format", "json");
    assertThat(lines(unplaced)).contains("registry.example/corp/base:1 unknown unknown");

    Run described = check(dir.toString(), "--offline", "--python", "3.11", "--libc", "musl-1.2", "--format", "json");
    assertThat(described.code()).as(described.err()).isZero();
    List<String> images = lines(described);
    assertThat(images).contains("registry.example/corp/base:1 3.11 wheels");
    assertThat(images).anyMatch(i -> i.startsWith("python:3.11-slim 3.11."));

    assertThat(check(dir.toString(), "--offline", "--python", "3.11").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(check(dir.toString(), "--offline", "--python", "eleven", "--libc", "musl-1.2").err())
        .contains("--python: expected a CPython 3 version");
  }

  /** {@code image python verdict} per image compared. */
  private static List<String> lines(Run run) throws Exception {
    List<String> images = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).get("images")
        .forEach(i -> images.add(i.get("image").asText() + " " + i.get("python").asText() + " " + i.get("verdict").asText()));
    return images;
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsAUsageErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-folder").resolve("report.json");
    Run run = check("examples/alpine-article/pinned", "--offline", "--format", "json", "--output", missing.toString());
    assertThat(run.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err().strip()).isEqualTo("error: " + missing + ": no such file or folder");
  }
}
