package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a PEP 691 project page (JSON): a page whose files all have names, sizes that are
 * not negative and URLs without user info, or {@link IndexError}.
 */
class SimpleJsonFuzzTest {

  private static final String URL = "https://user:secret@index.example/simple/alpha/";

  @FuzzTest(maxDuration = "10s")
  void translate(byte[] data) {
    try {
      IndexFuzzing.pageHolds(new SimpleJsonTranslator().translate(data, URL, Source.index(URL), true));
    } catch (IndexError e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("user:secret");
    }
  }
}
