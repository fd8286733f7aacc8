package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Locks that state each package's groups and marker (Pipfile.lock; pdm.lock with
 * inherit_metadata): for every corpus file, seven targets, main and main+dev, the install set
 * equals a filter with packaging 26.2's markers ({@code oracle/installset_markers.py}).
 */
class MarkerLockInstallSetDifferentialTest {

  @Test
  void installSetsEqualPackagingMarkerFilter() throws Exception {
    List<Path> locks = InstallSetOracle.corpusFiles(p -> {
      String n = p.getFileName().toString();
      return n.equals("Pipfile.lock") || n.equals("pdm.lock");
    });
    ProjectInputs inputs = new ProjectInputs(Map.of());
    List<InstallSetOracle.Case> cases = new ArrayList<>();
    for (Path lock : locks) {
      LockedSet set = (LockedSet) inputs.read(lock);
      if (set.selection() != LockedSet.Selection.PER_PACKAGE_MARKERS) {
        continue;
      }
      for (String[] target : InstallSetOracle.TARGETS) {
        for (GroupSelection s : List.of(GroupSelection.DEFAULT, new GroupSelection(Set.of(), Set.of(), true))) {
          cases.add(new InstallSetOracle.Case(lock, set, target[0], target[1], s));
        }
      }
    }
    assertThat(cases.stream().map(InstallSetOracle.Case::lock).distinct().count()).isGreaterThanOrEqualTo(20);
    int compared = InstallSetOracle.compare("installset_markers.py", cases);
    assertThat(compared).isGreaterThan(1000);
  }
}
