package dev.wheelwise.report;

import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.advise.CostPart;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Matrix;
import dev.wheelwise.advise.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The HTML page's matrix (a coloured grid, one {@code div.cell} per candidate) and its bar charts
 * of estimated build time and image size per candidate: inline SVG, no script. A bar is solid up
 * to the estimate's low end and pale up to its high end; an open-ended estimate runs pale to the
 * chart's edge; an unknown one has no bar and says "unknown". The size bar's solid part is
 * stacked by part (base image, wheels, source builds, build packages, pip cache), one colour each.
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
      svg.chart .part-0 { fill: #57606a; } svg.chart .part-1 { fill: #0969da; } svg.chart .part-2 { fill: #bf8700; }
      svg.chart .part-3 { fill: #cf222e; } svg.chart .part-4 { fill: #8250df; } svg.chart .part-5 { fill: #1a7f37; }
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
    stacked(parent, "Estimated image size per candidate, by part", result.images());
  }

  /** Part names in the order the size model gives them, for the legend and the colours. */
  private static List<String> partNames(List<ImagePlan> plans) {
    List<String> names = new ArrayList<>();
    for (ImagePlan p : plans) {
      for (CostPart part : p.summary().sizeParts()) {
        if (!names.contains(kind(part))) {
          names.add(kind(part));
        }
      }
    }
    return names;
  }

  /** "build packages: build-base …" is one kind of part, whatever the packages. */
  private static String kind(CostPart part) {
    int colon = part.what().indexOf(':');
    return colon < 0 ? part.what() : part.what().substring(0, colon);
  }

  /**
   * The size chart: each part's low end stacked in its own colour, then one pale stretch up to
   * the total's high end (to the edge when open-ended). Each segment's tooltip names the part,
   * its range and its basis.
   */
  private static void stacked(Element parent, String title, List<ImagePlan> plans) {
    parent.appendElement("h2").text(title);
    List<String> names = partNames(plans);
    long max = 1;
    for (ImagePlan p : plans) {
      Optional<Range> r = p.summary().estimatedImageBytes();
      if (r.isPresent()) {
        max = Math.max(max, r.get().high().orElse(r.get().low()));
      }
    }
    int height = ROW * (plans.size() + 1) + 4;
    Element svg = parent.appendElement("svg").addClass("chart").addClass("image-size")
        .attr("xmlns", "http://www.w3.org/2000/svg").attr("role", "img").attr("aria-label", title)
        .attr("viewBox", "0 0 " + (LABEL + BARS + 140) + " " + height).attr("height", String.valueOf(height));
    for (int i = 0; i < names.size(); i++) {
      int x = LABEL + i * 110;
      svg.appendElement("rect").addClass("part-" + i).attr("x", String.valueOf(x)).attr("y", "4").attr("width", "10").attr("height", "10");
      svg.appendElement("text").attr("x", String.valueOf(x + 14)).attr("y", "13").text(names.get(i));
    }
    for (int i = 0; i < plans.size(); i++) {
      ImagePlan p = plans.get(i);
      int y = (i + 1) * ROW + 2;
      svg.appendElement("text").attr("x", "0").attr("y", String.valueOf(y + 13))
          .text(p.image().image() + " (" + p.image().platform().replace("linux/", "") + ")");
      Optional<Range> total = p.summary().estimatedImageBytes();
      if (total.isPresent()) {
        long at = 0;
        for (CostPart part : p.summary().sizeParts()) {
          long low = part.range().map(Range::low).orElse(0L);
          if (low == 0) {
            continue;
          }
          int x0 = scale(at, max);
          int x1 = scale(at + low, max);
          Element rect = svg.appendElement("rect").addClass("part-" + names.indexOf(kind(part)))
              .attr("x", String.valueOf(LABEL + x0)).attr("y", String.valueOf(y + 2))
              .attr("width", String.valueOf(Math.max(1, x1 - x0))).attr("height", String.valueOf(ROW - 5));
          rect.appendElement("title").text(part.what() + ": " + Units.megabytes(part.range()) + " (" + part.basis() + ")");
          at += low;
        }
        int low = scale(total.get().low(), max);
        int high = total.get().high().isPresent() ? scale(total.get().high().getAsLong(), max) : BARS;
        svg.appendElement("rect").addClass("high").attr("x", String.valueOf(LABEL + low)).attr("y", String.valueOf(y + 2))
            .attr("width", String.valueOf(Math.max(0, high - low))).attr("height", String.valueOf(ROW - 5))
            .appendElement("title").text(total.get().high().isPresent() ? "up to the high end of every part"
                : "no upper bound: " + String.join(", ", p.summary().sizeUnknown()) + " unknown");
      }
      svg.appendElement("text").attr("x", String.valueOf(LABEL + BARS + 6)).attr("y", String.valueOf(y + 13))
          .text(Units.megabytes(total, p.summary().sizeUnknown()));
    }
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
