package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.index.LoopbackIndex;
import dev.wheelwise.tags.Arch;
import dev.wheelwise.tags.Libc;
import dev.wheelwise.tags.Target;
import dev.wheelwise.testing.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against pip's own (issue 9): pip 23.2.1 resolves marker-free requirement sets
 * against a loopback index that serves the corpus's uv.lock releases under their real file
 * names, each wheel a small generated one carrying the release's recorded dependencies; the
 * versions and files pip reports must be the resolver's, for every set and target, and a set
 * pip cannot install must be one the resolver finds no solution for.
 */
class PipDifferentialTest {

  private record Run(Target target, List<String> requirements) {}

  @Test
  void resolutionAgreesWithPip(@TempDir Path tmp) throws Exception {
    LockUniverse universe = LockUniverse.read(Shared.require("corpus/lockfiles/uv"));
    assertThat(universe.releases()).isGreaterThan(200);
    List<Target> targets = List.of(new Target(3, 12, 0, false, Libc.glibc(2, 36), Arch.X86_64),
        new Target(3, 12, 0, false, Libc.musl(1, 2), Arch.X86_64), new Target(3, 11, 0, false, Libc.glibc(2, 28), Arch.AARCH64));
    List<List<String>> sets = universe.requirementSets(12, 9);
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, universe);
      List<Run> runs = new ArrayList<>();
      for (Target t : targets) {
        sets.forEach(s -> runs.add(new Run(t, s)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Map<String, String>>> pips = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Path dir = tmp.resolve("t" + i);
        pips.add(pool.submit(() -> PipOracle.choose(index.base(), run.target(), run.requirements(), dir)));
      }
      int packages = 0;
      int failedBoth = 0;
      List<String> disagreements = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Map<String, String> theirs = pips.get(i).get();
        Resolution ours = PipOracle.resolve(universe, run.target(), run.requirements());
        Map<String, String> mine = new TreeMap<>();
        ours.pinned().forEach(p -> mine.put(p.name(), p.version() + " " + p.file()));
        assertThat(ours.unknown()).as("every release in the universe has recorded dependencies").isEmpty();
        if (theirs == null) {
          failedBoth += ours.solved() ? 0 : 1;
          if (ours.solved()) {
            disagreements.add(run + ": pip found no solution, the resolver chose " + mine);
          }
          continue;
        }
        packages += theirs.size();
        if (!theirs.equals(mine)) {
          disagreements.add(run + ":\n  pip:  " + theirs + "\n  ours: " + mine + ours.conflict().map(c -> "\n  conflict: " + c).orElse(""));
        }
      }
      pool.shutdown();
      System.out.printf("pip differential: %d requirement sets x %d targets = %d resolutions, %d packages compared, %d unsolvable"
          + " for both; universe of %d releases%n", sets.size(), targets.size(), runs.size(), packages, failedBoth, universe.releases());
      assertThat(disagreements).isEmpty();
      assertThat(packages).isGreaterThan(runs.size());
    }
  }
}
