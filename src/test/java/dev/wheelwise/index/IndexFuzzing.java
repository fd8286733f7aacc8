package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.util.Arrays;

/** What index fuzz targets check of a parsed page, and a wheel held in memory. */
final class IndexFuzzing {
  private IndexFuzzing() {}

  static void pageHolds(ProjectPage page) {
    assertThat(page.name()).isNotNull();
    for (DistFile f : page.files()) {
      assertThat(f.filename()).isNotEmpty();
      f.url().ifPresent(u -> assertThat(u).doesNotContain("user:secret"));
      if (f.size().isPresent()) {
        assertThat(f.size().getAsLong()).isNotNegative();
      }
    }
    page.sources().forEach(s -> assertThat(s.label()).doesNotContain("user:secret"));
  }

  /** The bytes as a whole file read by offset, as a wheel on disk or fetched by ranges. */
  static ZipDirectory.Bytes bytes(byte[] data) {
    return new ZipDirectory.Bytes() {
      @Override
      public long size() {
        return data.length;
      }

      @Override
      public byte[] read(long offset, int length) throws EOFException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
          throw new EOFException("bytes " + offset + "+" + length + " are outside the " + data.length + "-byte file");
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
      }
    };
  }
}
