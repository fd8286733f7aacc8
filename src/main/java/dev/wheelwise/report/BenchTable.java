package dev.wheelwise.report;

import dev.wheelwise.bench.BenchReport;
import dev.wheelwise.bench.Comparison;
import java.util.ArrayList;
import java.util.List;

/** {@code bench}'s terminal table and its Markdown twin: disagreements first, then the table, then each failure's error line. */
public final class BenchTable {
  private BenchTable() {}

  public static String text(BenchReport report) {
    StringBuilder out = new StringBuilder();
    BenchCells.callouts(report.rows()).forEach(c -> out.append(c).append('\n'));
    List<List<String>> rows = new ArrayList<>();
    rows.add(BenchCells.HEADER);
    report.rows().forEach(r -> rows.add(BenchCells.of(r)));
    int[] widths = new int[BenchCells.HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    notes(report, out, "");
    return out.toString();
  }

  public static String markdown(BenchReport report) {
    StringBuilder out = new StringBuilder("## wheelwise bench\n\n");
    BenchCells.callouts(report.rows()).forEach(c -> out.append("- **").append(md(c)).append("**\n"));
    if (!BenchCells.callouts(report.rows()).isEmpty()) {
      out.append('\n');
    }
    out.append("| ").append(String.join(" | ", BenchCells.HEADER)).append(" |\n");
    out.append("|").append(" --- |".repeat(BenchCells.HEADER.size())).append('\n');
    for (Comparison.Row r : report.rows()) {
      out.append("| ").append(String.join(" | ", BenchCells.of(r).stream().map(BenchTable::md).toList())).append(" |\n");
    }
    out.append('\n');
    notes(report, out, "- ");
    return out.toString();
  }

  private static void notes(BenchReport report, StringBuilder out, String bullet) {
    for (Comparison.Row r : report.rows()) {
      BenchCells.errorLine(r).ifPresent(e -> out.append(bullet).append(r.image()).append(": ").append(e).append('\n'));
    }
    out.append(bullet).append("run ").append(report.runId()).append(" on ").append(report.engine())
        .append(report.cores() > 0 ? ", " + report.cores() + " CPUs" : "").append("; ").append(report.repeat())
        .append(" build(s) per image without cache; predicted from ").append(report.index()).append('\n');
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }
}
