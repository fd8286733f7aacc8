package dev.wheelwise.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.Version;
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
 * choose.py computes with {@code packaging} and pip's own reading of sdist names (one oracle
 * process per packaging version). The Java side uses the tags package's supported tags for the
 * same target, so the tag lists are checked too.
 */
class FileChooserOracleTest {

  @Test
  void everyLockedReleaseOnEveryTargetMatchesPackaging() throws java.io.IOException {
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
    List<UvLockFiles.Release> pipOnly = sdistNamesOnlyPipReads();
    releases.addAll(pipOnly);

    List<OracleTargets.Facts> current = OracleTargets.ALL.stream().filter(f -> f.pip() == OracleTargets.CURRENT).toList();
    List<OracleTargets.Facts> old = OracleTargets.ALL.stream().filter(f -> f.pip() != OracleTargets.CURRENT).toList();
    int[] counts = compare(PythonOracle.PACKAGING_26, current, releases);
    int[] oldCounts = compare(PythonOracle.PACKAGING_21, old, releases);
    System.err.printf("FileChooserOracleTest: %d releases (%d of them sdists only pip reads, or their renamed variants) x %d targets"
            + " = %d choices equal packaging 26.2 (%d wheels, %d sdists, %d none); x %d old-pip targets = %d equal packaging 21.3"
            + " (%d wheels, %d sdists, %d none)%n",
        releases.size(), pipOnly.size(), current.size(), counts[0], counts[1], counts[2], counts[3],
        old.size(), oldCounts[0], oldCounts[1], oldCounts[2], oldCounts[3]);
  }

  /**
   * Sdist names pip and packaging read differently: every release of the embedded snapshot with
   * an sdist packaging's parse_sdist_filename refuses or reads as another project or version
   * (prettytable-0.7.2.tar.bz2, python-termstyle-0.1.10.tgz, scs-2.1.1-2.tar.gz), with all its
   * files; and each such sdist renamed as pip may meet it, alone in its release as a lock would
   * list it: every other archive format pip unpacks, ones it does not ({@code .TAR.GZ},
   * {@code .tar.zst}), a {@code -py2.7} or {@code -py3.8} suffix, another project's prefix, a
   * version that is not PEP 440. choose.py reads each name with pip's own functions; they join
   * the locked releases in one oracle process per packaging.
   */
  private static List<UvLockFiles.Release> sdistNamesOnlyPipReads() throws java.io.IOException {
    dev.wheelwise.index.Snapshot snapshot = dev.wheelwise.index.SnapshotCodec.embedded().orElseThrow();
    List<UvLockFiles.Release> releases = new ArrayList<>();
    int pipOnly = 0;
    for (var project : snapshot.projects().entrySet()) {
      for (var version : project.getValue().entrySet()) {
        for (var file : version.getValue().files()) {
          String name = file.filename();
          java.util.Optional<String> ext = dev.wheelwise.tags.SdistFilename.pipExtension(name);
          if (name.endsWith(".whl") || ext.isEmpty() || packagingReadsAs(name, project.getKey(), version.getKey())) {
            continue;
          }
          pipOnly++;
          Version v = Version.tryParse(version.getKey());
          String where = "snapshot " + name;
          releases.add(new UvLockFiles.Release(where, project.getKey(), v,
              version.getValue().files().stream().map(f -> CandidateFile.of(project.getKey(), v, f.filename())).toList()));
          String stem = name.substring(0, name.length() - ext.get().length());
          List<String> variants = new ArrayList<>();
          for (String other : List.of(".tar.gz", ".zip", ".tgz", ".tar", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar.lzma", ".TAR.GZ",
              ".tar.zst")) {
            variants.add(stem + other);
          }
          variants.addAll(List.of(stem + "-py2.7.tar.gz", stem + "-py3.8.tgz", "other_" + stem + ".tar.bz2", stem + "-dev-x.tar.bz2"));
          for (String variant : variants) {
            releases.add(new UvLockFiles.Release(where + " as " + variant, project.getKey(), v, List.of(CandidateFile.of(project.getKey(), v, variant))));
          }
        }
      }
    }
    assertThat(pipOnly).as("snapshot sdists only pip reads (a .tar.bz2, a .tgz, a post release after a dash)").isGreaterThanOrEqualTo(3);
    return releases;
  }

  /** Whether packaging's parse_sdist_filename reads the name as this project and version. */
  private static boolean packagingReadsAs(String filename, String project, String version) {
    try {
      dev.wheelwise.tags.SdistFilename s = dev.wheelwise.tags.SdistFilename.parse(filename);
      return s.name().equals(project) && s.version().equals(Version.tryParse(version));
    } catch (dev.wheelwise.tags.InvalidSdistFilename e) {
      return false;
    }
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
      c.put("files", r.files().stream().map(f -> Map.of("filename", f.filename(), "yanked", f.yanked())).toList());
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
