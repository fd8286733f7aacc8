package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.testing.FuzzContract;
import dev.wheelwise.testing.LineOracle;

/**
 * Any text as an sdist file name: a name, or {@link InvalidSdistFilename} with a span on it;
 * packaging 26.2's {@code parse_sdist_filename} reads the same name, version, build tag and
 * tags, or rejects it too (the comparison {@link FilenameDifferentialTest} makes on the corpus).
 */
class SdistFilenameFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    try {
      SdistFilename.parse(text);
    } catch (InvalidSdistFilename e) {
      FuzzContract.spanInLine(e, text);
    }
    var ours = FilenameDifferentialTest.ours("sdist", text, PipProfile.DEFAULT);
    LineOracle.get().flatMap(o -> o.ask("sdist", text))
        .ifPresent(answer -> assertThat(ours).as("sdist name [%s] against packaging", text)
        .isEqualTo(FilenameDifferentialTest.theirs(answer)));
  }
}
