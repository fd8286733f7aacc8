package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.dockerfile.Dockerfile;
import dev.wheelwise.dockerfile.Instruction;
import dev.wheelwise.lint.Rule;
import dev.wheelwise.lint.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per rule under {@code src/test/resources/dev/wheelwise/lint/<CODE>/}:
 * {@code bad.Dockerfile} marks each instruction the rule must report with a comment
 * {@code # expect: CODE} right above it, and {@code good.Dockerfile} must give no finding of
 * that code. An {@code args} file holds extra lint flags (the wheel-aware rules' {@code --offline
 * --as-of}); otherwise the folder runs with {@code --no-wheels}. The positive and negative cases
 * of hadolint's rules follow their documentation (wiki DLxxxx pages) and the issues the rule
 * descriptions cite.
 */
class LintRulesTest {
  private static final Path ROOT = Path.of("src/test/resources/dev/wheelwise/lint");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> folders() throws IOException {
    return Files.list(ROOT).filter(p -> Files.isRegularFile(p.resolve("bad.Dockerfile"))).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void badIsReportedExactlyWhereMarked(Path folder) throws IOException {
    String code = folder.getFileName().toString();
    Path bad = folder.resolve("bad.Dockerfile");
    Set<Integer> expected = marked(bad, code);
    assertThat(expected).as("bad.Dockerfile marks at least one instruction").isNotEmpty();
    assertThat(reported(folder, bad, code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void goodIsClean(Path folder) throws IOException {
    String code = folder.getFileName().toString();
    assertThat(reported(folder, folder.resolve("good.Dockerfile"), code)).isEmpty();
  }

  @Test
  void everyRuleHasAFolder() throws IOException {
    Set<String> folders = new TreeSet<>(folders().map(p -> p.getFileName().toString()).toList());
    assertThat(folders).containsExactlyInAnyOrderElementsOf(Rules.ALL.stream().map(Rule::code).toList());
  }

  /** The first lines of the instructions marked {@code # expect: CODE}. */
  private static Set<Integer> marked(Path file, String code) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Dockerfile parsed = parse(file);
    Set<Integer> out = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("# expect: " + code)) {
        int markerLine = i + 1;
        out.add(parsed.instructions().stream().filter(ins -> ins.line() > markerLine).findFirst().orElseThrow().line());
      }
    }
    return out;
  }

  /** The first lines of the instructions lint reports {@code code} on. */
  private static Set<Integer> reported(Path folder, Path file, String code) throws IOException {
    List<String> args = new ArrayList<>(List.of("lint", "--format", "json", "--no-shellcheck", "--failure-threshold", "none"));
    Path extra = folder.resolve("args");
    if (Files.exists(extra)) {
      args.addAll(List.of(Files.readString(extra).strip().split("\\s+")));
    } else {
      args.add("--no-wheels");
    }
    args.add(file.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    Dockerfile parsed = parse(file);
    Set<Integer> lines = new TreeSet<>();
    for (JsonNode f : JSON.readTree(out.toString())) {
      if (f.path("code").asText().equals(code)) {
        int line = f.path("line").asInt();
        Instruction at = parsed.instructions().stream().filter(i -> i.line() <= line && line <= i.endLine()).findFirst().orElseThrow();
        lines.add(at.line());
      }
    }
    return lines;
  }

  private static Dockerfile parse(Path file) throws IOException {
    try {
      return Dockerfile.parse(file.toString(), Files.readAllBytes(file));
    } catch (dev.wheelwise.dockerfile.DockerfileParseError e) {
      throw new AssertionError(e.render(), e);
    }
  }
}
