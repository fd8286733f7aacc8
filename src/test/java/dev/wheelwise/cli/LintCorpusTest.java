package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Dockerfile of ../shared/corpus/dockerfiles: lint (static rules) exits 0 or 1, never
 * crashes, and its JSON and SARIF parse, with a finding's line inside the file.
 */
class LintCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCorpusDockerfileLintsToValidJsonAndSarif() throws IOException {
    Path corpus = Shared.require("corpus/dockerfiles");
    List<Path> files;
    try (Stream<Path> all = Files.walk(corpus)) {
      files = all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith("Dockerfile")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    int withFindings = 0;
    for (Path file : files) {
      long lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1).size();
      for (String format : List.of("json", "sarif")) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"lint", "--no-wheels", "--no-shellcheck", "--format", format, file.toString()},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(file + " " + format + ": " + err).isIn(0, 1);
        JsonNode parsed = JSON.readTree(out.toString());
        if (format.equals("json")) {
          withFindings += parsed.isEmpty() ? 0 : 1;
          for (JsonNode f : parsed) {
            assertThat(f.path("line").asInt()).as(file + " " + f).isBetween(1, (int) lines + 1);
          }
        } else {
          assertThat(parsed.path("version").asText()).isEqualTo("2.1.0");
          assertThat(parsed.path("runs").path(0).path("results").size()).isEqualTo(
              JSON.readTree(run(file)).size());
        }
      }
    }
    assertThat(withFindings).as("the corpus is real-world: most files have findings").isGreaterThan(files.size() / 2);
  }

  private static String run(Path file) {
    StringWriter out = new StringWriter();
    Main.execute(new String[] {"lint", "--no-wheels", "--no-shellcheck", "--format", "json", file.toString()},
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    return out.toString();
  }
}
