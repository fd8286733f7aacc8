package dev.wheelwise.advise;

import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison as a grid: a row per Python minor (newest first), a column per variant and
 * platform (slim, then full, then alpine, each newest OS release first, then other images), and
 * a cell per candidate with its verdict, source builds and estimates.
 *
 * @param rows Python minors ({@code 3.14}…), newest first; {@code unknown} last
 * @param columns variant × platform, in display order
 * @param cells one per candidate, in candidate order
 */
public record Matrix(List<String> rows, List<Column> columns, List<Cell> cells) {

  /** A column: a variant ({@code slim-trixie}, {@code alpine3.24}, or another image's name) on a platform. */
  public record Column(String variant, String platform) {
    public Column {
      Objects.requireNonNull(variant, "variant");
      Objects.requireNonNull(platform, "platform");
    }
  }

  /**
   * One candidate.
   *
   * @param installs whether the image installs the project ({@link Ranking#installs}), possibly
   *     after adding known system packages
   * @param rank its place in the ranking, 1 = best
   * @param recommended whether it is the recommended image
   */
  public record Cell(String row, Column column, String image, Verdict verdict, boolean installs, int sourceBuilds,
      Optional<Range> imageBytes, List<String> sizeUnknown, Optional<Range> buildSeconds, List<String> buildTimeUnknown,
      int rank, boolean recommended) {
    public Cell {
      Objects.requireNonNull(row, "row");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(imageBytes, "imageBytes");
      sizeUnknown = List.copyOf(sizeUnknown);
      Objects.requireNonNull(buildSeconds, "buildSeconds");
      buildTimeUnknown = List.copyOf(buildTimeUnknown);
    }
  }

  public Matrix {
    rows = List.copyOf(rows);
    columns = List.copyOf(columns);
    cells = List.copyOf(cells);
  }

  /** The cell at a row and column, when a candidate sits there. */
  public Optional<Cell> at(String row, Column column) {
    return cells.stream().filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst();
  }

  /** The grid of {@code plans} (in candidate order), ranked as {@code ranked}. */
  static Matrix of(List<ImagePlan> plans, List<ImagePlan> ranked, Optional<String> recommended) {
    Set<String> rowSet = new LinkedHashSet<>();
    List<String> variants = new ArrayList<>();
    List<String> platforms = new ArrayList<>();
    for (ImagePlan p : plans) {
      rowSet.add(p.image().minor());
      if (!variants.contains(p.image().variant())) {
        variants.add(p.image().variant());
      }
      if (!platforms.contains(p.image().platform())) {
        platforms.add(p.image().platform());
      }
    }
    List<String> rows = rowSet.stream().sorted(Comparator.comparing(Matrix::minorKey, Comparator.reverseOrder())).toList();
    List<String> ordered = variants.stream().sorted(Comparator.comparingInt(Matrix::family)).toList();
    List<Column> columns = new ArrayList<>();
    for (String v : ordered) {
      for (String platform : platforms) {
        if (plans.stream().anyMatch(p -> p.image().variant().equals(v) && p.image().platform().equals(platform))) {
          columns.add(new Column(v, platform));
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (ImagePlan p : plans) {
      ImagePlan.Summary s = p.summary();
      cells.add(new Cell(p.image().minor(), new Column(p.image().variant(), p.image().platform()), p.image().image(), p.verdict(),
          Ranking.installs(p), s.sourceBuilds(), s.estimatedImageBytes(), s.sizeUnknown(), s.estimatedBuildSeconds(),
          s.buildTimeUnknown(), ranked.indexOf(p) + 1, recommended.map(r -> r.equals(p.image().image())).orElse(false)));
    }
    return new Matrix(rows, columns, cells);
  }

  /** slim first, then full (a Debian codename), then alpine, then other images; the sort is stable. */
  private static int family(String variant) {
    if (variant.startsWith("slim")) {
      return 0;
    }
    if (variant.startsWith("alpine")) {
      return 2;
    }
    return variant.matches("[a-z]+") ? 1 : 3;
  }

  private static Version minorKey(String minor) {
    Version v = Version.tryParse(minor);
    return v != null ? v : Version.tryParse("0");
  }
}
