package dev.wheelwise.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.testing.FuzzContract;
import dev.wheelwise.testing.LineOracle;

/**
 * Any text as a wheel (PEP 427) file name: a name, or {@link InvalidWheelFilename} with a span on it;
 * packaging 26.2's {@code parse_wheel_filename} reads the same name, version, build tag and
 * tags, or rejects it too (the comparison {@link FilenameDifferentialTest} makes on the corpus).
 */
class WheelFilenameFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    try {
      WheelFilename.parse(text, PipProfile.DEFAULT);
    } catch (InvalidWheelFilename e) {
      FuzzContract.spanInLine(e, text);
    }
    var ours = FilenameDifferentialTest.ours("wheel", text, PipProfile.DEFAULT);
    LineOracle.get().flatMap(o -> o.ask("wheel", text))
        .ifPresent(answer -> assertThat(ours).as("wheel name [%s] against packaging", text)
        .isEqualTo(FilenameDifferentialTest.theirs(answer)));
  }
}
