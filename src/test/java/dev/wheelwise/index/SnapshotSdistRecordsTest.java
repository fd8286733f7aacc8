package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sdist classifications in the snapshot format: written per version, read back equal, announced
 * in the head so a reader can tell from a few KiB; a snapshot without any writes neither key,
 * so the embedded one keeps its bytes.
 */
class SnapshotSdistRecordsTest {

  private static Snapshot withRecord() {
    DistFile sdist = new DistFile("cext-1.0.tar.gz", Optional.empty(), Map.of("sha256", "ab".repeat(32)), Optional.empty(),
        DistFile.CoreMetadataRef.NONE, Yanked.UNKNOWN, java.util.OptionalLong.of(1234), Optional.empty());
    RecordedSdist record = new RecordedSdist("compiled", List.of("C"), List.of("setup.py mentions ext_modules"),
        "file:///srv/simple", LocalDate.of(2026, 12, 5));
    Snapshot.VersionFacts facts = new Snapshot.VersionFacts(true, List.of(sdist), List.of(), Optional.empty(),
        Map.of("cext-1.0.tar.gz", record));
    return new Snapshot("unknown", List.of("index file:///srv/simple"), Map.of("cext", Map.of("1.0", facts)), Map.of());
  }

  @Test
  void recordsRoundTripAndAreAnnouncedInTheHead() throws IOException {
    byte[] bytes = SnapshotCodec.write(withRecord());
    assertThat(SnapshotCodec.read(new ByteArrayInputStream(bytes))).isEqualTo(withRecord());
    assertThat(SnapshotCodec.sdistsRecorded(bytes)).isEqualTo(1);
    RecordedSdist back = LazySnapshot.of(bytes).versions("cext").orElseThrow().get("1.0").sdists().get("cext-1.0.tar.gz");
    assertThat(back.kind()).isEqualTo("compiled");
    assertThat(back.languages()).containsExactly("C");
    assertThat(back.date()).isEqualTo(LocalDate.of(2026, 12, 5));
  }

  @Test
  void aSnapshotWithoutRecordsHasNeitherKey() throws IOException {
    Snapshot plain = new Snapshot("unknown", List.of(), Map.of("cext", Map.of("1.0",
        new Snapshot.VersionFacts(false, List.of(), List.of(), Optional.empty()))), Map.of());
    byte[] bytes = SnapshotCodec.write(plain);
    assertThat(SnapshotCodec.sdistsRecorded(bytes)).isZero();
    String json = new String(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("sdists");
    assertThat(SnapshotCodec.sdistsRecorded(SnapshotCodec.embeddedBytes().orElseThrow())).isZero();
  }
}
