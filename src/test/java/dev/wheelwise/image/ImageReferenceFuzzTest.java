package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.testing.FuzzContract;

/**
 * Any text as an image reference (FROM lines, --image): a reference whose printed form parses
 * back to itself, or {@link InvalidImageReference} with a span on the text.
 */
class ImageReferenceFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    String text = FuzzContract.text(data);
    try {
      ImageReference ref = ImageReference.parse(text);
      assertThat(ImageReference.parse(ref.toString())).as("printed form of [%s]", text).isEqualTo(ref);
    } catch (InvalidImageReference e) {
      FuzzContract.spanInLine(e, text);
    }
  }
}
