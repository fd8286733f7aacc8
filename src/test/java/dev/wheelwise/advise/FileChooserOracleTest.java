package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.PythonOracle;
import dev.wheelwise.testing.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every release of every uv.lock in the corpus, pinned to its locked version, on each of the
 * issue's targets: the file (and whether it is a wheel, an sdist or nothing) must equal what
 * choose.py computes with {@code packaging} (one oracle process per packaging version). The
 * Java side uses the tags package's supported tags for the same target, so the tag lists are
 * checked too.
 */
class FileChooserOracleTest {

  @Test
  void everyLockedReleaseOnEveryTargetMatchesPackaging() {
    Path dir = Shared.require("corpus/lockfiles/uv");
    Map<String, UvLockFiles.Release> unique = new LinkedHashMap<>();
    for (Path lock : UvLockFiles.all(dir)) {
      for (UvLockFiles.Release r : UvLockFiles.releases(lock)) {
        String key = r.name() + "==" + r.version() + r.files().stream().map(CandidateFile::filename).sorted().toList();
        unique.putIfAbsent(key, r);
      }
    }
    List<UvLockFiles.Release> releases = new ArrayList<>(unique.values());
    assertThat(releases).hasSizeGreaterThan(1000);

    List<OracleTargets.Facts> current = OracleTargets.ALL.stream().filter(f -> f.pip() == OracleTargets.CURRENT).toList();
    List<OracleTargets.Facts> old = OracleTargets.ALL.stream().filter(f -> f.pip() != OracleTargets.CURRENT).toList();
    int[] counts = compare(PythonOracle.PACKAGING_26, current, releases);
    int[] oldCounts = compare(PythonOracle.PACKAGING_21, old, releases);
    System.err.printf("FileChooserOracleTest: %d releases x %d targets = %d choices equal packaging 26.2 "
            + "(%d wheels, %d sdists, %d none); x %d old-pip targets = %d equal packaging 21.3 (%d wheels, %d sdists, %d none)%n",
        releases.size(), current.size(), counts[0], counts[1], counts[2], counts[3],
        old.size(), oldCounts[0], oldCounts[1], oldCounts[2], oldCounts[3]);
  }

  /** Returns {compared, wheels, sdists, none}. */
  private static int[] compare(PythonOracle oracle, List<OracleTargets.Facts> targets, List<UvLockFiles.Release> releases) {
    List<Map<String, Object>> cases = new ArrayList<>();
    List<Object> oracleTargets = targets.stream().map(t -> (Object) t.oracleTarget()).toList();
    for (UvLockFiles.Release r : releases) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("op", "choose");
      c.put("targets", oracleTargets);
      c.put("project", r.name());
      c.put("spec", "==" + r.version());
      c.put("formats", Map.of("onlyBinary", List.of(), "noBinary", List.of(), "preferBinary", false));
      c.put("files", r.files().stream().map(f -> Map.of("filename", f.filename(), "version", f.version().toString(),
          "yanked", f.yanked())).toList());
      cases.add(c);
    }
    List<JsonNode> answers = oracle.run("choose.py", cases);
    List<FileChooser> choosers = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      choosers.add(new FileChooser(targets.get(i).chooserTarget(), FormatControl.DEFAULT));
    }
    int[] counts = new int[4];
    List<String> mismatches = new ArrayList<>();
    for (int r = 0; r < releases.size(); r++) {
      UvLockFiles.Release release = releases.get(r);
      JsonNode perTarget = answers.get(r);
      for (int i = 0; i < targets.size(); i++) {
        Choice choice = choosers.get(i).choose(release.name(), VersionFilter.exactly(release.version()), release.files());
        String file = choice instanceof Choice.Wheel w ? w.file().filename()
            : choice instanceof Choice.Sdist s ? s.file().filename() : null;
        JsonNode expected = perTarget.get(i);
        String expectedFile = expected.get("file").isNull() ? null : expected.get("file").asText();
        if (!choice.install().equals(expected.get("install").asText()) || !java.util.Objects.equals(file, expectedFile)) {
          mismatches.add(release.lock() + " " + release.name() + "==" + release.version() + " on " + targets.get(i).description()
              + ": wheelwise " + choice.install() + " " + file + ", packaging " + expected);
        }
        counts[0]++;
        counts[choice.install().equals("wheel") ? 1 : choice.install().equals("sdist") ? 2 : 3]++;
      }
    }
    assertThat(mismatches).as("choices differing from packaging").isEmpty();
    return counts;
  }
}
