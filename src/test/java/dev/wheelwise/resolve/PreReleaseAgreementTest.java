package dev.wheelwise.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.cli.Main;
import dev.wheelwise.index.LoopbackIndex;
import dev.wheelwise.resolve.LockUniverse.Release;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip's {@code --pre}, wherever it is set (a requirements file line, check's own flag), makes
 * pre-releases candidates for every requirement; without it packaging's default decides per
 * specifier (a project with only pre-releases, or a specifier naming one, still gets one). The
 * expected versions are pip's rules written out; where {@code python3 -m pip} is 23.2.1 (the
 * profile check is run with) pip itself answers the same files on the same loopback index too.
 */
class PreReleaseAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final LockUniverse UNIVERSE = LockUniverse.of(
      new Release("alpha", "1.0", List.of("alpha-1.0-py3-none-any.whl"), List.of()),
      new Release("alpha", "2.0rc1", List.of("alpha-2.0rc1-py3-none-any.whl"), List.of()),
      new Release("beta", "0.9b1", List.of("beta-0.9b1-py3-none-any.whl"), List.of()),
      new Release("gamma", "1.0", List.of("gamma-1.0-py3-none-any.whl"), List.of("alpha>=1.0")));

  private record Case(String file, List<String> checkOptions, Map<String, String> expected) {}

  private static final List<Case> CASES = List.of(
      new Case("gamma\nbeta\n", List.of(), Map.of("alpha", "1.0", "beta", "0.9b1", "gamma", "1.0")),
      new Case("--pre\ngamma\nbeta\n", List.of(), Map.of("alpha", "2.0rc1", "beta", "0.9b1", "gamma", "1.0")),
      new Case("gamma\nbeta\n", List.of("--pre"), Map.of("alpha", "2.0rc1", "beta", "0.9b1", "gamma", "1.0")),
      new Case("alpha>=2.0rc1\n", List.of(), Map.of("alpha", "2.0rc1")));

  @Test
  void preReleasesAreCandidatesWithPreAndWhereTheSpecifierAsks(@TempDir Path tmp) throws Exception {
    boolean pipHere = pipIs23();
    try (LoopbackIndex index = new LoopbackIndex(null)) {
      PipOracle.serve(index, UNIVERSE);
      for (int i = 0; i < CASES.size(); i++) {
        Case c = CASES.get(i);
        Path file = Files.writeString(tmp.resolve("requirements-" + i + ".txt"), c.file());
        assertThat(check(file, index.base(), c.checkOptions())).as("check on %s %s", c.file(), c.checkOptions()).isEqualTo(c.expected());
        if (pipHere) {
          List<String> cmd = new ArrayList<>(List.of(PipOracle.python3(), "-m", "pip", "install", "--isolated", "--no-input", "--dry-run",
              "--report", "-", "--quiet", "--ignore-installed", "--no-cache-dir", "--disable-pip-version-check",
              "--target", tmp.resolve("target-" + i).toString(), "--index-url", index.base() + "/simple/", "-r", file.toString()));
          cmd.addAll(c.checkOptions());
          PipOracle.Run run = PipOracle.run(cmd);
          assertThat(run.exitCode()).as(run.errors()).isZero();
          Map<String, String> pip = new TreeMap<>();
          PipOracle.chosen(run.report()).forEach((name, versionAndFile) -> pip.put(name, versionAndFile.split(" ")[0]));
          assertThat(pip).as("pip on %s %s", c.file(), c.checkOptions()).isEqualTo(c.expected());
        }
      }
    }
    if (!pipHere) {
      System.out.println("PreReleaseAgreementTest: python3 -m pip is not 23.2.1 here; checked against pip's rules only");
    }
  }

  private static boolean pipIs23() {
    try {
      return PipOracle.hostPip().equals(PipOracle.PIP.pip().orElseThrow());
    } catch (Exception e) {
      return false;
    }
  }

  /** check's chosen version per package on python:3.12-slim amd64 with pip 23.2.1's rules. */
  private static Map<String, String> check(Path file, String base, List<String> options) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", file.toString(), "--index-url", base + "/simple/", "--no-cache",
        "--image", "python:3.12-slim", "--platform", "linux/amd64", "--pip", "23.2.1", "--format", "json"));
    args.addAll(options);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isIn(0, 1);
    Map<String, String> chosen = new TreeMap<>();
    for (JsonNode p : JSON.readTree(out.toString()).path("images").path(0).path("packages")) {
      chosen.put(p.path("name").asText(), p.path("version").asText());
    }
    return chosen;
  }
}
