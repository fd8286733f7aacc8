package dev.wheelwise.report;

import dev.wheelwise.Megabytes;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.bench.Comparison;
import dev.wheelwise.bench.Measurement;
import dev.wheelwise.bench.Stats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The words of one bench row, shared by the table, Markdown and HTML renderers. */
final class BenchCells {
  private BenchCells() {}

  static final List<String> HEADER = List.of("image", "verdict predicted | measured", "build time predicted | measured",
      "install step measured", "image size predicted | measured");

  static List<String> of(Comparison.Row r) {
    return List.of(r.image() + (r.platform().equals("engine default") ? "" : " (" + r.platform() + ")"),
        predictedVerdict(r) + " | " + measuredVerdict(r),
        Units.seconds(r.predictedSeconds(), r.predicted().map(p -> p.summary().buildTimeUnknown()).orElse(List.of())) + " | "
            + seconds(r.wallSeconds()),
        seconds(r.dependencySeconds()),
        Units.megabytes(r.predictedBytes(), r.predicted().map(p -> p.summary().sizeUnknown()).orElse(List.of())) + " | "
            + megabytes(r.imageBytes()));
  }

  static String predictedVerdict(Comparison.Row r) {
    if (r.predicted().isEmpty()) {
      return "not predicted";
    }
    ImagePlan p = r.predicted().get();
    return p.verdict().json() + p.failure().map(f -> " at " + f.packageName()).orElse("");
  }

  static String measuredVerdict(Comparison.Row r) {
    if (r.failure().isEmpty()) {
      return "built" + (r.runs().size() > 1 ? " ×" + r.runs().size() : "");
    }
    Measurement f = r.failure().get();
    String text = "failed" + f.failedStep().map(s -> " at step " + s.number() + "/" + s.of()).orElse("")
        + f.failedPackage().map(p -> " (" + p + ")").orElse("");
    return r.built() > 0 ? text + " in " + (r.runs().size() - r.built()) + " of " + r.runs().size() : text;
  }

  /** The failure's first error line, for the notes under the table. */
  static Optional<String> errorLine(Comparison.Row r) {
    return r.failure().flatMap(Measurement::errorLine);
  }

  static String seconds(Optional<Stats> s) {
    if (s.isEmpty()) {
      return "unknown";
    }
    Stats v = s.get();
    String median = String.format(Locale.ROOT, "%.1f s", v.median());
    return v.count() > 1 ? median + String.format(Locale.ROOT, " (%.1f–%.1f)", v.min(), v.max()) : median;
  }

  static String megabytes(Optional<Stats> s) {
    if (s.isEmpty()) {
      return "none built";
    }
    Stats v = s.get();
    String median = Units.megabytes(Math.round(v.median()));
    return v.count() > 1 && v.min() != v.max()
        ? median + " (" + Megabytes.whole(Math.round(v.min())) + "–" + Megabytes.whole(Math.round(v.max())) + ")" : median;
  }

  /** Lines that go above the table: disagreements, each with why. */
  static List<String> callouts(List<Comparison.Row> rows) {
    return rows.stream()
        .filter(r -> r.agreement() == Comparison.Agreement.DIFFERS || r.agreement() == Comparison.Agreement.UNSTABLE)
        .map(r -> (r.agreement() == Comparison.Agreement.DIFFERS ? "MISMATCH " : "UNSTABLE ") + r.image() + ": " + r.why())
        .toList();
  }
}
