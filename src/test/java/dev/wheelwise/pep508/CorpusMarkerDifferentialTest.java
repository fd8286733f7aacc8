package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.CorpusStrings;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  static Map<String, Object> json(MarkerEnvironment e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("implementation_name", e.implementationName());
    m.put("implementation_version", e.implementationVersion());
    m.put("os_name", e.osName());
    m.put("platform_machine", e.platformMachine());
    m.put("platform_release", e.platformRelease());
    m.put("platform_system", e.platformSystem());
    m.put("platform_version", e.platformVersion());
    m.put("python_full_version", e.pythonFullVersion());
    m.put("platform_python_implementation", e.platformPythonImplementation());
    m.put("python_version", e.pythonVersion());
    m.put("sys_platform", e.sysPlatform());
    m.put("extra", e.extra());
    m.put("extras", List.copyOf(e.extras()));
    m.put("dependency_groups", List.copyOf(e.dependencyGroups()));
    return m;
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void markersEvaluateTheSame(PythonOracle oracle) {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    List<Map<String, Object>> envs = TARGETS.stream().map(CorpusMarkerDifferentialTest::json).toList();
    List<String> markers = new ArrayList<>(harvest.markers());
    List<Map<String, Object>> cases = markers.stream()
        .map(m -> Map.<String, Object>of("marker", m, "envs", envs)).toList();
    List<JsonNode> answers = oracle.run("marker.py", cases);
    List<String> mismatches = new ArrayList<>();
    int evaluations = 0;
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int i = 0; i < markers.size(); i++) {
      String text = markers.get(i);
      String mine;
      List<Object> results = new ArrayList<>();
      try {
        Marker marker = Marker.parse(text, profile);
        mine = marker.toString(profile);
        for (MarkerEnvironment env : TARGETS) {
          try {
            results.add(marker.evaluate(env, profile));
          } catch (MarkerEvaluationError e) {
            results.add("error");
          }
        }
      } catch (InvalidMarker e) {
        mine = null;
      }
      JsonNode answer = answers.get(i);
      String theirs = answer.get("str").isNull() ? null : answer.get("str").asText();
      List<Object> theirResults = new ArrayList<>();
      answer.get("eval").forEach(n -> theirResults.add(n.isBoolean() ? n.asBoolean() : "error"));
      evaluations += theirResults.size();
      theirResults.forEach(r -> outcomes.merge(String.valueOf(r), 1, Integer::sum));
      if (!Objects.equals(mine, theirs) || !results.equals(theirResults)) {
        mismatches.add(text + "\n   ours " + mine + " " + results + "\n   packaging " + theirs + " " + theirResults);
      }
    }
    System.out.println("corpus markers compared with " + oracle + ": " + markers.size() + " markers, "
        + evaluations + " evaluations over " + TARGETS.size() + " targets " + outcomes);
    assertThat(outcomes).containsKeys("true", "false");
    assertThat(mismatches).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = PythonOracle.class, names = {"PACKAGING_26", "PACKAGING_23"})
  void requirementsParseTheSame(PythonOracle oracle) {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    List<String> cases = new ArrayList<>(harvest.requirements());
    List<JsonNode> answers = oracle.run("requirement.py", cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String mine;
      try {
        Requirement r = Requirement.parse(cases.get(i), "<corpus>", 1, profile);
        mine = r.name() + "|" + r.extras() + "|" + r.specifier().toString(profile) + "|" + r.url().orElse(null)
            + "|" + r.marker().map(m -> m.toString(profile)).orElse(null);
      } catch (InvalidRequirement e) {
        mine = null;
      }
      JsonNode a = answers.get(i);
      String theirs = null;
      if (!a.isNull()) {
        List<String> extras = new ArrayList<>();
        a.get("extras").forEach(n -> extras.add(n.asText()));
        theirs = a.get("name").asText() + "|" + extras + "|" + a.get("specifier").asText() + "|"
            + (a.get("url").isNull() ? null : a.get("url").asText()) + "|"
            + (a.get("marker").isNull() ? null : a.get("marker").asText());
      }
      if (!Objects.equals(mine, theirs)) {
        mismatches.add(cases.get(i) + "\n   ours " + mine + "\n   packaging " + theirs);
      }
    }
    System.out.println("corpus requirements compared with " + oracle + ": " + cases.size());
    assertThat(mismatches).isEmpty();
  }
}
