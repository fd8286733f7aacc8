package dev.wheelwise.report;

import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Matrix;
import dev.wheelwise.advise.Range;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The HTML page's matrix (a coloured grid, one {@code div.cell} per candidate) and its bar charts
 * of estimated build time and image size per candidate: inline SVG, no script. A bar is solid up
 * to the estimate's low end and pale up to its high end; an open-ended estimate runs pale to the
 * chart's edge; an unknown one has no bar and says "unknown".
 */
final class MatrixHtml {
  private MatrixHtml() {}

  static final String CSS = """
      table.matrix td { min-width: 8rem; }
      div.cell { border-radius: 4px; padding: .2rem .4rem; margin: .1rem 0; font-size: 13px; }
      div.cell.verdict-wheels { background: #dafbe1; } div.cell.verdict-builds { background: #fff1c2; }
      div.cell.verdict-fails { background: #ffd8d3; } div.cell.verdict-unavailable { background: #e6e6e6; color: #57606a; }
      div.cell.verdict-unknown { background: #eef1f4; }
      div.cell.installs { outline: 1px solid #2da44e; } div.cell.recommended { outline: 3px solid #0969da; font-weight: 600; }
      svg.chart { width: 100%; max-width: 60rem; font: 12px system-ui, sans-serif; }
      svg.chart .low { fill: #0969da; } svg.chart .high { fill: #9cc7f5; } svg.chart text { fill: #1b1b1b; }
      """;

  private static final int LABEL = 330;
  private static final int BARS = 420;
  private static final int ROW = 18;

  static void grid(Element parent, Matrix m) {
    parent.appendElement("h2").text("Matrix");
    Element table = parent.appendElement("table").addClass("matrix");
    Element header = table.appendElement("thead").appendElement("tr");
    CheckTable.matrixHeader(m).forEach(h -> header.appendElement("th").text(h));
    Element body = table.appendElement("tbody");
    for (String row : m.rows()) {
      Element tr = body.appendElement("tr");
      tr.appendElement("th").text(row);
      for (Matrix.Column c : m.columns()) {
        Element td = tr.appendElement("td");
        for (Matrix.Cell cell : m.cells()) {
          if (cell.row().equals(row) && cell.column().equals(c)) {
            Element div = td.appendElement("div").addClass("cell").addClass("verdict-" + cell.verdict().json())
                .attr("title", cell.image() + " (" + cell.column().platform() + ")");
            if (cell.installs()) {
              div.addClass("installs");
            }
            if (cell.recommended()) {
              div.addClass("recommended");
            }
            div.text(CheckTable.cell(cell));
          }
        }
      }
    }
    parent.appendElement("p").addClass("source").text(CheckTable.MATRIX_KEY);
  }

  static void charts(Element parent, CheckResult result) {
    chart(parent, "Estimated build time per candidate", result.images(), p -> p.summary().estimatedBuildSeconds(),
        p -> Units.seconds(p.summary().estimatedBuildSeconds(), p.summary().buildTimeUnknown()), "build-time");
    chart(parent, "Estimated image size per candidate", result.images(), p -> p.summary().estimatedImageBytes(),
        p -> Units.megabytes(p.summary().estimatedImageBytes(), p.summary().sizeUnknown()), "image-size");
  }

  private static void chart(Element parent, String title, List<ImagePlan> plans, Function<ImagePlan, Optional<Range>> value,
      Function<ImagePlan, String> words, String kind) {
    parent.appendElement("h2").text(title);
    long max = 1;
    for (ImagePlan p : plans) {
      Optional<Range> r = value.apply(p);
      if (r.isPresent()) {
        max = Math.max(max, r.get().high().orElse(r.get().low()));
      }
    }
    int height = ROW * plans.size() + 4;
    Element svg = parent.appendElement("svg").addClass("chart").addClass(kind)
        .attr("xmlns", "http://www.w3.org/2000/svg").attr("role", "img").attr("aria-label", title)
        .attr("viewBox", "0 0 " + (LABEL + BARS + 140) + " " + height).attr("height", String.valueOf(height));
    for (int i = 0; i < plans.size(); i++) {
      ImagePlan p = plans.get(i);
      int y = i * ROW + 2;
      svg.appendElement("text").attr("x", "0").attr("y", String.valueOf(y + 13))
          .text(p.image().image() + " (" + p.image().platform().replace("linux/", "") + ")");
      Optional<Range> r = value.apply(p);
      if (r.isPresent()) {
        int low = scale(r.get().low(), max);
        int high = r.get().high().isPresent() ? scale(r.get().high().getAsLong(), max) : BARS;
        svg.appendElement("rect").addClass("high").attr("x", String.valueOf(LABEL + low)).attr("y", String.valueOf(y + 2))
            .attr("width", String.valueOf(Math.max(0, high - low))).attr("height", String.valueOf(ROW - 5));
        svg.appendElement("rect").addClass("low").attr("x", String.valueOf(LABEL)).attr("y", String.valueOf(y + 2))
            .attr("width", String.valueOf(Math.max(1, low))).attr("height", String.valueOf(ROW - 5));
      }
      svg.appendElement("text").attr("x", String.valueOf(LABEL + BARS + 6)).attr("y", String.valueOf(y + 13)).text(words.apply(p));
    }
  }

  private static int scale(long v, long max) {
    return (int) Math.round((double) v / max * BARS);
  }
}
