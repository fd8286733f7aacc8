package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated markers (every variable, every operator, values that are versions, strings, kernel
 * strings, wildcards and extras, both sides, nested and/or) evaluate the same as each packaging
 * release for the corpus test's targets: the per-release rules of research §1.6 where real
 * lock files rarely go (string ordering, {@code ~=} on strings, invalid left sides).
 */
class GeneratedMarkerDifferentialTest {

  private static final int CASES = 1500;

  static Arbitrary<String> comparison() {
    Arbitrary<String> variable = Arbitraries.of("python_version", "python_full_version", "os_name", "os.name",
        "sys_platform", "platform_release", "platform_system", "platform_version", "platform_machine",
        "platform_python_implementation", "python_implementation", "implementation_name",
        "implementation_version", "extra", "extra");
    Arbitrary<String> op = Arbitraries.of("==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in");
    Arbitrary<String> value = Arbitraries.of("3.8", "3.12", "3.13.0", "3", "3.14.0rc1", "3.*", "3.12.*", "2.7",
        "linux", "Linux", "x86_64", "aarch64", "posix", "cpython", "CPython", "6", "6.1", "6.1.0-18-amd64",
        "win32", "darwin", "Foo_Bar", "format-audio", "Format_Audio", "all", "dev", "1.0+local", "", "x86",
        "extra-12-earth2studio-ace2", "3.13.0+local");
    Arbitrary<Boolean> swapped = Arbitraries.of(false, false, false, true);
    Arbitrary<Character> quote = Arbitraries.of('"', '\'');
    return Combinators.combine(variable, op, value, swapped, quote).as((var, o, val, swap, q) -> {
      String quoted = q + val + q;
      return swap ? quoted + " " + o + " " + var : var + " " + o + " " + quoted;
    });
  }

  static Arbitrary<String> marker() {
    Arbitrary<String> pair = Combinators.combine(comparison(), Arbitraries.of(" and ", " or "), comparison())
        .as((a, op, b) -> a + op + b);
    Arbitrary<String> nested = Combinators.combine(pair, Arbitraries.of(" and ", " or "), comparison())
        .as((p, op, c) -> "(" + p + ")" + op + c);
    Arbitrary<String> extraSet = Combinators.combine(Arbitraries.of("dev", "all", "Dev_Tools", "test"),
        Arbitraries.of("in", "not in"), Arbitraries.of("extras", "dependency_groups"))
        .as((v, o, s) -> "'" + v + "' " + o + " " + s);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, comparison()),
        net.jqwik.api.Tuple.of(3, pair),
        net.jqwik.api.Tuple.of(2, nested),
        net.jqwik.api.Tuple.of(1, extraSet));
  }

  @ParameterizedTest
  @EnumSource(PythonOracle.class)
  void generatedMarkersEvaluateTheSame(PythonOracle oracle) {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    List<Map<String, Object>> envs =
        CorpusMarkerDifferentialTest.TARGETS.stream().map(CorpusMarkerDifferentialTest::json).toList();
    List<String> markers = marker().sampleStream().limit(CASES).toList();
    List<Map<String, Object>> cases = markers.stream()
        .map(m -> Map.<String, Object>of("marker", m, "envs", envs)).toList();
    List<JsonNode> answers = oracle.run("marker.py", cases);
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int i = 0; i < markers.size(); i++) {
      String text = markers.get(i);
      String mine;
      List<Object> results = new ArrayList<>();
      try {
        Marker marker = Marker.parse(text, profile);
        mine = marker.toString(profile);
        for (MarkerEnvironment env : CorpusMarkerDifferentialTest.TARGETS) {
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
      theirResults.forEach(r -> outcomes.merge(String.valueOf(r), 1, Integer::sum));
      if (!Objects.equals(mine, theirs) || !results.equals(theirResults)) {
        mismatches.add(text + "\n   ours " + mine + " " + results + "\n   packaging " + theirs + " " + theirResults
            + " " + answer.get("eval"));
      }
    }
    System.out.println("generated markers compared with " + oracle + ": " + markers.size() + " markers x "
        + CorpusMarkerDifferentialTest.TARGETS.size() + " targets " + outcomes);
    assertThat(mismatches).isEmpty();
  }
}
