package dev.wheelwise.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pitfalls from the bundled knowledge (derived from ../shared/knowledge/musl-pitfalls.md). */
class PitfallsTest {

  private final Pitfalls pitfalls = Pitfalls.load();

  private static List<String> ids(List<PitfallMatch> matches) {
    return matches.stream().map(PitfallMatch::id).toList();
  }

  @Test
  void everySectionHasAStableIdTitleAndText() {
    assertThat(pitfalls.all()).hasSize(16);
    assertThat(pitfalls.all()).extracting(Pitfall::id).doesNotHaveDuplicates().allMatch(id -> id.matches("musl(-[a-z0-9]+)+"));
    assertThat(pitfalls.all()).extracting(Pitfall::id)
        .contains("musl-thread-stack", "musl-dns", "musl-find-library", "musl-locale", "musl-malloc", "musl-tzdata");
    assertThat(pitfalls.byId("musl-thread-stack").orElseThrow().whatHappens()).contains("128 KiB");
    assertThat(pitfalls.byId("musl-dns").orElseThrow().mitigation()).get().asString().contains("1.2.4");
    assertThat(pitfalls.byId("musl-find-library").orElseThrow().sources()).contains("GH:ahupp/python-magic#114");
  }

  /** The article's install (2020 pins) on python:3.8-alpine: musl 1.1.24, compiled, no tzdata known. */
  @Test
  void articleSetOnPython38Alpine() {
    Set<String> names = Set.of("matplotlib", "pandas", "numpy", "kiwisolver", "cycler", "pyparsing", "python-dateutil", "pytz", "six");
    Exposure exposure = new Exposure(Optional.of("1.1.24"), true, Optional.empty(), true, Set.of());
    List<PitfallMatch> matches = pitfalls.matching(names, true, exposure);
    assertThat(ids(matches)).containsExactly("musl-source-builds", "musl-dns", "musl-locale", "musl-tzdata");
    PitfallMatch tz = matches.get(3);
    assertThat(tz.because()).containsExactly("package pandas", "package python-dateutil", "package pytz");
    assertThat(tz.unverified()).isFalse();
  }

  @Test
  void imageFactsSwitchTriggersOff() {
    Set<String> names = Set.of("pandas", "numpy");
    Exposure current = new Exposure(Optional.of("1.2.5-r11"), true, Optional.of(true), false, Set.of());
    assertThat(ids(pitfalls.matching(names, true, current))).isEmpty();
    assertThat(pitfalls.matching(names, false, current)).isEmpty();
    assertThat(ids(pitfalls.matching(names, true))).containsExactly("musl-tzdata");
  }

  @Test
  void findLibraryAndHeuristicTriggers() {
    List<PitfallMatch> m = pitfalls.matching(Set.of("python-magic", "gunicorn", "orjson", "flask"), true);
    assertThat(ids(m)).containsExactly("musl-find-library", "musl-malloc");
    assertThat(m.get(0).because()).containsExactly("package gunicorn", "package python-magic");
    assertThat(m.get(1).unverified()).isTrue();
  }

  @Test
  void glibcBinariesAndUses() {
    assertThat(ids(pitfalls.matching(Set.of("ibm-db"), true))).containsExactly("musl-glibc-binaries");
    Exposure alpinePython = new Exposure(Optional.empty(), false, Optional.of(false), false, Set.of(Exposure.Use.OS_SCHED));
    assertThat(ids(pitfalls.matching(Set.of("requests"), true, alpinePython))).containsExactly("musl-thread-stack", "musl-sched");
  }

  /** Package names of a corpus uv.lock ({@code name = "…"} lines of its [[package]] tables). */
  private static Set<String> lockNames(String project) throws java.io.IOException {
    java.nio.file.Path lock = dev.wheelwise.testing.Shared.require("corpus/lockfiles/uv/" + project + "/uv.lock");
    Set<String> names = new java.util.TreeSet<>();
    for (String line : java.nio.file.Files.readAllLines(lock)) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^name = \"([^\"]+)\"").matcher(line);
      if (m.find()) {
        names.add(dev.wheelwise.pep508.Names.canonicalize(m.group(1)));
      }
    }
    return names;
  }

  /** paperless-ngx's lock on a current python:*-alpine (musl 1.2.5, tzdata in the image). */
  @Test
  void paperlessNgxLockOnCurrentAlpine() throws java.io.IOException {
    Set<String> names = lockNames("paperless-ngx__paperless-ngx");
    assertThat(names).hasSizeGreaterThan(100).contains("python-magic", "psycopg", "uvloop", "ujson", "tokenizers", "lxml");
    Exposure current = new Exposure(Optional.of("1.2.5"), true, Optional.of(true), false, Set.of());
    List<PitfallMatch> m = pitfalls.matching(names, true, current);
    assertThat(ids(m)).containsExactly("musl-thread-stack", "musl-dns", "musl-find-library", "musl-iconv", "musl-malloc");
    assertThat(m.get(2).because()).containsExactly("package psycopg", "package python-magic");
    assertThat(m.get(3).unverified()).isTrue();
    assertThat(m.get(4).unverified()).isTrue();
    assertThat(pitfalls.matching(names, false, current)).isEmpty();
  }

  /** redash's lock (it locks ibm-db) when the image's tzdata is unknown and something compiles. */
  @Test
  void redashLockWithSourceBuilds() throws java.io.IOException {
    Set<String> names = lockNames("getredash__redash");
    Exposure e = new Exposure(Optional.empty(), true, Optional.empty(), true, Set.of());
    List<PitfallMatch> m = pitfalls.matching(names, true, e);
    assertThat(ids(m)).containsExactly(
        "musl-source-builds", "musl-glibc-binaries", "musl-find-library", "musl-malloc", "musl-tzdata");
    assertThat(m.get(0).because()).contains("package protobuf", "use source-build");
    assertThat(m.get(1).because()).containsExactly("package ibm-db");
    assertThat(m.get(4).because()).contains("package pandas", "package pytz", "package tzlocal");
  }
}
