package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A stated length is a hint for one allocation, never a limit or a promise. */
class SizedReadTest {
  private static final byte[] TEN = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void readsWholeStreamWhateverLengthIsStated() throws IOException {
    for (long stated : new long[] {-1, 0, 3, 9, 10, 11, 1_000, Long.MAX_VALUE}) {
      assertThat(SizedRead.readAll(new ByteArrayInputStream(TEN), stated)).as("stated %d", stated).isEqualTo(TEN);
    }
  }

  @Test
  void snapshotInTwoGzipMembersIsReadWhole() throws IOException {
    // The trailer then states only the last member's size; the read must not stop there.
    String json = "{\"schema\":\"" + Snapshot.SCHEMA + "\",\"date\":\"2020-01-29\",\"projects\":{\"Numpy\":{}},\"releaseDates\":{}}";
    int cut = json.length() / 2;
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(gzip(json.substring(0, cut)));
    both.write(gzip(json.substring(cut)));
    LazySnapshot read = LazySnapshot.of(both.toByteArray());
    assertThat(read.date()).isEqualTo("2020-01-29");
    assertThat(read.projectCount()).isEqualTo(1);
  }

  @Test
  void embeddedBytesAreTheResourceFile() throws IOException {
    Path resource = Path.of("src/main/resources/dev/wheelwise/index/snapshot.json.gz");
    assertThat(SnapshotCodec.embeddedBytes()).hasValueSatisfying(b -> assertThat(b).isEqualTo(readAll(resource)));
  }

  private static byte[] readAll(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
