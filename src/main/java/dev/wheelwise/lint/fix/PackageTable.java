package dev.wheelwise.lint.fix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The package-name tables fix ships as data (apk -> apt, apk build package -> runtime
 * packages): tab-separated name, names ({@code -} for none) and a source, so a reviewer can
 * check each row; {@code #} lines are comments.
 */
final class PackageTable {
  private PackageTable() {}

  static Map<String, List<String>> load(String resource) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    try (InputStream in = PackageTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 3 || cols[2].isBlank()) {
          throw new IllegalStateException(resource + ": expected name, names and source columns: " + line);
        }
        map.put(cols[0], cols[1].equals("-") ? List.of() : Arrays.asList(cols[1].split(" ")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
