package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.Platform;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.project.GroupSelection;
import dev.wheelwise.project.LockedSet;
import dev.wheelwise.project.ProjectInputs;
import dev.wheelwise.tags.Target;
import dev.wheelwise.testing.PythonOracle;
import dev.wheelwise.testing.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole path a matrix cell takes — candidate search, the image's target and pip, the lock's
 * install set for that image, the planner — ends in the file packaging 26.2 picks: for a sample
 * of corpus uv.locks (every 6th, sorted), every cell of the default search on amd64 and arm64,
 * every package planned from a wheel or an sdist is asked of choose.py with the lock's files for
 * that release and the cell's own target. One oracle process for all.
 */
class MatrixCellsOracleTest {

  private record Asked(String where, String name, String version, String install, String file) {}

  @Test
  void everyCellsChoicesEqualPackaging() throws Exception {
    Path dir = Shared.require("corpus/lockfiles/uv");
    List<Path> locks = UvLockFiles.all(dir);
    List<Map<String, Object>> cases = new ArrayList<>();
    List<Asked> asked = new ArrayList<>();
    int cells = 0;
    for (int i = 0; i < locks.size(); i += 6) {
      Path path = locks.get(i);
      Map<String, UvLockFiles.Release> releases = new HashMap<>();
      UvLockFiles.releases(path).forEach(r -> releases.put(r.name() + "==" + r.version(), r));
      LockedSet lock = (LockedSet) new ProjectInputs(Map.of()).read(path);
      CheckInput input = LockedInputs.of(lock, GroupSelection.DEFAULT, FormatControl.DEFAULT, Optional.empty());
      CandidateSearch.Outcome outcome = CandidateSearch.search(new CandidateSearch.Request(Catalog.bundled(), Optional.empty(),
          input.requiresPython(), Optional.empty(), List.of(), List.of(Platform.LINUX_AMD64, Platform.parse("linux/arm64")),
          Optional.empty(), Optional.empty(), Optional.empty()));
      List<ImageCandidate> candidates = ((CandidateSearch.Placed) outcome).candidates();
      CheckResult result = new CheckService(KnowledgeCosts.load()).check("lock", Optional.empty(), input, candidates);
      for (ImagePlan plan : result.images()) {
        if (plan.image().target().isEmpty()) {
          continue;
        }
        cells++;
        Map<String, Object> target = oracleTarget(plan.image().target().get());
        for (PackagePlan p : plan.packages()) {
          String file = p.choice() instanceof Choice.Wheel w ? w.file().filename()
              : p.choice() instanceof Choice.Sdist s ? s.file().filename() : null;
          UvLockFiles.Release release = releases.get(p.name() + "==" + p.version().orElse(""));
          if (release == null || !(p.choice() instanceof Choice.Wheel || p.choice() instanceof Choice.Sdist
              || p.choice() instanceof Choice.Nothing)) {
            continue; // direct URLs and unknowns: nothing the oracle can be asked
          }
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("op", "choose");
          c.put("targets", List.of(target));
          c.put("project", release.name());
          c.put("spec", "==" + release.version());
          c.put("formats", Map.of("onlyBinary", List.of(), "noBinary", List.of(), "preferBinary", false));
          c.put("files", release.files().stream().map(f -> Map.of("filename", f.filename(), "yanked", f.yanked())).toList());
          cases.add(c);
          asked.add(new Asked(path.getParent().getFileName() + " " + plan.image().image() + " " + plan.image().platform(),
              p.name(), release.version().toString(), p.choice().install(), file));
        }
      }
    }
    assertThat(cells).as("cells compared").isGreaterThan(50);
    List<JsonNode> answers = PythonOracle.PACKAGING_26.run("choose.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      Asked a = asked.get(i);
      JsonNode expected = answers.get(i).get(0);
      String expectedFile = expected.get("file").isNull() ? null : expected.get("file").asText();
      if (!a.install().equals(expected.get("install").asText()) || !Objects.equals(a.file(), expectedFile)) {
        mismatches.add(a.where() + " " + a.name() + "==" + a.version() + ": wheelwise " + a.install() + " " + a.file()
            + ", packaging " + expected);
      }
    }
    System.err.printf("MatrixCellsOracleTest: %d cells, %d package choices equal packaging 26.2%n", cells, asked.size());
    assertThat(mismatches).as("cell choices differing from packaging").isEmpty();
  }

  private static Map<String, Object> oracleTarget(ChooserTarget chooser) {
    Target t = chooser.tags().target();
    PipProfile pip = chooser.profile();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("python", t.pythonMajor() + "." + t.pythonMinor() + "." + Math.max(t.pythonMicro(), 0));
    m.put("libc", t.libc().isMusl() ? "musl" : "glibc");
    m.put("libcVersion", List.of(t.libc().major(), t.libc().minor()));
    m.put("arch", t.arch().tagName());
    m.put("musllinux", pip.supportsMusllinux());
    m.put("pep600", pip.supportsPep600());
    m.put("manylinux2014", pip.supportsManylinux2014());
    return m;
  }
}
