package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.testing.FuzzContract;
import dev.wheelwise.testing.LineOracle;

/**
 * Any text as a PEP 440 version: a version whose normal form reparses equal, or
 * {@link InvalidVersion} with a span on the text; packaging 26.2 (the default profile's)
 * accepts exactly the same texts and normalizes them alike.
 */
class VersionFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    String ours = null;
    try {
      Version v = Version.parse(text);
      ours = v.toString();
      assertThat(Version.parse(ours)).as("normal form of [%s] reparses equal", text).isEqualTo(v);
    } catch (InvalidVersion e) {
      FuzzContract.spanInLine(e, text);
    }
    String mine = ours;
    LineOracle.get().flatMap(o -> o.ask("version", text))
        .ifPresent(answer -> assertThat(mine).as("version [%s] against packaging", text)
        .isEqualTo(LineOracle.textOrNull(answer)));
  }
}
