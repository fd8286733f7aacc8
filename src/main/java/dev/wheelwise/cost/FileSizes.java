package dev.wheelwise.cost;

import dev.wheelwise.pep440.Version;
import dev.wheelwise.pep508.Names;
import dev.wheelwise.tags.InvalidWheelFilename;
import dev.wheelwise.tags.PipFilenames;
import dev.wheelwise.tags.WheelFilename;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes of index files that no page or lock records (all 2020 files in our data), from
 * {@code file-sizes.tsv}: what pip printed while downloading them, in public logs.
 *
 * <ul>
 *   <li>The file itself printed: pip's rounding is undone into a band ("13.1 MB" is 13.05–13.15 MB,
 *       "509kB" 509–510 kB, pip's {@code format_size}). Not estimated: only rounded.
 *   <li>Otherwise a neighbour: a file of the same project and kind (an sdist; a wheel with the
 *       same platform tag) of the same version with another Python tag, or of a version at most
 *       one minor release away. Its band is widened by {@link #neighbourFactor()}: the largest
 *       size ratio between two such neighbours in the table (computed, not chosen). Marked
 *       estimated.
 *   <li>Nothing: unknown.
 * </ul>
 */
public final class FileSizes {

  /** A size band in bytes and what it rests on. */
  public record Band(long low, long high, boolean estimated, String basis) {}

  record Row(String project, String filename, String printed, String source, long low, long high) {}

  private static final Pattern PRINTED = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(MB|kB|bytes)");

  private final List<Row> rows;
  private final double factor;
  private final String factorBasis;

  private FileSizes(List<Row> rows) {
    this.rows = List.copyOf(rows);
    double f = 1;
    String basis = "no neighbour pairs";
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        Row a = rows.get(i);
        Row b = rows.get(j);
        if (a.project().equals(b.project()) && neighbours(a.project(), a.filename(), b.filename())) {
          double r = Math.max(mid(a) / mid(b), mid(b) / mid(a));
          if (r > f) {
            f = r;
            basis = a.filename() + " / " + b.filename();
          }
        }
      }
    }
    this.factor = f;
    this.factorBasis = basis;
  }

  private static double mid(Row r) {
    return (r.low() + r.high()) / 2.0;
  }

  public static FileSizes load() {
    try (InputStream in = FileSizes.class.getResourceAsStream("file-sizes.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource dev/wheelwise/cost/file-sizes.tsv is missing from the build");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FileSizes parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    boolean header = true;
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] c = line.split("\t", -1);
      long[] band = band(c[2]);
      rows.add(new Row(Names.canonicalize(c[0]), c[1], c[2], c[3], band[0], band[1]));
    }
    return new FileSizes(rows);
  }

  /** pip's printed size as the byte interval it was rounded from. */
  static long[] band(String printed) {
    Matcher m = PRINTED.matcher(printed);
    if (!m.matches()) {
      throw new IllegalArgumentException("file-sizes.tsv: cannot read size '" + printed + "'");
    }
    double v = Double.parseDouble(m.group(1));
    boolean decimal = m.group(1).contains(".");
    double unit = switch (m.group(2)) {
      case "MB" -> 1_000_000;
      case "kB" -> 1_000;
      default -> 1;
    };
    // "%.1f MB" rounds; "%d kB" truncates (pip: int(bytes / 1000)).
    double lo = decimal ? (v - 0.05) * unit : v * unit;
    double hi = decimal ? (v + 0.05) * unit : (v + 1) * unit - 1;
    return new long[] {Math.round(lo), Math.round(hi)};
  }

  /** The largest size ratio between neighbours in the table. */
  public double neighbourFactor() {
    return factor;
  }

  public String neighbourFactorBasis() {
    return factorBasis;
  }

  /** The size band of a file of {@code project}, printed or estimated from a neighbour; empty when neither. */
  public Optional<Band> of(String project, String filename) {
    String name = Names.canonicalize(project);
    for (Row r : rows) {
      if (r.project().equals(name) && r.filename().equals(filename)) {
        return Optional.of(new Band(r.low(), r.high(), false, "pip printed " + r.printed() + " (" + r.source() + ")"));
      }
    }
    Optional<Version> v = PipFilenames.version(name, filename);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return rows.stream().filter(r -> r.project().equals(name) && neighbours(name, filename, r.filename()))
        .min(Comparator.comparing((Row r) -> distance(v.get(), PipFilenames.version(name, r.filename()).orElseThrow())))
        .map(r -> new Band(Math.round(r.low() / factor), Math.round(r.high() * factor), true, String.format(Locale.ROOT,
            "estimated from %s (pip printed %s, %s) × 1/%.2f–%.2f, the largest ratio between neighbours in file-sizes.tsv (%s)",
            r.filename(), r.printed(), r.source(), factor, factor, factorBasis)));
  }

  /** 0 for the same version, else how many minor releases apart (major changes count 100). */
  private static int distance(Version a, Version b) {
    int da = part(a, 0) - part(b, 0);
    int dm = part(a, 1) - part(b, 1);
    return Math.abs(da) * 100 + Math.abs(dm) + (a.equals(b) ? 0 : 1);
  }

  private static int part(Version v, int i) {
    return v.release().size() > i ? v.release().get(i).min(BigInteger.valueOf(10_000)).intValue() : 0;
  }

  /** Files of the same project, other file, same kind; same version or at most one minor release apart. */
  static boolean neighbours(String project, String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    Optional<Shape> sa = shape(project, a);
    Optional<Shape> sb = shape(project, b);
    if (sa.isEmpty() || sb.isEmpty() || !sa.get().kind().equals(sb.get().kind())) {
      return false;
    }
    Version va = sa.get().version();
    Version vb = sb.get().version();
    return part(va, 0) == part(vb, 0) && Math.abs(part(va, 1) - part(vb, 1)) <= 1;
  }

  private record Shape(Version version, String kind) {}

  /** A file of {@code project} as pip reads it ({@link PipFilenames}): its version, and an sdist or a wheel's platforms. */
  private static Optional<Shape> shape(String project, String filename) {
    Optional<Version> version = PipFilenames.version(project, filename);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    if (!filename.endsWith(".whl")) {
      return Optional.of(new Shape(version.get(), "sdist"));
    }
    TreeSet<String> platforms = new TreeSet<>();
    try {
      WheelFilename.parse(filename).tags().forEach(t -> platforms.add(t.platform()));
    } catch (InvalidWheelFilename e) {
      return Optional.empty();
    }
    return Optional.of(new Shape(version.get(), "wheel " + platforms));
  }
}
