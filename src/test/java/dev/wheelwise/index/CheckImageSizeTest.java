package dev.wheelwise.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.advise.ImageCandidate;
import dev.wheelwise.cli.Main;
import dev.wheelwise.cost.ImageSizeModel;
import dev.wheelwise.cost.WheelRatios;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wheelwise check requirements.txt --index-url http://127.0.0.1:PORT/simple --format json}
 * end to end: the image size counts each chosen wheel's installed size read from its zip central
 * directory by byte ranges (Python's {@code zipfile} says what that size is); a server without
 * byte ranges leaves the calibrated ratio and is not downloaded from; a second run with the same
 * {@code --cache-dir} asks for no range at all.
 */
class CheckImageSizeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** An image whose uncompressed size the catalog records (python:3.12-slim's it does not: its total is unknown). */
  private static final String IMAGE = "python:3.8-slim-buster";
  private static final List<PythonWheels.Spec> SPECS = List.of(
      new PythonWheels.Spec("alpha-1.0-py3-none-any.whl", List.of(
          new PythonWheels.Member("alpha-1.0.dist-info/METADATA", 40, false, true),
          new PythonWheels.Member("alpha/noise.bin", 300_000, true, false),
          new PythonWheels.Member("alpha/text.txt", 3_000_000, false, true)), 20),
      new PythonWheels.Spec("bravo-2.0-py3-none-any.whl", List.of(
          new PythonWheels.Member("bravo-2.0.dist-info/METADATA", 40, false, true),
          new PythonWheels.Member("bravo/blob.bin", 24 << 20, true, false)), 0));
  @TempDir static Path wheelsDir;
  private static Map<String, PythonWheels.Wheel> wheels;

  /** What the wheel files were asked for: whole answers, byte ranges, body bytes sent. */
  private record Traffic(AtomicInteger whole, AtomicInteger ranged, AtomicLong served) {}

  private record Run(int code, JsonNode summary, String err) {
    long low() {
      return summary.get("estimatedImageBytesRange").get("low").asLong();
    }

    long high() {
      return summary.get("estimatedImageBytesRange").get("high").asLong();
    }

    List<String> notes() {
      List<String> out = new ArrayList<>();
      summary.get("sizeNotes").forEach(n -> out.add(n.asText()));
      return out;
    }
  }

  @BeforeAll
  static void write() throws Exception {
    wheels = PythonWheels.write(wheelsDir, SPECS);
  }

  /** Serves alpha and bravo as PEP 691 pages with PEP 658 metadata files (so resolving reads no wheel). */
  private static Traffic serve(LoopbackIndex index, boolean ranges) throws Exception {
    Traffic traffic = new Traffic(new AtomicInteger(), new AtomicInteger(), new AtomicLong());
    for (PythonWheels.Spec s : SPECS) {
      String[] nameVersion = s.filename().split("-");
      byte[] wheel = wheels.get(s.filename()).bytes();
      byte[] metadata = ("Metadata-Version: 2.1\nName: " + nameVersion[0] + "\nVersion: " + nameVersion[1] + "\n")
          .getBytes(StandardCharsets.UTF_8);
      index.override("/files/" + s.filename(),
          (ex, n) -> LoopbackIndex.sendFile(ex, wheel, ranges, traffic.whole(), traffic.ranged(), traffic.served()));
      index.override("/files/" + s.filename() + ".metadata", (ex, n) -> LoopbackIndex.send(ex, 200, "text/plain", metadata));
      byte[] page = JSON.writeValueAsBytes(Map.of("meta", Map.of("api-version", "1.1"), "name", nameVersion[0], "versions",
          List.of(nameVersion[1]), "files", List.of(Map.of("filename", s.filename(), "url", "../../files/" + s.filename(),
              "hashes", Map.of("sha256", LoopbackIndex.sha256(wheel)), "size", wheel.length,
              "core-metadata", Map.of("sha256", LoopbackIndex.sha256(metadata))))));
      index.override("/simple/" + nameVersion[0] + "/", (ex, n) -> LoopbackIndex.send(ex, 200, "application/vnd.pypi.simple.v1+json", page));
    }
    return traffic;
  }

  private static Run check(LoopbackIndex index, Path tmp, String... cache) throws Exception {
    Path req = tmp.resolve("requirements.txt");
    Files.writeString(req, "alpha\nbravo==2.0\n");
    List<String> args = new ArrayList<>(List.of("check", req.toString(), "--index-url", index.base() + "/simple", "--image", IMAGE,
        "--isolated", "--format", "json", "--overlay", tmp.resolve("no-overlay.json").toString()));
    args.addAll(List.of(cache));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    JsonNode image = JSON.readTree(out.toString()).get("images").get(0);
    assertThat(image.get("verdict").asText()).as(err.toString()).isEqualTo("wheels");
    assertThat(image.get("summary").get("estimatedImageBytesRange").isObject()).as("a size range: %s", image).isTrue();
    return new Run(code, image.get("summary"), err.toString());
  }

  private static long base() throws Exception {
    ImageFacts facts = ImageFacts.of(Catalog.bundled().resolve(ImageReference.parse(IMAGE), Optional.empty()), Platform.parse("linux/amd64"));
    return ImageCandidate.of(facts, List.of()).baseBytes().orElseThrow();
  }

  private static long sum(java.util.function.ToLongFunction<PythonWheels.Wheel> f) {
    return wheels.values().stream().mapToLong(f).sum();
  }

  @Test
  void theSizeRangeCountsTheInstalledSizesReadFromTheZipDirectories(@TempDir Path tmp) throws Exception {
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      Traffic traffic = serve(index, true);
      Run run = check(index, tmp, "--no-cache");
      assertThat(run.code()).as(run.err()).isZero();
      // The members as measured, plus the bytecode pip compiles from them: the band of the
      // wheel's kind, as the directory does not say how much of it is .py.
      long low = 0;
      long high = 0;
      for (Map.Entry<String, PythonWheels.Wheel> w : wheels.entrySet()) {
        WheelRatios.Band bytecode = WheelRatios.load().bytecodePerMemberByte(w.getKey());
        long members = w.getValue().installed();
        low += members + Math.round(members * bytecode.low());
        high += members + Math.round(members * bytecode.high());
      }
      assertThat(high).isGreaterThan(low);
      assertThat(run.low()).isEqualTo(base() + low);
      assertThat(run.high()).isEqualTo(base() + high);
      assertThat(run.summary().get("estimatedImageBytes").isNull()).as("a range, not one number").isTrue();
      assertThat(run.notes()).containsExactly("2 wheel(s) installed: 2 measured from their zip directory, 0 estimated from file size");
      assertThat(traffic.whole().get()).isZero();
      System.out.printf("check measured 2 wheels (%d bytes) with %d byte ranges, %d bytes read%n", sum(w -> w.bytes().length),
          traffic.ranged().get(), traffic.served().get());
    }
  }

  @Test
  void aServerWithoutByteRangesLeavesTheRatioAndIsNotDownloadedFrom(@TempDir Path tmp) throws Exception {
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      Traffic traffic = serve(index, false);
      Run run = check(index, tmp, "--no-cache");
      assertThat(run.code()).as("not an error of the check: " + run.err()).isZero();
      assertThat(run.err()).doesNotContain("error:");
      // Pure wheels known by file size: × the fitted installed/file band of pure wheels.
      dev.wheelwise.cost.WheelRatios.Band pure = dev.wheelwise.cost.WheelRatios.load().installed(dev.wheelwise.cost.WheelRatios.Kind.PURE);
      assertThat(run.low()).isEqualTo(base() + wheels.values().stream().mapToLong(w -> Math.round(w.bytes().length * pure.low())).sum());
      assertThat(run.high()).isEqualTo(base() + wheels.values().stream()
          .mapToLong(w -> Math.round(w.bytes().length * pure.high())).sum());
      assertThat(run.notes()).hasSize(2);
      assertThat(run.notes().get(0)).isEqualTo("2 wheel(s) installed: 0 measured from their zip directory, 2 estimated from file size");
      assertThat(run.notes().get(1)).startsWith("the index does not answer byte ranges (" + index.base() + "/files/")
          .endsWith("2 wheel(s) estimated from file size rather than downloaded to measure");
      assertThat(traffic.whole().get()).as("one request per wheel, each cut short").isEqualTo(2);
      long files = sum(w -> w.bytes().length);
      assertThat(traffic.served().get()).as("bytes sent of %d", files).isLessThan(files / 2);
    }
  }

  @Test
  void aSecondRunWithTheSameCacheDirAsksForNoRange(@TempDir Path tmp) throws Exception {
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      Traffic traffic = serve(index, true);
      String cache = tmp.resolve("cache").toString();
      Run first = check(index, tmp, "--cache-dir", cache);
      int ranges = traffic.ranged().get();
      assertThat(ranges).isPositive();
      Run second = check(index, tmp, "--cache-dir", cache);
      assertThat(traffic.ranged().get()).as("byte ranges asked by the second run").isEqualTo(ranges);
      assertThat(second.summary().get("estimatedImageBytesRange")).isEqualTo(first.summary().get("estimatedImageBytesRange"));
      assertThat(second.notes()).isEqualTo(first.notes());
    }
  }
}
