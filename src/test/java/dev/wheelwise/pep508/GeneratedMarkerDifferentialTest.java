package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.testing.PythonOracle;
import java.util.List;
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
        "extra-12-earth2studio-ace2", "3.13.0+local", "x86\\x5f64", "\\d", "lin\\u0075x", "a\\", "\\x4",
        "\\N{LATIN SMALL LETTER L}inux", "3.1\\62");
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
    List<String> markers = marker().sampleStream().limit(CASES).toList();
    OracleComparison.Result result =
        OracleComparison.markers(oracle, profile, markers, CorpusMarkerDifferentialTest.TARGETS);
    System.out.println("generated markers compared with " + oracle + ": " + markers.size() + " markers, "
        + result.compared() + " evaluations " + result.outcomes());
    assertThat(result.mismatches()).isEmpty();
  }
}
