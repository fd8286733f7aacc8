package dev.wheelwise.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * poetry.lock, pdm.lock and Pipfile.lock install sets on the corpus for every target: each is
 * computed, or refused for a reason a user can act on (Python outside the lock's range, roots
 * missing beside a graph lock). Graph locks must install every main root whose marker holds.
 */
class OtherLocksInstallSetTest {

  @Test
  void everyLockGivesASetOrASpecificRefusal() throws Exception {
    List<Path> locks = InstallSetOracle.corpusFiles(p -> {
      String n = p.getFileName().toString();
      return n.equals("poetry.lock") || n.equals("pdm.lock") || n.equals("Pipfile.lock");
    });
    ProjectInputs inputs = new ProjectInputs(Map.of());
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    int packages = 0;
    for (Path lock : locks) {
      LockedSet set = (LockedSet) inputs.read(lock);
      for (String[] target : InstallSetOracle.TARGETS) {
        try {
          InstallSet result = InstallSets.compute(set, InstallSetOracle.env(target[0], target[1]), GroupSelection.DEFAULT);
          packages += result.packages().size();
          outcomes.merge(set.kind() + " ok", 1, Integer::sum);
        } catch (InstallSetError e) {
          String m = e.getMessage();
          String reason = m.contains("the lock requires Python") ? "requires-python"
              : m.contains("keeps its roots in pyproject.toml") ? "roots unknown"
              // torch is locked three times (pypi, +cpu, +cu126) for the project's cpu/cuda extras;
              // with neither extra Poetry too has nothing to choose by on x86_64 Linux.
              : lock.toString().contains("whisper-asr-webservice") && m.contains(
                  "openai-whisper depends on torch, which matches [torch==2.7.1+cpu, torch==2.7.1+cu126]") ? "ambiguous"
              : null;
          if (reason == null) {
            unexpected.add(lock + " @ " + target[0] + ": " + m);
          } else {
            outcomes.merge(set.kind() + " " + reason, 1, Integer::sum);
          }
        }
      }
    }
    System.out.println("OtherLocksInstallSetTest: " + locks.size() + " locks x " + InstallSetOracle.TARGETS.size()
        + " targets: " + outcomes + "; " + packages + " packages selected");
    assertThat(unexpected).isEmpty();
    assertThat(locks).hasSizeGreaterThan(20);
    assertThat(packages).as("packages selected over all locks and targets").isPositive();
  }
}
