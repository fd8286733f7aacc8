package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.CorpusStrings;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every marker in the shared lock corpus (uv.lock, poetry.lock, pylock.toml, Pipfile.lock,
 * pdm.lock, requirement and pyproject markers) parses, prints and evaluates the same as each
 * packaging release does, for thirteen target environments.
 */
class CorpusMarkerDifferentialTest {

  /** CPython 3.8–3.14 on linux x86_64/aarch64, plus a kernel, extras, a "+" build, a pre-release. */
  static final List<MarkerEnvironment> TARGETS = List.of(
      MarkerEnvironment.linuxCPython(3, 8, 18, "x86_64"),
      MarkerEnvironment.linuxCPython(3, 9, 19, "aarch64"),
      MarkerEnvironment.linuxCPython(3, 10, 14, "x86_64"),
      MarkerEnvironment.linuxCPython(3, 11, 9, "aarch64"),
      MarkerEnvironment.linuxCPython(3, 12, 7, "x86_64"),
      MarkerEnvironment.linuxCPython(3, 12, 7, "aarch64"),
      MarkerEnvironment.linuxCPython(3, 13, 1, "x86_64"),
      MarkerEnvironment.linuxCPython(3, 13, 1, "aarch64"),
      MarkerEnvironment.linuxCPython(3, 14, 0, "x86_64"),
      MarkerEnvironment.linuxCPython(3, 14, 0, "aarch64"),
      MarkerEnvironment.linuxCPython(3, 12, 7, "x86_64")
          .withPlatform("6.1.0-18-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)")
          .withExtra("all").withExtras(Set.of("dev", "all")).withDependencyGroups(Set.of("dev")),
      MarkerEnvironment.linuxCPython(3, 13, 0, "x86_64").withPythonFullVersion("3.13.0+")
          .withExtra("Format_Audio"),
      MarkerEnvironment.linuxCPython(3, 14, 0, "aarch64").withPythonFullVersion("3.14.0rc1")
          .withPlatform("6.8.0", "").withExtra("extra-12-earth2studio-ace2"));

  private static CorpusStrings.Harvest harvest;

  @BeforeAll
  static void harvest() {
    harvest = CorpusStrings.lockfiles();
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void markersEvaluateTheSame(PythonOracle oracle) {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    List<String> markers = new ArrayList<>(harvest.markers());
    OracleComparison.Result result = OracleComparison.markers(oracle, profile, markers, TARGETS);
    System.out.println("corpus markers compared with " + oracle + ": " + markers.size() + " markers, "
        + result.compared() + " evaluations over " + TARGETS.size() + " targets " + result.outcomes());
    assertThat(result.outcomes()).containsKeys("true", "false");
    assertThat(result.mismatches()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = PythonOracle.class, names = {"PACKAGING_26", "PACKAGING_23", "PACKAGING_21"})
  void requirementsParseTheSame(PythonOracle oracle) {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    OracleComparison.Result result =
        OracleComparison.requirements(oracle, profile, new ArrayList<>(harvest.requirements()));
    System.out.println("corpus requirements compared with " + oracle + ": " + result.compared() + " "
        + result.outcomes());
    assertThat(result.mismatches()).isEmpty();
  }
}
