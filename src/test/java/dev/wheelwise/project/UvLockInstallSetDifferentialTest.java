package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * For every uv.lock in the corpus, seven targets and three selections (main only; with the dev
 * group; with every extra of the project), the install set equals the one a Python walk of the
 * lock with packaging 26.2's markers computes ({@code oracle/installset_uv.py}, one process).
 */
class UvLockInstallSetDifferentialTest {

  @Test
  void installSetsEqualPackagingWalk() throws Exception {
    List<Path> locks = InstallSetOracle.corpusFiles(p -> p.getFileName().toString().equals("uv.lock"));
    List<InstallSetOracle.Case> cases = new ArrayList<>();
    for (Path lock : locks) {
      LockedSet set = UvLockReader.read(lock);
      boolean conflicts = Files.readString(lock).contains("\nconflicts = ");
      List<GroupSelection> selections = new ArrayList<>();
      selections.add(GroupSelection.DEFAULT);
      selections.add(new GroupSelection(Set.of(), Set.of(), true));
      if (!conflicts && !set.rootExtras().isEmpty()) {
        // uv's conflict markers treat several activated extras together; packaging evaluates one
        // `extra` at a time, so all-extras is compared only for locks without conflicts.
        selections.add(new GroupSelection(set.rootExtras().keySet(), Set.of(), false));
      }
      for (String[] target : InstallSetOracle.TARGETS) {
        for (GroupSelection s : selections) {
          cases.add(new InstallSetOracle.Case(lock, set, target[0], target[1], s));
        }
      }
    }
    assertThat(locks).hasSizeGreaterThanOrEqualTo(43);
    int compared = InstallSetOracle.compare("installset_uv.py", cases);
    assertThat(compared).isGreaterThan(10_000);
  }
}
