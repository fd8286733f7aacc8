package dev.wheelwise.cost;

import dev.wheelwise.LocalFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's own build timings ({@code bench --record FILE}, compile-times.tsv's columns
 * {@code package version platform seconds cores source quote kind sdist_size}) added to the
 * bundled observations for {@code check --observations FILE}: the calibration loop closes on
 * the user's machine. A row that cannot be read is an error naming the file and line.
 */
public final class RecordedObservations {
  private static final List<String> REQUIRED = List.of("package", "version", "platform", "seconds", "kind");

  private RecordedObservations() {}

  /** The compile-time model calibrated on the bundled observations and the file's rows. */
  public static CompileTimeModel modelWith(Path file) throws IOException {
    List<KnowledgeFiles.ObservationRow> rows = new ArrayList<>(
        KnowledgeFiles.read(KnowledgeFiles.COMPILE_TIMES, KnowledgeFiles.CompileTimesFile.class).rows());
    rows.addAll(read(file));
    return CompileTimeModel.calibrate(CompileObservations.of(rows), o -> true);
  }

  static List<KnowledgeFiles.ObservationRow> read(Path file) throws IOException {
    List<String> lines = new String(LocalFiles.read(file), StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = List.of(lines.get(0).split("\t", -1));
    for (String column : REQUIRED) {
      if (!header.contains(column)) {
        throw new IOException(file + ":1: missing column '" + column + "' (bench --record writes the header: "
            + "package version platform seconds cores source quote kind sdist_size, tab-separated)");
      }
    }
    List<KnowledgeFiles.ObservationRow> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank() || lines.get(i).startsWith("#")) {
        continue;
      }
      String[] cells = lines.get(i).split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size() && c < cells.length; c++) {
        row.put(header.get(c), cells[c].strip());
      }
      int line = i + 1;
      double seconds;
      try {
        seconds = Double.parseDouble(row.getOrDefault("seconds", ""));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + line + ": seconds '" + row.get("seconds") + "' is not a number");
      }
      String pkg = row.get("package").toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
      Integer cores = parseInt(row.get("cores"));
      Map<String, Long> sdist = new HashMap<>();
      String sdistText = row.getOrDefault("sdist_size", "");
      if (!sdistText.isEmpty()) {
        try {
          sdist.put(pkg, Long.parseLong(sdistText));
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + line + ": sdist_size '" + sdistText + "' is not a number of bytes");
        }
      }
      String platform = row.get("platform");
      out.add(new KnowledgeFiles.ObservationRow(-line, pkg + " " + row.get("version") + " (" + file.getFileName() + ":" + line + ")",
          List.of(pkg), false, row.get("version"), platform, seconds, seconds, false, cores, row.get("kind"), false,
          platform.toLowerCase(Locale.ROOT).contains("alpine") || platform.toLowerCase(Locale.ROOT).contains("musl"),
          sdist, null, file + ":" + line + " " + row.getOrDefault("source", ""), file.getFileName().toString()));
    }
    return out;
  }

  private static Integer parseInt(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
