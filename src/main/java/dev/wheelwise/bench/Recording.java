package dev.wheelwise.bench;

import dev.wheelwise.advise.Choice;
import dev.wheelwise.advise.PackagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Measured source builds as rows of compile-times.tsv ({@code package version platform seconds
 * cores source quote kind sdist_size}), kind {@code measured_step}: pip's own "Building wheel
 * for X … started" to "… finished" on a real build, so the calibration can take them as given.
 * Only builds that finished are recorded; a failed compile says nothing of its duration.
 */
public final class Recording {
  public static final String HEADER = "package\tversion\tplatform\tseconds\tcores\tsource\tquote\tkind\tsdist_size";

  private Recording() {}

  public static List<String> rows(BenchReport report) {
    List<String> out = new ArrayList<>();
    for (Comparison.Row row : report.rows()) {
      for (Measurement m : row.runs()) {
        for (Measurement.SourceBuild b : m.sourceBuilds()) {
          if (!b.succeeded() || b.seconds().isEmpty()) {
            continue;
          }
          Optional<PackagePlan> planned = row.predicted().flatMap(p -> p.packages().stream()
              .filter(pp -> normal(pp.name()).equals(normal(b.name()))).findFirst());
          String version = b.version().or(() -> planned.flatMap(PackagePlan::version)).orElse("unknown");
          OptionalLong sdist = planned.map(PackagePlan::choice).filter(Choice.Sdist.class::isInstance)
              .map(c -> ((Choice.Sdist) c).file().bytes()).orElse(OptionalLong.empty());
          String seconds = String.format(Locale.ROOT, "%.1f", b.seconds().getAsDouble());
          out.add(String.join("\t", b.name(), version,
              clean(m.image() + " " + m.platform() + " (wheelwise bench, docker build)"),
              seconds, report.cores() > 0 ? Integer.toString(report.cores()) : "unknown",
              clean("wheelwise bench run " + report.runId() + " on " + report.engine()),
              clean("pip: Building wheel for " + b.name() + " took " + seconds + " s (run " + m.run() + ")"),
              "measured_step", sdist.isPresent() ? Long.toString(sdist.getAsLong()) : ""));
        }
      }
    }
    return out;
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\n', ' ');
  }

  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
