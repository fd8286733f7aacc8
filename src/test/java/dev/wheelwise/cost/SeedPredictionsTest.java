package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.Shared;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The January 2020 seed (pythonspeed: 30 s / 363 MB on python:3.8-slim, 1557 s / 851 MB on
 * python:3.8-alpine with an apk line) predicted by the cost models with the seed's own rows left
 * out of the compile-time calibration. The file choices are those `check --as-of 2020-01-28`
 * makes for `pip install matplotlib pandas` (setuptools left out: python:3.8 images carry it).
 * Prints each range and its high/low ratio; asserts what was measured when this was written.
 */
class SeedPredictionsTest {

  private static final List<String> PURE = List.of("cycler-0.10.0-py2.py3-none-any.whl", "pyparsing-2.4.6-py2.py3-none-any.whl",
      "python_dateutil-2.8.1-py2.py3-none-any.whl", "pytz-2019.3-py2.py3-none-any.whl", "six-1.14.0-py2.py3-none-any.whl");

  private static long base(String tag) throws IOException {
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
    throw new AssertionError(tag);
  }

  private static InstalledFile file(FileSizes sizes, String filename, InstalledFile.Kind kind) {
    String name = filename.substring(0, filename.indexOf('-')).toLowerCase(Locale.ROOT).replace('_', '-');
    return new InstalledFile(name, kind, OptionalLong.empty(), OptionalLong.empty(), filename, sizes.of(name, filename));
  }

  record Prediction(SizeEstimate size, BuildTimeModel.Estimate time) {}

  private static Prediction predict(long base, List<InstalledFile> files, BuildLeftovers leftovers, TimeEstimate compile) {
    SizeEstimate size = new ImageSizeModel().estimate(OptionalLong.of(base), "catalog", files, leftovers);
    long dLo = 0;
    long dHi = 0;
    List<String> unknown = new ArrayList<>();
    for (InstalledFile f : files) {
      if (f.fileBytesBand().isPresent()) {
        dLo += f.fileBytesBand().get()[0];
        dHi += f.fileBytesBand().get()[1];
      } else {
        unknown.add(f.name());
      }
    }
    long[] installed = size.addedHigh().isPresent() || leftovers.systemPackages().isEmpty()
        ? installed(size) : installed(size);
    BuildTimeModel.Estimate time = new BuildTimeModel().estimate(files.size(), unknown.isEmpty() ? new long[] {dLo, dHi} : null,
        String.join(", ", unknown), installed, installed == null ? "a file" : "", leftovers.systemPackages().size(), compile);
    return new Prediction(size, time);
  }

  /** Wheels + source builds [low, high], or null when one is unknown. */
  private static long[] installed(SizeEstimate size) {
    long lo = 0;
    long hi = 0;
    for (SizeEstimate.Part p : size.parts()) {
      if (p.what().equals(ImageSizeModel.WHEELS) || p.what().equals(ImageSizeModel.BUILT)) {
        if (p.high().isEmpty()) {
          return null;
        }
        lo += p.low().getAsLong();
        hi += p.high().getAsLong();
      }
    }
    return new long[] {lo, hi};
  }

  private static String show(String what, SizeEstimate s, BuildTimeModel.Estimate t) {
    StringBuilder b = new StringBuilder(what).append('\n');
    b.append(String.format(Locale.ROOT, "  time %.0f–%s s (ratio %s)%n", t.low().getAsDouble(),
        t.high().isPresent() ? String.format(Locale.ROOT, "%.0f", t.high().getAsDouble()) : "unknown",
        t.high().isPresent() ? String.format(Locale.ROOT, "%.1f", t.high().getAsDouble() / t.low().getAsDouble()) : "-"));
    t.parts().forEach(p -> b.append(String.format(Locale.ROOT, "    %s: %.1f–%s s (%s)%n", p.what(), p.low().orElse(0),
        p.high().isPresent() ? String.format(Locale.ROOT, "%.1f", p.high().getAsDouble()) : "unknown", p.basis())));
    b.append(String.format(Locale.ROOT, "  size %.1f–%s MB (ratio %s)%n", s.totalLow().getAsLong() / 1e6,
        s.totalHigh().isPresent() ? String.format(Locale.ROOT, "%.1f", s.totalHigh().getAsLong() / 1e6) : "unknown",
        s.totalHigh().isPresent() ? String.format(Locale.ROOT, "%.2f", (double) s.totalHigh().getAsLong() / s.totalLow().getAsLong()) : "-"));
    s.parts().forEach(p -> b.append(String.format(Locale.ROOT, "    %s: %.1f–%s MB (%s)%n", p.what(), p.low().orElse(0) / 1e6,
        p.high().isPresent() ? String.format(Locale.ROOT, "%.1f", p.high().getAsLong() / 1e6) : "unknown", p.basis())));
    return b.toString();
  }

  @Test
  void january2020SlimAndAlpineWithTheArticleLeftOut() throws IOException {
    FileSizes sizes = FileSizes.load();
    CompileTimeModel leftOut = CompileTimeModel.calibrate(CompileObservations.load(), o -> !o.source().contains("pythonspeed.com"));
    List<InstalledFile> slimFiles = new ArrayList<>();
    for (String w : List.of("matplotlib-3.1.2-cp38-cp38-manylinux1_x86_64.whl", "pandas-0.25.3-cp38-cp38-manylinux1_x86_64.whl",
        "numpy-1.18.1-cp38-cp38-manylinux1_x86_64.whl", "kiwisolver-1.1.0-cp38-cp38-manylinux1_x86_64.whl")) {
      slimFiles.add(file(sizes, w, InstalledFile.Kind.WHEEL));
    }
    PURE.forEach(w -> slimFiles.add(file(sizes, w, InstalledFile.Kind.WHEEL)));
    Prediction slim = predict(base("3.8.1-slim-buster"), slimFiles, BuildLeftovers.none(), TimeEstimate.zero());
    System.out.println(show("python:3.8-slim, 2020-01-28 (article: 30 s, 363 MB)", slim.size(), slim.time()));

    BuildDeps deps = BuildDeps.load();
    List<InstalledFile> alpineFiles = new ArrayList<>();
    List<BuildTimeInput> builds = new ArrayList<>();
    for (String s : List.of("matplotlib-3.1.2.tar.gz", "pandas-0.25.3.tar.gz", "numpy-1.18.1.zip", "kiwisolver-1.1.0.tar.gz")) {
      InstalledFile f = file(sizes, s, InstalledFile.Kind.SDIST);
      alpineFiles.add(f);
      // The compile model takes one size: the middle of the band (rounding only, for these files).
      OptionalLong mid = f.fileBytesBand().map(b -> OptionalLong.of((b[0] + b[1]) / 2)).orElse(OptionalLong.empty());
      builds.add(BuildTimeInput.of(deps.buildNeeds(f.name(), PackageManager.APK), mid));
    }
    PURE.forEach(w -> alpineFiles.add(file(sizes, w, InstalledFile.Kind.WHEEL)));
    List<String> apk = List.of("build-base", "freetype-dev", "qhull-dev", "libpng-dev", "pkgconf", "linux-headers", "openblas-dev");
    TimeEstimate compile = leftOut.total(builds, OptionalInt.empty());
    Prediction alpine = predict(base("3.8.1-alpine3.11"), alpineFiles, new BuildLeftovers(true, apk, OptionalLong.empty(), false), compile);
    System.out.println(show("python:3.8-alpine + apk line, 2020-01-28 (article: 1557 s, 851 MB)", alpine.size(), alpine.time()));

    // Measured when written (2026-12-05): see README "The Alpine article, predicted".
    assertThat(slim.time().low().getAsDouble()).isLessThanOrEqualTo(30);
    assertThat(slim.time().high().getAsDouble()).isGreaterThanOrEqualTo(30);
    assertThat(slim.size().totalLow().getAsLong()).isLessThanOrEqualTo(363_000_000L);
    assertThat(slim.size().totalHigh().getAsLong()).isGreaterThanOrEqualTo(363_000_000L);
    assertThat(alpine.size().totalHigh()).as("apk package sizes are not known").isEmpty();
    assertThat(alpine.time().high()).as("kiwisolver 1.1.0's sdist size is not known").isEmpty();
  }
}
