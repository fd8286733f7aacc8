package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wheel's METADATA read from the wheel itself when the index offers no metadata file: by byte
 * ranges from a real loopback server (the bytes pip would download, fetched in part), whole and
 * hash-checked from a server that ignores ranges, and from a find-links folder on disk.
 */
class WheelMetadataTest {
  private static final String NAME = "attrs-25.4.0-py3-none-any.whl";
  private static final String METADATA = "Metadata-Version: 2.4\nName: attrs\nVersion: 25.4.0\nRequires-Python: >=3.9\n"
      + "Requires-Dist: cloudpickle; platform_python_implementation == \"CPython\" and extra == \"tests\"\n\nbody\n";
  LoopbackIndex server;
  final AtomicInteger ranged = new AtomicInteger();
  final AtomicInteger whole = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackIndex(null);
  }

  @AfterEach
  void stop() {
    if (server != null) { // start skipped: ../shared or the local index is absent
      server.close();
    }
  }

  /** A wheel with METADATA first and {@code padding} incompressible bytes after it, so it is not in the last 64 KiB. */
  static byte[] wheel(int padding, int emptyEntries, String... infoDirs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String dir : infoDirs) {
        zip.putNextEntry(new ZipEntry(dir + "/METADATA"));
        zip.write(METADATA.getBytes(StandardCharsets.UTF_8));
      }
      byte[] noise = new byte[padding];
      new Random(658).nextBytes(noise);
      zip.putNextEntry(new ZipEntry("attrs/_noise.bin"));
      zip.write(noise);
      for (int i = 0; i < emptyEntries; i++) {
        zip.putNextEntry(new ZipEntry("attrs/e" + i));
      }
    }
    return bytes.toByteArray();
  }

  private DistFile serve(byte[] wheel, boolean ranges, String sha256) {
    server.override("/files/" + NAME, (ex, n) -> LoopbackIndex.sendFile(ex, wheel, ranges, whole, ranged));
    return new DistFile(NAME, Optional.of(server.base() + "/files/" + NAME), Map.of("sha256", sha256), Optional.empty(),
        DistFile.CoreMetadataRef.NONE, Yanked.NO, OptionalLong.of(wheel.length), Optional.empty());
  }

  private CoreMetadata read(DistFile file) throws IndexError {
    try (IndexClient c = IndexClientTest.client(server.base() + "/simple", IndexClientTest.fast())) {
      return c.wheelMetadata(file);
    }
  }

  @Test
  void metadataBeyondTheLastChunkIsFetchedByASecondRange() throws Exception {
    byte[] wheel = wheel(300_000, 0, "attrs-25.4.0.dist-info");
    CoreMetadata md = read(serve(wheel, true, LoopbackIndex.sha256(wheel)));
    assertThat(md).isEqualTo(CoreMetadata.parse(METADATA));
    assertThat(md.requiresPython()).contains(">=3.9");
    assertThat(ranged.get()).as("the tail, then the entry").isEqualTo(2);
    assertThat(whole.get()).isZero();
  }

  @Test
  void zip64EndRecordsAreFollowed() throws Exception {
    byte[] wheel = wheel(10, 70_000, "attrs-25.4.0.dist-info");
    assertThat(read(serve(wheel, true, LoopbackIndex.sha256(wheel))).requiresDist()).hasSize(1);
  }

  @Test
  void aServerWithoutRangesSendsTheWholeWheelWhichMustMatchItsHash() throws Exception {
    byte[] wheel = wheel(300_000, 0, "attrs-25.4.0.dist-info");
    assertThat(read(serve(wheel, false, LoopbackIndex.sha256(wheel))).name()).isEqualTo("attrs");
    assertThat(whole.get()).isEqualTo(1);
    DistFile wrong = serve(wheel, false, LoopbackIndex.sha256(new byte[0]));
    assertThatThrownBy(() -> read(wrong)).isInstanceOf(IndexError.class).hasMessageContaining("/files/" + NAME + ": sha256 mismatch");
  }

  @Test
  void aWheelNeedsExactlyOneDistInfoFolder() throws Exception {
    byte[] two = wheel(10, 0, "attrs-25.4.0.dist-info", "other-1.0.dist-info");
    assertThatThrownBy(() -> read(serve(two, true, LoopbackIndex.sha256(two)))).isInstanceOf(IndexError.class)
        .hasMessageContaining("not a readable wheel: several .dist-info folders [attrs-25.4.0.dist-info, other-1.0.dist-info]");
    byte[] notAZip = "not a zip".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(serve(notAZip, true, LoopbackIndex.sha256(notAZip)))).isInstanceOf(IndexError.class)
        .hasMessageContaining("not a readable wheel: no end of central directory record");
  }

  @Test
  void aFindLinksFolderWheelIsReadFromDisk(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve(NAME), wheel(300_000, 0, "attrs-25.4.0.dist-info"));
    try (IndexClient c = new IndexClient(new IndexSettings(server.base() + "/simple", List.of(), List.of(dir.toString()), true,
        IndexSettings.Strategy.MERGE_ALL), IndexClientTest.fast(), Netrc.EMPTY)) {
      DistFile file = c.project("attrs").orElseThrow().files().get(0);
      assertThat(c.wheelMetadata(file)).isEqualTo(CoreMetadata.parse(METADATA));
    }
    assertThat(server.pathsSeen()).isEmpty();
  }
}
