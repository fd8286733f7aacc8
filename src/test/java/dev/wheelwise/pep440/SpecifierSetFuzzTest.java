package dev.wheelwise.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.testing.FuzzContract;
import dev.wheelwise.testing.LineOracle;

/**
 * Any text as a PEP 440 specifier set: a set, or {@link InvalidSpecifier} with a span on the
 * text; packaging 26.2 accepts exactly the same texts and prints the sets alike.
 */
class SpecifierSetFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    String ours = null;
    try {
      ours = SpecifierSet.parse(text).toString();
    } catch (InvalidSpecifier e) {
      FuzzContract.spanInLine(e, text);
    }
    String mine = ours;
    LineOracle.get().flatMap(o -> o.ask("specifier", text))
        .ifPresent(answer -> assertThat(mine).as("specifier set [%s] against packaging", text)
        .isEqualTo(LineOracle.textOrNull(answer)));
  }
}
