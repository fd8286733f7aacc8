package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.testing.FuzzContract;

/**
 * Any text as a PEP 508 marker: a marker that prints and evaluates (or fails with {@link MarkerEvaluationError}), or {@link InvalidMarker} with a span
 * on the text. (Markers meet packaging through {@link RequirementFuzzTest}.)
 */
class MarkerFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    try {
      Marker m = Marker.parse(text, PipProfile.DEFAULT);
      evaluates(m);
      // Printed as packaging prints it, values without re-escaping (its str() is not a fixed
      // point either: "a\\\\b" reads as a\\b and prints as "a\\b"); RequirementFuzzTest compares
      // the printed markers with packaging's.
      assertThat(m.toString(PipProfile.DEFAULT)).isNotBlank();
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
