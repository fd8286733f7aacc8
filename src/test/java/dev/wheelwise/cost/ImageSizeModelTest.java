package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cost.KnowledgeFiles.ObservationRow;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image-size model, and its calibrations recomputed from ../shared. */
class ImageSizeModelTest {

  private final ImageSizeModel model = new ImageSizeModel();

  private static long catalogAmd64Bytes(String tag) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Shared.require("catalog/base-images.json").toFile());
    for (JsonNode image : root.get("images")) {
      for (JsonNode t : image.get("tags")) {
        if (t.asText().equals(tag)) {
          for (JsonNode p : image.get("platforms")) {
            if (p.get("platform").asText().equals("linux/amd64") && !p.get("uncompressedBytes").isNull()) {
              return p.get("uncompressedBytes").asLong();
            }
          }
        }
      }
    }
    throw new AssertionError("catalog has no amd64 uncompressed size for " + tag);
  }

  private static double articleImageMb(String image) throws IOException {
    for (String line : Files.readAllLines(Shared.require("knowledge/compile-times.tsv"), StandardCharsets.UTF_8)) {
      if (line.contains("pythonspeed.com") && line.contains(image)) {
        Matcher m = Pattern.compile(Pattern.quote(image) + ".*?\\b(\\d+) MB").matcher(line);
        if (m.find()) {
          return Double.parseDouble(m.group(1));
        }
      }
    }
    throw new AssertionError("no article size for " + image);
  }

  private static double pipLogWheelMb(String file) throws IOException {
    String notes = Files.readString(Shared.require("corpus/index-facts/NOTES.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile(Pattern.quote(file) + " ([\\d.]+) MB").matcher(notes);
    assertThat(m.find()).as(file).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void sdistToWheelRatiosComeFromCompileTimesTsv() throws IOException {
    List<ObservationRow> rows = KnowledgeGenerator.compileTimes(Shared.require("knowledge")).rows();
    ObservationRow gevent = rows.stream().filter(r -> r.wheelBytes() != null && r.label().equals("gevent")).findFirst().orElseThrow();
    double high = (double) gevent.wheelBytes() / gevent.sdistBytes().get("gevent");
    ObservationRow mplWheel = rows.stream().filter(r -> r.wheelBytes() != null && r.label().equals("matplotlib")).findFirst().orElseThrow();
    long mplSdist = rows.stream().filter(r -> r.sdistBytes().containsKey("matplotlib")).findFirst().orElseThrow().sdistBytes().get("matplotlib");
    double low = (double) mplWheel.wheelBytes() / mplSdist;
    assertThat(ImageSizeModel.SDIST_WHEEL_RATIO_LOW).isCloseTo(low, within(0.0005));
    assertThat(ImageSizeModel.SDIST_WHEEL_RATIO_HIGH).isCloseTo(high, within(0.0005));
  }

  @Test
  void aWheelOfUnknownSizeKeepsTheTopOpenAndIsNamed() throws IOException {
    long base = catalogAmd64Bytes("3.8.1-slim-buster");
    SizeEstimate e = model.estimate(OptionalLong.of(base),
        List.of(InstalledFile.wheel("matplotlib", 13_100_000), InstalledFile.wheel("pandas", 10_400_000),
            new InstalledFile("numpy", InstalledFile.Kind.WHEEL, OptionalLong.empty(), OptionalLong.empty())),
        BuildLeftovers.none());
    assertThat(e.baseUnknown()).isFalse();
    WheelRatios.Band platform = WheelRatios.load().installedPerFileByte("x-1-cp38-cp38-manylinux1_x86_64.whl");
    assertThat(e.totalLow()).hasValue(base + Math.round(13_100_000 * platform.low()) + Math.round(10_400_000 * platform.low()));
    assertThat(e.totalHigh()).isEmpty();
    assertThat(e.parts().get(0).what()).isEqualTo(ImageSizeModel.BASE);
    assertThat(e.parts().get(1).basis()).contains("size unknown for numpy");
  }

  @Test
  void unknownBaseKeepsTheTotalUnknownButReportsWhatIsAdded() {
    SizeEstimate e = model.estimate(OptionalLong.empty(),
        List.of(new InstalledFile("numpy", InstalledFile.Kind.WHEEL, OptionalLong.of(18_000_000), OptionalLong.of(60_000_000))),
        BuildLeftovers.none());
    assertThat(e.baseUnknown()).isTrue();
    assertThat(e.totalLow()).isEmpty();
    assertThat(e.totalHigh()).isEmpty();
    // Measured members, plus the bytecode band of a platform wheel (0 for wheels with no .py).
    WheelRatios.Band bytecode = WheelRatios.load().bytecodePerMemberByte("");
    assertThat(bytecode.low()).isZero();
    assertThat(e.addedLow()).hasValue(60_000_000);
    assertThat(e.addedHigh()).hasValue(60_000_000 + Math.round(60_000_000 * bytecode.high())).isNotEqualTo(e.addedLow());
    assertThat(e.notes()).anyMatch(n -> n.contains("base image size unknown"));
  }

  @Test
  void singleStageBuildsAndPipCacheAddUp() {
    List<InstalledFile> files = List.of(InstalledFile.sdist("pyyaml", 125_000), InstalledFile.wheel("six", 11_000));
    SizeEstimate multi = model.estimate(OptionalLong.of(50_000_000), files,
        new BuildLeftovers(false, List.of("gcc", "musl-dev", "yaml-dev"), OptionalLong.empty(), false));
    assertThat(multi.totalHigh()).isPresent();
    SizeEstimate single = model.estimate(OptionalLong.of(50_000_000), files,
        new BuildLeftovers(true, List.of("gcc", "musl-dev", "yaml-dev"), OptionalLong.empty(), false));
    assertThat(single.totalLow()).isEqualTo(multi.totalLow());
    assertThat(single.totalHigh()).as("compiler sizes unknown").isEmpty();
    SizeEstimate sized = model.estimate(OptionalLong.of(50_000_000), files,
        new BuildLeftovers(true, List.of("gcc", "musl-dev", "yaml-dev"), OptionalLong.of(100_000_000), true));
    long cacheLow = 125_000 + Math.round(125_000 * ImageSizeModel.SDIST_WHEEL_RATIO_LOW) + 11_000;
    assertThat(sized.totalLow().getAsLong()).isEqualTo(multi.totalLow().getAsLong() + 100_000_000 + cacheLow);
    assertThat(sized.parts()).extracting(SizeEstimate.Part::what).anyMatch(w -> w.startsWith(ImageSizeModel.PIP_CACHE));
  }
}
