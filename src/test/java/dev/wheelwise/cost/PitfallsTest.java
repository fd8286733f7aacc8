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
}
