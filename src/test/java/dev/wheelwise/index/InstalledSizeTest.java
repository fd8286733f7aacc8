package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wheel's installed size read from its zip central directory by byte ranges, against Python's
 * {@code zipfile} as the oracle, from a real loopback server; a server that ignores ranges is
 * not downloaded from; the sizes are kept in the cache folder by the wheel's sha256.
 */
class InstalledSizeTest {
  private static final PythonWheels.Spec MIXED = new PythonWheels.Spec("mixed-1.0-py3-none-any.whl", List.of(
      new PythonWheels.Member("mixed-1.0.dist-info/METADATA", 60, false, true),
      new PythonWheels.Member("mixed/noise.bin", 300_000, true, false),
      new PythonWheels.Member("mixed/text.txt", 2_000_000, false, true)), 12);
  private static final PythonWheels.Spec ZIP64 = new PythonWheels.Spec("many-1.0-py3-none-any.whl", List.of(), 70_000);
  private static final PythonWheels.Spec EMPTY = new PythonWheels.Spec("empty-1.0-py3-none-any.whl", List.of(), 0);
  private static final PythonWheels.Spec BIG = new PythonWheels.Spec("big-1.0-py3-none-any.whl",
      List.of(new PythonWheels.Member("big/blob.bin", 24 << 20, true, false)), 0);
  @TempDir static Path wheelsDir;
  private static Map<String, PythonWheels.Wheel> wheels;

  LoopbackIndex server;
  final AtomicInteger ranged = new AtomicInteger();
  final AtomicInteger whole = new AtomicInteger();
  final AtomicLong served = new AtomicLong();

  @BeforeAll
  static void write() throws Exception {
    wheels = PythonWheels.write(wheelsDir, List.of(MIXED, ZIP64, EMPTY, BIG));
  }

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackIndex(null);
  }

  @AfterEach
  void stop() {
    if (server != null) { // start skipped: ../shared or the local index is absent
      server.close();
    }
  }

  private List<DistFile> serve(boolean ranges, PythonWheels.Spec... specs) {
    List<DistFile> files = new ArrayList<>();
    for (PythonWheels.Spec s : specs) {
      byte[] body = wheels.get(s.filename()).bytes();
      server.override("/files/" + s.filename(), (ex, n) -> LoopbackIndex.sendFile(ex, body, ranges, whole, ranged, served));
      files.add(new DistFile(s.filename(), Optional.of(server.base() + "/files/" + s.filename()), Map.of("sha256", LoopbackIndex.sha256(body)),
          Optional.empty(), DistFile.CoreMetadataRef.NONE, Yanked.NO, OptionalLong.of(body.length), Optional.empty()));
    }
    return files;
  }

  private Map<DistFile, InstalledSize> measure(List<DistFile> files, Optional<Path> cache) {
    HttpSettings http = HttpSettings.defaults(cache).withBackoff(Duration.ofMillis(10)).withCallTimeout(Duration.ofSeconds(20));
    try (IndexClient c = IndexClientTest.client(server.base() + "/simple", http)) {
      return c.installedSizes(files);
    }
  }

  private static long python(DistFile f) {
    return wheels.get(f.filename()).installed();
  }

  @Test
  void theInstalledSizeIsPythonsSumOfTheDirectorysEntriesZip64Included() {
    List<DistFile> files = serve(true, MIXED, ZIP64, EMPTY);
    Map<DistFile, InstalledSize> sizes = measure(files, Optional.empty());
    for (DistFile f : files) {
      assertThat(sizes.get(f).failure()).as(f.filename()).isEmpty();
      assertThat(sizes.get(f).bytes()).as(f.filename()).hasValue(python(f));
    }
    assertThat(python(files.get(0))).as("the oracle counts uncompressed bytes").isGreaterThan(files.get(0).size().getAsLong());
    assertThat(whole.get()).isZero();
    long wheelBytes = files.stream().mapToLong(f -> f.size().getAsLong()).sum();
    System.out.printf("installed sizes of %d wheels (%d bytes) read with %d byte ranges, %d bytes%n", files.size(), wheelBytes,
        ranged.get(), served.get());
    assertThat(served.get()).as("the mixed wheel's members are not read").isLessThan(wheelBytes);
  }

  @Test
  void aServerThatIgnoresRangesIsNotDownloadedFrom() {
    DistFile big = serve(false, BIG).get(0);
    InstalledSize size = measure(List.of(big), Optional.empty()).get(big);
    assertThat(size.bytes()).isEmpty();
    assertThat(size.failure()).hasValueSatisfying(e -> {
      assertThat(e.rangesRefused()).isTrue();
      assertThat(e.getMessage()).contains("does not answer byte ranges");
    });
    assertThat(whole.get()).isEqualTo(1);
    System.out.printf("a %d-byte wheel from a server without ranges: %d bytes sent before the client hung up%n",
        big.size().getAsLong(), served.get());
    assertThat(served.get()).as("the wheel was not downloaded").isLessThan(big.size().getAsLong() / 2);
  }

  @Test
  void theCacheAnswersTheNextRunAndACorruptEntryIsMeasuredAgain(@TempDir Path cache) throws Exception {
    List<DistFile> files = serve(true, MIXED, ZIP64);
    measure(files, Optional.of(cache));
    int first = ranged.get();
    assertThat(first).isPositive();
    Map<DistFile, InstalledSize> again = measure(files, Optional.of(cache));
    assertThat(ranged.get()).as("no range request the second time").isEqualTo(first);
    files.forEach(f -> assertThat(again.get(f).bytes()).hasValue(python(f)));
    Path entry = cache.resolve("installed-size").resolve(files.get(0).hashes().get("sha256"));
    assertThat(entry).hasContent(Long.toString(python(files.get(0))));
    Files.writeString(entry, "12 not a size");
    assertThat(measure(files, Optional.of(cache)).get(files.get(0)).bytes()).hasValue(python(files.get(0)));
    assertThat(ranged.get()).as("only the corrupt entry is read again").isGreaterThan(first);
    assertThat(entry).hasContent(Long.toString(python(files.get(0))));
  }
}
