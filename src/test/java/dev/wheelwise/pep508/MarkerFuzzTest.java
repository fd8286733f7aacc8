package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.testing.FuzzContract;

/**
 * Any text as a PEP 508 marker: a marker that prints to a text reparsing to the same print and
 * evaluates (or fails with {@link MarkerEvaluationError}), or {@link InvalidMarker} with a span
 * on the text. (Markers meet packaging through {@link RequirementFuzzTest}.)
 */
class MarkerFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    try {
      Marker m = Marker.parse(text, PipProfile.DEFAULT);
      evaluates(m);
      String printed = m.toString(PipProfile.DEFAULT);
      assertThat(Marker.parse(printed, PipProfile.DEFAULT).toString(PipProfile.DEFAULT))
          .as("printed marker of [%s] reparses to itself", text).isEqualTo(printed);
    } catch (InvalidMarker e) {
      FuzzContract.spanInLine(e, text);
    }
  }

  static void evaluates(Marker m) {
    try {
      m.evaluate(MarkerEnvironment.linuxCPython(3, 12, 1, "x86_64"), PipProfile.DEFAULT);
    } catch (MarkerEvaluationError e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
