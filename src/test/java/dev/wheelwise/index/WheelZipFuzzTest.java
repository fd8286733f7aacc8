package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.List;

/**
 * Any bytes as a wheel read by offset (zip32 and zip64 central directories, then the one
 * METADATA member): its metadata and an installed size that is not negative, or
 * {@link IndexError}; the directory reader alone fails only with {@link IndexError} or the
 * reader's own {@link IOException}. Seeds are made by {@code fuzz/seeds/wheels.py}.
 */
class WheelZipFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void read(byte[] data) {
    ZipDirectory.Bytes file = IndexFuzzing.bytes(data);
    try {
      WheelMetadata.Read read = WheelMetadata.read(file, "fuzz.whl");
      assertThat(read.installedBytes()).isNotNegative();
    } catch (IndexError e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    try {
      List<ZipDirectory.Entry> entries = ZipDirectory.read(file, "fuzz.whl", 1 << 20);
      assertThat(ZipDirectory.installedBytes(entries)).isNotNegative();
    } catch (IndexError | IOException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
