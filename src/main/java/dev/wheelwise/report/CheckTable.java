package dev.wheelwise.report;

import dev.wheelwise.advise.CheckResult;
import dev.wheelwise.index.IndexProvenance;
import dev.wheelwise.advise.Choice;
import dev.wheelwise.advise.ImagePlan;
import dev.wheelwise.advise.Matrix;
import dev.wheelwise.advise.Verdict;
import dev.wheelwise.advise.PackagePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check} for people: the comparison table in the spirit of the Alpine article (image,
 * Python, libc, wheels, source builds, estimated build time and size, system packages), then
 * per image the source builds and impossible installs, then the recommendation and remedies.
 * Also renders Markdown for pull-request comments ({@link #markdown}).
 */
public final class CheckTable {

  static final List<String> HEADERS =
      List.of("image", "platform", "python", "libc", "wheels", "source builds", "est. build time", "est. size", "system packages", "verdict");

  private CheckTable() {}

  static List<List<String>> rows(CheckResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ImagePlan p : result.images()) {
      ImagePlan.Summary s = p.summary();
      boolean excluded = p.packages().isEmpty() && p.reason().isPresent();
      rows.add(List.of(
          p.image().image(),
          p.image().platform(),
          p.image().python(),
          p.image().libc() + p.image().libcVersion().map(v -> " " + v).orElse(""),
          excluded ? "-" : s.wheels() + "/" + s.packages(),
          excluded ? "-" : String.valueOf(s.sourceBuilds()),
          excluded ? "-" : Units.seconds(s.estimatedBuildSeconds(), s.buildTimeUnknown()),
          excluded ? "-" : Units.megabytes(s.estimatedImageBytes(), s.sizeUnknown()),
          s.systemPackages().isEmpty() ? "-" : String.join(" ", s.systemPackages()),
          p.verdict().json()));
    }
    return rows;
  }

  /** The matrix's header: {@code python}, then a column per variant (and platform, when more than one). */
  static List<String> matrixHeader(Matrix m) {
    boolean platforms = m.columns().stream().map(Matrix.Column::platform).distinct().count() > 1;
    List<String> header = new ArrayList<>(List.of("python"));
    m.columns().forEach(c -> header.add(c.variant() + (platforms ? " " + c.platform().replace("linux/", "") : "")));
    return header;
  }

  /** The matrix's rows: the minor, then per column the cell's words ("-" where no candidate sits). */
  static List<List<String>> matrixRows(Matrix m) {
    List<List<String>> rows = new ArrayList<>();
    for (String row : m.rows()) {
      List<String> cells = new ArrayList<>(List.of(row));
      for (Matrix.Column c : m.columns()) {
        List<String> here = m.cells().stream().filter(x -> x.row().equals(row) && x.column().equals(c)).map(CheckTable::cell).toList();
        cells.add(here.isEmpty() ? "-" : String.join(" / ", here));
      }
      rows.add(cells);
    }
    return rows;
  }

  /** One cell in words: {@code * wheels 0b 151 MB} (the star marks the recommendation). */
  static String cell(Matrix.Cell c) {
    return (c.recommended() ? "* " : "") + c.verdict().json() + (c.installs() && c.verdict() == Verdict.FAILS ? " (+pkgs)" : "")
        + " " + c.sourceBuilds() + "b " + Units.megabytes(c.imageBytes());
  }

  public static String text(CheckResult result) {
    StringBuilder out = new StringBuilder();
    provenance(out, result.provenance());
    Matrix m = result.matrix();
    if (!m.cells().isEmpty()) {
      List<String> header = matrixHeader(m);
      List<List<String>> grid = matrixRows(m);
      int[] w = new int[header.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = header.get(i).length();
        for (List<String> r : grid) {
          w[i] = Math.max(w[i], r.get(i).codePointCount(0, r.get(i).length()));
        }
      }
      line(out, header.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList(), w);
      grid.forEach(r -> line(out, r, w));
      out.append(MATRIX_KEY).append("\n\n");
    }
    List<List<String>> rows = rows(result);
    int[] widths = new int[HEADERS.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = HEADERS.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    line(out, HEADERS.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList(), widths);
    rows.forEach(r -> line(out, r, widths));
    out.append('\n');
    for (ImagePlan p : result.images()) {
      if (result.detailed(p)) {
        details(out, p, "", "");
      }
    }
    recommendation(out, result, "");
    return out.toString();
  }

  /**
   * Before the table, where it cannot be missed: each index that failed while others answered
   * and the projects it could have changed; then pip's ignored locations and which of pip's
   * configuration was read.
   */
  private static void provenance(StringBuilder out, IndexProvenance p) {
    p.outages().forEach(o -> out.append("warning: index ").append(o.describe()).append('\n'));
    p.notices().forEach(n -> out.append("warning: ").append(n).append('\n'));
    if (!p.pipConfig().empty()) {
      out.append("note: ").append(p.pipConfig().summary()).append('\n');
    }
    if (!p.equals(IndexProvenance.NONE) && (!p.outages().isEmpty() || !p.notices().isEmpty() || !p.pipConfig().empty())) {
      out.append('\n');
    }
  }

  public static String markdown(CheckResult result) {
    StringBuilder out = new StringBuilder("### wheelwise check\n\n");
    Matrix m = result.matrix();
    if (!m.cells().isEmpty()) {
      List<String> header = matrixHeader(m);
      out.append("| ").append(String.join(" | ", header)).append(" |\n");
      out.append("|").append(" --- |".repeat(header.size())).append('\n');
      for (List<String> row : matrixRows(m)) {
        out.append("| ").append(String.join(" | ", row.stream().map(CheckTable::escape).toList())).append(" |\n");
      }
      out.append('\n').append(MATRIX_KEY).append("\n\n");
    }
    out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    out.append("|").append(" --- |".repeat(HEADERS.size())).append('\n');
    for (List<String> row : rows(result)) {
      out.append("| ").append(String.join(" | ", row.stream().map(CheckTable::escape).toList())).append(" |\n");
    }
    out.append('\n');
    for (ImagePlan p : result.images()) {
      if (result.detailed(p)) {
        details(out, p, "- ", "`");
      }
    }
    recommendation(out, result, "- ");
    return out.toString();
  }

  /**
   * One line of an image's details; {@code kind} says what it is about ({@code fails},
   * {@code sdist}, {@code none}, {@code unknown}, {@code skipped}, {@code note}, {@code pitfalls},
   * {@code sizes}, or the verdict whose reason it gives) for renderers that style by it.
   */
  record Detail(String kind, String text) {}

  static final String MATRIX_KEY = "Each cell: verdict, source builds (b), estimated image size; * the recommendation; "
      + "(+pkgs) fails as written but installs once the system packages named are added.";

  static final String NO_RECOMMENDATION = "No recommendation: no image is known to install this project as written"
      + " (see the verdicts: unknown is not a yes).";

  /** What a person should know about one image beyond its row; {@code code} quotes file names and errors. */
  static List<Detail> details(ImagePlan p, String code) {
    List<Detail> lines = new ArrayList<>();
    p.reason().ifPresent(r -> lines.add(new Detail(p.verdict().json(), p.verdict().json() + ": " + r)));
    Map<String, List<String>> sameUnknown = new LinkedHashMap<>();
    Map<String, Integer> unknownLine = new HashMap<>();
    p.failure().ifPresent(f -> lines.add(new Detail("fails", "fails at " + f.packageName() + ": missing "
        + String.join(" ", f.missingSystemPackages()) + " -> " + code + f.error() + code)));
    for (PackagePlan pkg : p.packages()) {
      if (pkg.choice() instanceof Choice.Sdist s) {
        // A known build's note says what the answer rests on ("likely pure: …" is a guess from the
        // project's wheels, "not usable on this distro"): printed, not only in the JSON.
        String needs = pkg.build().map(b -> b.known()
            ? (b.systemPackages().isEmpty() ? "no system packages" : String.join(" ", b.systemPackages()))
              + (b.toolchains().isEmpty() ? "" : " (" + String.join(", ", b.toolchains()) + ")") + b.note().map(n -> "; " + n).orElse("")
            : "needs unknown" + b.note().map(n -> ": " + n).orElse("")).orElse("")
            + pkg.build().filter(b -> !b.note().orElse("").contains(b.sdist().describe())).map(b -> "; sdist " + b.sdist().describe()).orElse("");
        lines.add(new Detail("sdist", "builds " + code + s.file().filename() + code + " from source; " + needs
            + (pkg.filesComplete() ? "" : " [file list incomplete: a wheel for this image was not seen, not seen to be absent]")));
      } else if (pkg.choice() instanceof Choice.Nothing n) {
        lines.add(new Detail("none", "cannot install " + pkg.name() + pkg.version().map(v -> " " + v).orElse("") + ": " + n.reason()
            + (pkg.filesComplete() ? "" : " [file list incomplete]")));
      } else if (pkg.choice() instanceof Choice.Unknown u) {
        // One resolver failure leaves every package it stops unknown for the same reason: say it once.
        List<String> names = sameUnknown.get(u.reason());
        if (names == null) {
          sameUnknown.put(u.reason(), names = new ArrayList<>());
          unknownLine.put(u.reason(), lines.size());
          lines.add(new Detail("unknown", "unknown: " + u.reason()));
        }
        names.add(pkg.name());
      }
    }
    sameUnknown.forEach((reason, names) -> {
      if (names.size() > 1) {
        lines.set(unknownLine.get(reason), new Detail("unknown", "unknown (" + String.join(", ", names) + "): " + reason));
      }
    });
    if (!p.skipped().isEmpty()) {
      lines.add(new Detail("skipped", "not compared: " + String.join("; ", p.skipped())));
    }
    p.image().remarks().forEach(r -> lines.add(new Detail("note", "note: " + r)));
    if (!p.summary().pitfalls().isEmpty()) {
      lines.add(new Detail("pitfalls", "musl pitfalls: " + String.join(", ", p.summary().pitfalls())));
    }
    p.summary().sizeNotes().forEach(n -> lines.add(new Detail("sizes", "size: " + n)));
    // Files whose size was estimated are said so in the size notes; only the rest are unknown.
    int unknownSizes = p.summary().unknownSizes() - p.summary().estimatedSizes();
    if (unknownSizes > 0 && p.verdict() != dev.wheelwise.advise.Verdict.UNAVAILABLE) {
      lines.add(new Detail("sizes", unknownSizes + " file size(s) unknown"));
    }
    return lines;
  }

  private static void details(StringBuilder out, ImagePlan p, String bullet, String code) {
    List<Detail> lines = details(p, code);
    if (lines.isEmpty()) {
      return;
    }
    out.append(bullet.isEmpty() ? "" : "#### ").append(p.image().image()).append(" (").append(p.image().platform()).append(")\n");
    for (Detail l : lines) {
      out.append(bullet.isEmpty() ? "  " : bullet).append(l.text()).append('\n');
    }
    out.append('\n');
  }

  private static void recommendation(StringBuilder out, CheckResult result, String bullet) {
    if (result.recommendation().isPresent()) {
      out.append(bullet.isEmpty() ? "Recommendation: " : "**Recommendation:** ").append(result.recommendation().get().image()).append('\n');
      for (String r : result.recommendation().get().reasons()) {
        out.append(bullet.isEmpty() ? "  - " : bullet).append(r).append('\n');
      }
      result.recommendation().get().setup().ifPresent(line -> out.append(bullet.isEmpty() ? "    " : bullet + "`")
          .append(line).append(bullet.isEmpty() ? "" : "`").append('\n'));
    } else {
      out.append(NO_RECOMMENDATION).append('\n');
      result.nearest().ifPresent(n -> {
        out.append(bullet.isEmpty() ? "  " : bullet).append("nearest: ").append(n.image()).append(" (").append(n.platform())
            .append("), blocked by:\n");
        n.blocking().forEach(b -> out.append(bullet.isEmpty() ? "    - " : "  - ").append(b).append('\n'));
      });
    }
    if (!result.remedies().isEmpty()) {
      out.append(bullet.isEmpty() ? "\nRemedies:\n" : "\n**Remedies:**\n");
      for (CheckResult.Remedy r : result.remedies()) {
        out.append(bullet.isEmpty() ? "  - " : bullet).append(r.image()).append(" (").append(r.platform()).append("): ")
            .append(r.text()).append('\n');
      }
    }
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      out.append(c);
      if (i < cells.size() - 1) {
        out.append(" ".repeat(widths[i] - c.codePointCount(0, c.length()) + 2));
      }
    }
    out.append('\n');
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
