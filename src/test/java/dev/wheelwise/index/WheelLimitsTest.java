package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The wheel reader's limits (docs/DESIGN.md, "Limits") at one past them: a central directory
 * larger than the caller's bound is refused unread, and a METADATA member that claims more than
 * 64 MiB is refused before anything is inflated.
 */
class WheelLimitsTest {

  private static byte[] wheel() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("alpha/__init__.py"));
      zip.write("x = 1\n".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("alpha-1.0.dist-info/METADATA"));
      zip.write("Metadata-Version: 2.1\nName: alpha\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static int centralDirectorySize(byte[] zip) {
    int eocd = zip.length - 22;
    return ZipDirectory.le32(zip, eocd + 12);
  }

  @Test
  void aDirectoryOneBytePastTheBoundIsRefusedUnread() throws Exception {
    byte[] zip = wheel();
    int size = centralDirectorySize(zip);
    assertThat(ZipDirectory.read(IndexFuzzing.bytes(zip), "a.whl", size)).hasSize(2);
    assertThatThrownBy(() -> ZipDirectory.read(IndexFuzzing.bytes(zip), "a.whl", size - 1))
        .isInstanceOf(IndexError.class)
        .hasMessageContaining("central directory of " + size + " bytes, more than the " + (size - 1)
            + " read at most (wheelwise's limit; no option raises it)");
  }

  @Test
  void aMetadataMemberClaimingOneBytePast64MiBIsRefusedBeforeInflating() throws Exception {
    byte[] zip = wheel();
    assertThat(WheelMetadata.read(IndexFuzzing.bytes(zip), "a.whl").metadata().name()).isEqualTo("alpha");
    // the second central directory record is METADATA's: set its uncompressed size (offset 24)
    int cd = ZipDirectory.le32(zip, zip.length - 22 + 16);
    int second = cd + 46 + ZipDirectory.le16(zip, cd + 28) + ZipDirectory.le16(zip, cd + 30) + ZipDirectory.le16(zip, cd + 32);
    long past = (64L << 20) + 1;
    for (int i = 0; i < 4; i++) {
      zip[second + 24 + i] = (byte) (past >>> (8 * i));
    }
    assertThatThrownBy(() -> WheelMetadata.read(IndexFuzzing.bytes(zip), "a.whl"))
        .isInstanceOf(IndexError.class)
        .hasMessageContaining("is " + past + " bytes, more than any real METADATA (wheelwise's limit of 67108864 bytes; no option raises it)");
  }
}
