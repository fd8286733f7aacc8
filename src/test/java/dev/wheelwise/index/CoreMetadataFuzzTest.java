package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheelwise.testing.FuzzContract;

/**
 * Any text as core metadata (METADATA / PKG-INFO, RFC 822 headers with continuation lines):
 * it reads without throwing; what it finds is checked where it is used (a name, a version,
 * Requires-Dist lines parsed as requirements by the resolver).
 */
class CoreMetadataFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] data) {
    CoreMetadata m = CoreMetadata.parse(FuzzContract.text(data));
    assertThat(m.requiresDist()).doesNotContainNull();
  }
}
