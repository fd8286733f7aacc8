package dev.wheelwise.report;

import dev.wheelwise.advise.Range;
import dev.wheelwise.bench.BenchReport;
import dev.wheelwise.bench.Comparison;
import dev.wheelwise.bench.Stats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code bench --format html}: one self-contained page with check's Content-Security-Policy (no
 * script, no fetch), the disagreements first, the predicted | measured table, and per image an
 * inline SVG bar for time and size: the predicted range as a band, the measured median as a mark
 * (min–max as a whisker when repeated). Built from jsoup elements, so every name is escaped text.
 */
public final class BenchHtml {
  private static final String CSS = """
      body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1b1b1b; }
      table { border-collapse: collapse; width: 100%; font-size: 14px; }
      th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
      th { background: #f2f2f2; }
      .mismatch { color: #a00; font-weight: 600; }
      svg { display: block; }
      """;
  private static final int WIDTH = 320;

  private BenchHtml() {}

  public static String render(BenchReport report) {
    Document doc = HtmlPage.shell("wheelwise bench", CSS);
    Element body = doc.body();
    body.appendElement("h1").text("wheelwise bench");
    for (String callout : BenchCells.callouts(report.rows())) {
      body.appendElement("p").addClass("mismatch").text(callout);
    }
    Element table = body.appendElement("table");
    Element header = table.appendElement("thead").appendElement("tr");
    BenchCells.HEADER.forEach(h -> header.appendElement("th").text(h));
    header.appendElement("th").text("time: predicted range, measured");
    header.appendElement("th").text("size: predicted range, measured");
    Element rows = table.appendElement("tbody");
    double maxSeconds = report.rows().stream().mapToDouble(r -> Math.max(top(r.predictedSeconds()), r.wallSeconds().map(Stats::max).orElse(0.0))).max().orElse(1);
    double maxBytes = report.rows().stream().mapToDouble(r -> Math.max(top(r.predictedBytes()), r.imageBytes().map(Stats::max).orElse(0.0))).max().orElse(1);
    for (Comparison.Row r : report.rows()) {
      Element tr = rows.appendElement("tr");
      List<String> cells = BenchCells.of(r);
      for (String cell : cells) {
        tr.appendElement("td").text(cell);
      }
      bar(tr.appendElement("td"), r.predictedSeconds(), r.wallSeconds(), maxSeconds, "s");
      bar(tr.appendElement("td"), r.predictedBytes(), r.imageBytes(), maxBytes, "bytes");
    }
    Element notes = body.appendElement("ul");
    for (Comparison.Row r : report.rows()) {
      BenchCells.errorLine(r).ifPresent(e -> notes.appendElement("li").text(r.image() + ": " + e));
    }
    notes.appendElement("li").text("run " + report.runId() + " on " + report.engine() + "; " + report.repeat()
        + " build(s) per image without cache; predicted from " + report.index());
    return doc.outerHtml() + "\n";
  }

  private static double top(Optional<Range> range) {
    return range.map(r -> (double) r.high().orElse(r.low())).orElse(0.0);
  }

  /** A 320×18 bar: grey band for the predicted range (open-ended to the edge), dark mark for the measured median. */
  private static void bar(Element td, Optional<Range> predicted, Optional<Stats> measured, double max, String unit) {
    double scale = max <= 0 ? 0 : (WIDTH - 4) / max;
    Element svg = td.appendElement("svg").attr("width", Integer.toString(WIDTH)).attr("height", "18")
        .attr("viewBox", "0 0 " + WIDTH + " 18").attr("role", "img");
    StringBuilder label = new StringBuilder();
    predicted.ifPresent(r -> {
      double lo = r.low() * scale;
      double hi = r.high().isPresent() ? r.high().getAsLong() * scale : WIDTH - 2;
      svg.appendElement("rect").attr("x", fmt(lo)).attr("y", "4").attr("width", fmt(Math.max(2, hi - lo))).attr("height", "10")
          .attr("fill", "#c8d7ea");
      label.append("predicted ").append(r.low()).append('–').append(r.high().isPresent() ? Long.toString(r.high().getAsLong()) : "?")
          .append(' ').append(unit).append("; ");
    });
    measured.ifPresent(s -> {
      svg.appendElement("line").attr("x1", fmt(s.min() * scale)).attr("x2", fmt(s.max() * scale)).attr("y1", "9").attr("y2", "9")
          .attr("stroke", "#333");
      svg.appendElement("rect").attr("x", fmt(Math.max(0, s.median() * scale - 1.5))).attr("y", "1").attr("width", "3").attr("height", "16")
          .attr("fill", "#1b1b1b");
      label.append("measured ").append(fmt(s.median())).append(' ').append(unit);
    });
    svg.appendElement("title").text(label.length() == 0 ? "nothing to show" : label.toString());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
