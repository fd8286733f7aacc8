package dev.wheelwise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real Dockerfile of the corpus parses and prints back byte for byte. */
class CorpusPrintBackTest {

  static List<CorpusCase> cases() throws Exception {
    return CorpusCase.all();
  }

  @Test
  void theManifestListsEveryCase() throws Exception {
    assertThat(cases()).hasSize(104);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesAndPrintsBackUnchanged(CorpusCase c) throws Exception {
    byte[] bytes = Files.readAllBytes(c.dockerfile());
    Dockerfile file = Dockerfile.parse(c.name() + "/" + c.dockerfilePath(), bytes);
    assertThat(file.print()).isEqualTo(bytes);
    assertThat(file.instructions()).isNotEmpty();
    assertThat(file.instructions().stream().filter(i -> i.is("FROM"))).isNotEmpty();
    int expectedOffset = 0;
    for (Element e : file.elements()) {
      assertThat(e.offset()).as("elements tile the file").isEqualTo(expectedOffset);
      expectedOffset += e.raw().length();
    }
  }
}
