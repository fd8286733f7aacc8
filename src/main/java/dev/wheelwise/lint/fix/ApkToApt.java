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
import java.util.Optional;

/**
 * Alpine package names to Debian ones, read from {@code apk-to-apt.tsv} (data with a source
 * column, so a reviewer can check each row against the distributions' package pages). An
 * empty list means Debian needs nothing for it (musl-dev: libc6-dev comes with the compiler).
 */
public final class ApkToApt {
  private static final ApkToApt DEFAULT = load();
  private final Map<String, List<String>> names;

  private ApkToApt(Map<String, List<String>> names) {
    this.names = Map.copyOf(names);
  }

  public static ApkToApt standard() {
    return DEFAULT;
  }

  /** The Debian packages for an apk package name (no version), empty when none is known. */
  public Optional<List<String>> debian(String apk) {
    return Optional.ofNullable(names.get(apk));
  }

  private static ApkToApt load() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    try (InputStream in = ApkToApt.class.getResourceAsStream("apk-to-apt.tsv")) {
      if (in == null) {
        throw new IllegalStateException("apk-to-apt.tsv is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 3 || cols[2].isBlank()) {
          throw new IllegalStateException("apk-to-apt.tsv: expected apk, apt and source columns: " + line);
        }
        map.put(cols[0], cols[1].equals("-") ? List.of() : Arrays.asList(cols[1].split(" ")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ApkToApt(map);
  }
}
