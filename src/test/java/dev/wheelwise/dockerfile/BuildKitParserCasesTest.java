package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BuildKit's own parser test data (moby/buildkit {@code frontend/dockerfile/parser/testfiles}):
 * every positive case must dump exactly its {@code result}; every negative case must fail.
 */
class BuildKitParserCasesTest {

  static List<Path> positive() throws IOException {
    return cases("corpus/buildkit-parser-testfiles/testfiles");
  }

  static List<Path> negative() throws IOException {
    return cases("corpus/buildkit-parser-testfiles/testfiles-negative");
  }

  private static List<Path> cases(String dir) throws IOException {
    try (Stream<Path> s = Files.list(Shared.require(dir))) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void theCorpusHasAllCases() throws IOException {
    assertThat(positive()).hasSize(33);
    assertThat(negative()).hasSize(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positive")
  void dumpsExactlyBuildKitsResult(Path dir) throws Exception {
    byte[] bytes = Files.readAllBytes(dir.resolve("Dockerfile"));
    String expected = Files.readString(dir.resolve("result"), StandardCharsets.UTF_8).replace("\r\n", "\n");
    Dockerfile file = Dockerfile.parse(dir.getFileName() + "/Dockerfile", bytes);
    assertThat(file.dump() + "\n").isEqualTo(expected);
    assertThat(file.print()).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negative")
  void rejectsNegativeCasesWithLineAndMessage(Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve("Dockerfile"));
    assertThatThrownBy(() -> Dockerfile.parse(dir.getFileName() + "/Dockerfile", bytes))
        .isInstanceOf(DockerfileParseError.class)
        .satisfies(e -> {
          DockerfileParseError error = (DockerfileParseError) e;
          assertThat(error.span().line()).isPositive();
          assertThat(error.plainMessage()).isIn(
              "file with no instructions",
              "ENV must have two arguments",
              Arguments.NOT_STRING_ARRAY);
        });
  }
}
