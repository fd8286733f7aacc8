package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * For every pylock.toml in the corpus, seven targets and three selections (defaults; every extra
 * the lock names; every group), the packages selected equal
 * {@code packaging.pylock.Pylock.select} of packaging 26.2 ({@code oracle/installset_pylock.py}).
 */
class PylockInstallSetDifferentialTest {

  @Test
  void selectionsEqualPackagingPylock() throws Exception {
    List<Path> locks = InstallSetOracle.corpusFiles(p -> ProjectInputs.kindOf(p).orElse(null) == InputKind.PYLOCK);
    List<InstallSetOracle.Case> cases = new ArrayList<>();
    int refused = 0;
    for (Path lock : locks) {
      LockedSet set;
      try {
        set = PylockReader.read(lock);
      } catch (InputParseError e) {
        // Genuinely invalid per PEP 751; packaging.pylock must refuse it for the same reason.
        cases.add(new InstallSetOracle.Case(lock, null, e.getMessage(), "3.12.0", "x86_64", GroupSelection.DEFAULT));
        refused++;
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(lock.toFile());
      Set<String> extras = new java.util.LinkedHashSet<>();
      root.path("extras").forEach(e -> extras.add(e.asText()));
      Set<String> groups = new java.util.LinkedHashSet<>();
      root.path("dependency-groups").forEach(g -> groups.add(g.asText()));
      List<GroupSelection> selections = List.of(GroupSelection.DEFAULT, new GroupSelection(extras, Set.of(), false),
          new GroupSelection(Set.of(), groups, false));
      for (String[] target : InstallSetOracle.TARGETS) {
        for (GroupSelection s : selections) {
          cases.add(new InstallSetOracle.Case(lock, set, target[0], target[1], s));
        }
      }
    }
    assertThat(locks).hasSizeGreaterThanOrEqualTo(8);
    assertThat(refused).as("pylock files refused as invalid").isLessThanOrEqualTo(2);
    int compared = InstallSetOracle.compare("installset_pylock.py", cases);
    assertThat(compared).isGreaterThan(100);
  }
}
