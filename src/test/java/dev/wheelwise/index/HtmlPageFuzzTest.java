package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a PEP 503 project page: a page whose files all have names and whose URLs carry
 * no user info (credentials never travel into reports), or {@link IndexError}.
 */
class HtmlPageFuzzTest {

  private static final String URL = "https://user:secret@index.example/simple/alpha/";

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    try {
      ProjectPage page = new HtmlPageParser().parse(data, URL, "alpha", Source.index(URL));
      IndexFuzzing.pageHolds(page);
    } catch (IndexError e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("user:secret");
    }
  }
}
