package dev.wheelwise.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The wire shape of the three generated resources under {@code dev/wheelwise/cost/}. They are
 * derived from ../shared/knowledge by {@code KnowledgeGenerator} (test scope) and checked against
 * a fresh generation by a test; the models ({@link BuildDeps}, {@link CompileObservations},
 * {@link Pitfalls}) are built from these records and never touch JSON themselves.
 */
final class KnowledgeFiles {
  static final String BUILD_DEPS = "build-deps.json";
  static final String COMPILE_TIMES = "compile-times.json";
  static final String PITFALLS = "musl-pitfalls.json";

  private KnowledgeFiles() {}

  /** One distro column of build-deps.tsv, split into what must be installed and the rest. */
  record DistroColumn(
      List<String> required,
      List<String> optional,
      List<String> runtime,
      List<String> remarks,
      boolean notUsable,
      boolean noneNeeded) {}

  /** One row of build-deps.tsv. {@code names} are PEP 503 names; family rows have none. */
  record BuildDepsRow(
      int line,
      String label,
      List<String> names,
      String family,
      List<String> toolchains,
      String toolchainDetail,
      DistroColumn apk,
      DistroColumn apt,
      String notes,
      boolean unverifiedClaims,
      List<String> unverifiedApkNames,
      List<String> sources) {}

  record BuildDepsFile(String schema, String derivedFrom, List<BuildDepsRow> rows) {}

  /**
   * One row of compile-times.tsv. Seconds are an interval: {@code >N} has no high end, {@code <N}
   * no low end, {@code NA} neither. {@code sdistBytes} maps a package to the size of its sdist
   * as the row gives it (pip's units: kB = 1000 B, MB = 1000000 B). {@code file} names the table
   * the row is from ({@code compile-times.tsv}, {@code public-compile-times.tsv}, a recorded file):
   * {@code line} is a line of that file.
   */
  record ObservationRow(
      int line,
      String label,
      List<String> packages,
      boolean includesOtherPackages,
      String version,
      String platform,
      Double secondsLow,
      Double secondsHigh,
      boolean approximate,
      Integer cores,
      String kind,
      boolean emulated,
      boolean musl,
      java.util.Map<String, Long> sdistBytes,
      Long wheelBytes,
      String source,
      String file) {}

  record CompileTimesFile(String schema, String derivedFrom, List<ObservationRow> rows) {}

  /** One numbered section of musl-pitfalls.md with the triggers wheelwise matches on. */
  record PitfallRow(
      String id,
      int section,
      String title,
      String whatHappens,
      String mitigation,
      String detection,
      List<String> triggerPackages,
      List<String> unverifiedTriggerPackages,
      List<String> triggerUses,
      List<String> sources) {}

  record PitfallsFile(String schema, String derivedFrom, List<PitfallRow> rows) {}

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  static <T> T read(String name, Class<T> type) {
    try (InputStream in = KnowledgeFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource dev/wheelwise/cost/" + name + " is missing from the build");
      }
      return mapper().readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource dev/wheelwise/cost/" + name, e);
    }
  }
}
