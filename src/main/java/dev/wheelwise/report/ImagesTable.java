package dev.wheelwise.report;

import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.OsRelease;
import dev.wheelwise.pep440.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code wheelwise images} as a terminal table: one row per image, unknown facts printed as
 * "unknown", recalled ones marked UNVERIFIED and computed ones "(derived)", then the remarks.
 */
public final class ImagesTable {
  private ImagesTable() {}

  private static final String[] HEADER = {"IMAGE", "OS", "LIBC", "PYTHON", "PIP", "COMPRESSED", "UNCOMPRESSED", "COMPILERS", "PKG", "AS OF"};

  public static String render(List<ImageFacts> images, boolean showGiven) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    Set<String> remarks = new LinkedHashSet<>();
    for (ImageFacts f : images) {
      String name = showGiven ? f.image().reference().familiar() : f.image().canonical().familiar();
      rows.add(new String[] {
        name,
        f.os().display(OsRelease::toString),
        f.entry().libcFamily().map(fam -> fam.lower() + " ").orElse("") + f.libcVersion().display(v -> v),
        f.python().display(Version::toString),
        f.pip().display(Version::toString),
        size(f.compressedBytes()),
        size(f.uncompressedBytes()),
        f.compilers().display(list -> list.isEmpty() ? "none" : String.join(",", list)),
        f.packageManager().display(v -> v),
        f.asOf() + (f.entry().dated() ? "" : " (undated)"),
      });
      for (String remark : f.remarks()) {
        remarks.add(name + ": " + remark);
      }
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (!images.isEmpty()) {
      out.append("\nsizes for ").append(images.get(0).platform()).append(" in MB (10^6 bytes). UNVERIFIED: recalled, not read from a source;")
          .append(" (derived): computed from verified facts; unknown: not known, never guessed.\n");
    }
    for (String remark : remarks) {
      out.append("note: ").append(remark).append('\n');
    }
    return out.toString();
  }

  static String size(OptionalLong bytes) {
    return bytes.isPresent() ? String.format(Locale.ROOT, "%.1f MB", bytes.getAsLong() / 1e6) : "unknown";
  }
}
