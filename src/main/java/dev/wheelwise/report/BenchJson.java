package dev.wheelwise.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Range;
import dev.wheelwise.bench.BenchReport;
import dev.wheelwise.bench.Comparison;
import dev.wheelwise.bench.Measurement;
import dev.wheelwise.bench.Stats;
import java.util.Locale;
import java.util.Optional;

/** {@code bench --format json}: schema {@code wheelwise.bench/1} (docs/DESIGN.md). Unknown numbers are null. */
public final class BenchJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchJson() {}

  public static String render(BenchReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "wheelwise.bench/1");
    root.put("run", report.runId());
    root.put("engine", report.engine());
    if (report.cores() > 0) {
      root.put("cores", report.cores());
    } else {
      root.putNull("cores");
    }
    root.put("index", report.index());
    root.put("repeat", report.repeat());
    var images = root.putArray("images");
    for (Comparison.Row r : report.rows()) {
      ObjectNode n = images.addObject();
      n.put("image", r.image());
      n.put("platform", r.platform());
      n.put("agreement", r.agreement().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      n.put("why", r.why());
      if (r.predicted().isPresent()) {
        predicted(n.putObject("predicted"), r.predicted().get());
      } else {
        n.putNull("predicted");
      }
      measured(n.putObject("measured"), r);
    }
    return root.toPrettyString() + "\n";
  }

  private static void predicted(ObjectNode n, ImagePlan p) {
    n.put("verdict", p.verdict().json());
    if (p.failure().isPresent()) {
      n.putObject("fails").put("package", p.failure().get().packageName()).put("error", p.failure().get().error());
    } else {
      n.putNull("fails");
    }
    range(n, "buildSeconds", p.summary().estimatedBuildSeconds());
    range(n, "imageBytes", p.summary().estimatedImageBytes());
  }

  private static void range(ObjectNode n, String key, Optional<Range> range) {
    if (range.isEmpty()) {
      n.putNull(key);
      return;
    }
    ObjectNode r = n.putObject(key);
    r.put("low", range.get().low());
    if (range.get().high().isPresent()) {
      r.put("high", range.get().high().getAsLong());
    } else {
      r.putNull("high");
    }
  }

  private static void measured(ObjectNode n, Comparison.Row r) {
    n.put("verdict", r.built() == r.runs().size() ? "built" : r.built() == 0 ? "failed" : "mixed");
    n.put("builds", r.runs().size());
    n.put("built", r.built());
    stats(n, "wallSeconds", r.wallSeconds());
    stats(n, "installSeconds", r.dependencySeconds());
    stats(n, "imageBytes", r.imageBytes());
    if (r.failure().isPresent()) {
      Measurement f = r.failure().get();
      ObjectNode fail = n.putObject("failure");
      f.failedStep().ifPresentOrElse(s -> fail.put("step", s.number()).put("of", s.of()).put("instruction", s.instruction()),
          () -> fail.putNull("step"));
      fail.put("package", f.failedPackage().orElse(null));
      fail.put("error", f.errorLine().orElse(null));
    } else {
      n.putNull("failure");
    }
    var runs = n.putArray("runs");
    for (Measurement m : r.runs()) {
      ObjectNode run = runs.addObject();
      run.put("run", m.run());
      run.put("built", m.built());
      run.put("wallSeconds", m.wallSeconds());
      if (m.dependencySeconds().isPresent()) {
        run.put("installSeconds", m.dependencySeconds().getAsDouble());
      } else {
        run.putNull("installSeconds");
      }
      if (m.imageBytes().isPresent()) {
        run.put("imageBytes", m.imageBytes().getAsLong());
      } else {
        run.putNull("imageBytes");
      }
      var builds = run.putArray("sourceBuilds");
      for (Measurement.SourceBuild b : m.sourceBuilds()) {
        ObjectNode sb = builds.addObject().put("name", b.name()).put("version", b.version().orElse(null)).put("succeeded", b.succeeded());
        if (b.seconds().isPresent()) {
          sb.put("seconds", b.seconds().getAsDouble());
        } else {
          sb.putNull("seconds");
        }
      }
    }
  }

  private static void stats(ObjectNode n, String key, Optional<Stats> s) {
    if (s.isEmpty()) {
      n.putNull(key);
      return;
    }
    n.putObject(key).put("median", s.get().median()).put("min", s.get().min()).put("max", s.get().max());
  }
}
