package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The compile-time model on compile-times.tsv (bundled, derived from ../shared/knowledge). The
 * leave-one-out test prints its coverage and median high/low ratio and fails when coverage drops
 * below, or the ratio rises above, what was measured (the rate is reported, not tuned: a new
 * observation that lowers it is a finding to look at, not a threshold to relax silently).
 */
class CompileTimeModelTest {

  private final BuildDeps deps = BuildDeps.load();
  private final CompileObservations data = CompileObservations.load();

  private List<BuildTimeInput> inputs(Observation o) {
    List<BuildTimeInput> in = new ArrayList<>();
    for (String p : o.packages()) {
      Long own = o.sdistBytes().get(p);
      OptionalLong size = own != null ? OptionalLong.of(own) : data.typicalSdistBytes(p);
      in.add(BuildTimeInput.of(deps.buildNeeds(p, PackageManager.APK), size));
    }
    return in;
  }

  private static boolean overlaps(TimeEstimate e, Observation o) {
    double plo = e.low().orElse(0);
    double phi = e.high().orElse(Double.POSITIVE_INFINITY);
    double olo = o.low().orElse(0);
    double ohi = o.high().orElse(Double.POSITIVE_INFINITY);
    return plo <= ohi && olo <= phi;
  }

  private static String range(TimeEstimate e) {
    String lo = e.low().isPresent() ? String.format(Locale.ROOT, "%.0f", e.low().getAsDouble()) : "?";
    String hi = e.high().isPresent() ? String.format(Locale.ROOT, "%.0f", e.high().getAsDouble()) : "?";
    return lo + "–" + hi + " s";
  }

  @Test
  void calibrationUsesTheTwoSidedObservationsWithKnownSizes() {
    CompileTimeModel model = CompileTimeModel.load();
    CompileTimeModel.Calibration c = model.calibration().orElseThrow();
    System.out.println("compile-time calibration: " + String.format(Locale.ROOT, "%.1f–%.1f s/MB (geometric centre %.1f)",
        c.lowSecondsPerMb(), c.highSecondsPerMb(), c.centerSecondsPerMb()));
    c.points().forEach(p -> System.out.println("  " + p));
    // The article's pair (1557 s on alpine, 30 s from wheels on slim) is one of the points.
    assertThat(c.points()).anyMatch(p -> p.startsWith("compile-times.tsv:2 matplotlib+pandas 1527–1557 s"));
    assertThat(c.lowSecondsPerMb()).isLessThan(c.highSecondsPerMb());
    Observation article = data.timed().stream().filter(o -> o.id().equals("compile-times.tsv:2")).findFirst().orElseThrow();
    assertThat(article.use()).isEqualTo(Observation.Use.FIT);
    assertThat(article.why()).contains("minus the same install from wheels");
    assertThat(data.timed().stream().filter(o -> o.id().equals("compile-times.tsv:14")).findFirst().orElseThrow().use())
        .as("QEMU numpy build").isEqualTo(Observation.Use.EXCLUDED);
  }

  /** In-sample, each package's own two-sided observation lies inside its own estimate. */
  @Test
  void ownObservationsAreInsideTheirEstimates() {
    CompileTimeModel model = CompileTimeModel.load();
    int checked = 0;
    for (Observation o : data.timed()) {
      if (o.use() == Observation.Use.FIT && o.packages().size() == 1) {
        TimeEstimate e = model.estimate(inputs(o).get(0), o.cores());
        assertThat(e.basis()).isEqualTo(TimeEstimate.Basis.OWN_OBSERVATIONS);
        assertThat(e.low().getAsDouble()).as(o.cite()).isLessThanOrEqualTo(o.low().getAsDouble());
        assertThat(e.high().getAsDouble()).as(o.cite()).isGreaterThanOrEqualTo(o.high().getAsDouble());
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  @Test
  void coresShortenParallelBuildsOnly() {
    CompileTimeModel model = CompileTimeModel.load();
    BuildTimeInput parallel = new BuildTimeInput("unknown-meson-pkg", OptionalLong.of(10_000_000), Set.of(Toolchain.C), Parallelism.PARALLEL);
    BuildTimeInput serial = new BuildTimeInput("unknown-setuptools-pkg", OptionalLong.of(10_000_000), Set.of(Toolchain.C), Parallelism.SERIAL);
    assertThat(model.estimate(parallel, 16).high().getAsDouble()).isLessThan(model.estimate(parallel, 2).high().getAsDouble());
    assertThat(model.estimate(serial, 16)).isEqualTo(model.estimate(serial, 2));
    BuildTimeInput unknown = new BuildTimeInput("x", OptionalLong.of(10_000_000), Set.of(), Parallelism.UNKNOWN);
    TimeEstimate u = model.estimate(unknown, 8);
    assertThat(u.low().getAsDouble()).isLessThanOrEqualTo(model.estimate(parallel, 8).low().getAsDouble());
    assertThat(u.high().getAsDouble()).isGreaterThanOrEqualTo(model.estimate(serial, 8).high().getAsDouble());
  }

  @Test
  void unknownStaysUnknownAndSumsAddUp() {
    CompileTimeModel model = CompileTimeModel.load();
    BuildTimeInput noSize = new BuildTimeInput("no-such-pkg", OptionalLong.empty(), Set.of(), Parallelism.UNKNOWN);
    TimeEstimate unknown = model.estimate(noSize, 4);
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.basis()).isEqualTo(TimeEstimate.Basis.UNKNOWN);
    BuildTimeInput a = new BuildTimeInput("a", OptionalLong.of(1_000_000), Set.of(Toolchain.C), Parallelism.SERIAL);
    TimeEstimate one = model.estimate(a, 4);
    TimeEstimate two = model.total(List.of(a, a), OptionalInt.of(4));
    assertThat(two.low().getAsDouble()).isCloseTo(2 * one.low().getAsDouble(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(two.high().getAsDouble()).isCloseTo(2 * one.high().getAsDouble(), org.assertj.core.data.Offset.offset(1e-9));
    TimeEstimate partial = model.total(List.of(a, noSize), OptionalInt.of(4));
    assertThat(partial.high()).isEmpty();
    assertThat(partial.low()).isEqualTo(one.low());
    assertThat(TimeEstimate.sum(List.of())).isEqualTo(TimeEstimate.zero());
  }

  /**
   * The article's builds on python:3.8-alpine, with matplotlib-3.1.2.tar.gz's size from the pip
   * log in corpus notes and typical sizes for the rest: kiwisolver has no size in the knowledge,
   * so the top of the range stays open. Printed for the README comparison (1527–1557 s).
   */
  @Test
  void articleBuildsOnAlpine() throws java.io.IOException {
    String notes = java.nio.file.Files.readString(dev.wheelwise.testing.Shared.require("corpus/index-facts/NOTES.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("matplotlib-3\\.1\\.2\\.tar\\.gz ([\\d.]+) MB").matcher(notes);
    assertThat(m.find()).isTrue();
    long mpl = Math.round(Double.parseDouble(m.group(1)) * 1e6);
    List<BuildTimeInput> builds = new ArrayList<>();
    for (String p : List.of("numpy", "pandas", "matplotlib", "kiwisolver")) {
      OptionalLong size = p.equals("matplotlib") ? OptionalLong.of(mpl) : data.typicalSdistBytes(p);
      builds.add(BuildTimeInput.of(deps.buildNeeds(p, PackageManager.APK), size));
    }
    CompileTimeModel model = CompileTimeModel.load();
    TimeEstimate total = model.total(builds, OptionalInt.empty());
    System.out.println("article on python:3.8-alpine (cores unknown): " + range(total) + " " + total.basis()
        + "; observed 1527–1557 s");
    builds.forEach(b -> System.out.println("  " + b.name() + ": " + range(model.estimate(b, OptionalInt.empty()))));
    assertThat(total.high()).as("kiwisolver's size is unknown").isEmpty();
    assertThat(total.low()).isPresent();
    TimeEstimate known = model.total(builds.subList(0, 3), OptionalInt.empty());
    System.out.println("  without kiwisolver: " + range(known));
    assertThat(known.high()).isPresent();
  }

  /**
   * Leave-one-out hits and predicted rows when measured: {hits, rows with a range}. Measured with
   * public-compile-times.tsv's 9 rows added (before: 14/19 by row, 10/15 by package).
   */
  private static final int[] LOO_HITS_BY_ROW = {22, 25};
  private static final int[] LOO_HITS_BY_PACKAGE = {18, 20};
  /**
   * The median high/low when measured (11.46 by row, 28.76 by package), rounded up: wider fails.
   * By package it was 13.28 before the added rows: scipy 1.7.0's 7.6 s/MB (public-compile-times.tsv:10)
   * moved the size band's low end from 11.1 to 7.6 s/MB, and the added packages are predicted from
   * that band alone. A finding reported in docs/cost.md, not a bound loosened to pass.
   */
  private static final double[] MEDIAN_RATIO_AT_MOST = {11.5, 28.8};

  /** Leave one out: by row (other rows of the same package may answer) and by package. */
  @Test
  void leaveOneOutReport() {
    for (boolean byPackage : new boolean[] {false, true}) {
      int fit = 0;
      int fitHit = 0;
      int check = 0;
      int checkHit = 0;
      int noPrediction = 0;
      int openEnded = 0;
      int evaluated = 0;
      List<Double> ratios = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (Observation o : data.timed()) {
        if (o.use() == Observation.Use.EXCLUDED) {
          continue;
        }
        evaluated++;
        Predicate<Observation> allowed =
            byPackage ? x -> Collections.disjoint(x.packages(), o.packages()) : x -> !x.id().equals(o.id());
        CompileTimeModel model = CompileTimeModel.calibrate(data, allowed);
        TimeEstimate e = model.total(inputs(o), o.cores());
        if (e.low().isPresent() && e.high().isPresent()) {
          assertThat(e.low().getAsDouble()).as(o.cite()).isLessThanOrEqualTo(e.high().getAsDouble());
        }
        String verdict;
        if (e.low().isEmpty() && e.high().isEmpty()) {
          noPrediction++;
          verdict = "no prediction";
        } else if (e.high().isEmpty()) {
          openEnded++;
          verdict = "open-ended (a package without size or observation)";
        } else {
          boolean hit = overlaps(e, o);
          ratios.add(e.high().getAsDouble() / e.low().getAsDouble());
          if (o.use() == Observation.Use.FIT) {
            fit++;
            fitHit += hit ? 1 : 0;
          } else {
            check++;
            checkHit += hit ? 1 : 0;
          }
          verdict = hit ? "inside" : "outside";
        }
        lines.add(String.format(Locale.ROOT, "  %-45s observed %-14s predicted %-16s %-9s %s",
            o.id().replace("compile-times.tsv", "tsv") + " " + String.join("+", o.packages()), o.interval(), range(e), e.basis(), verdict));
      }
      System.out.println("leave-one-out by " + (byPackage ? "package" : "row") + ":");
      lines.forEach(System.out::println);
      System.out.printf(Locale.ROOT,
          "  two-sided: %d/%d inside; one-sided bounds: %d/%d consistent; open-ended: %d; no prediction: %d (of %d rows)%n",
          fitHit, fit, checkHit, check, openEnded, noPrediction, evaluated);
      assertThat(fit + check + openEnded + noPrediction).isEqualTo(evaluated);
      assertThat(fit).as("two-sided rows predicted").isGreaterThanOrEqualTo(3);
      // Coverage: observations inside (or, for a one-sided bound, consistent with) their range,
      // of all rows (no prediction and open-ended count as misses) and of those predicted.
      Collections.sort(ratios);
      double median = ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
          : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
      int hits = fitHit + checkHit;
      System.out.printf(Locale.ROOT, "  coverage %d/%d of all rows (%.2f), %d/%d of rows with a range (%.2f); median high/low %.2f%n",
          hits, evaluated, (double) hits / evaluated, hits, fit + check, (double) hits / (fit + check), median);
      // Measured on 2026-12-05 (../shared/knowledge/compile-times.tsv of that day + public-compile-times.tsv); a drop fails.
      int[] measured = byPackage ? LOO_HITS_BY_PACKAGE : LOO_HITS_BY_ROW;
      assertThat(hits).as("observations inside their leave-one-out range").isGreaterThanOrEqualTo(measured[0]);
      assertThat((double) hits / (fit + check)).as("coverage of predicted rows").isGreaterThanOrEqualTo(measured[0] / (double) measured[1]);
      assertThat(median).as("median high/low: the ranges are not vacuous").isLessThanOrEqualTo(MEDIAN_RATIO_AT_MOST[byPackage ? 1 : 0]);
    }
  }
}
