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
 * Generated requirement strings, well-formed and broken (a fragment dropped, doubled or swapped
 * for junk), parse to the same parts as packaging's {@code Requirement}, or fail in both; a
 * failure is always an {@link InvalidRequirement}, never another exception.
 */
class GeneratedRequirementDifferentialTest {

  private static final int CASES = 3000;

  static Arbitrary<String> requirement() {
    Arbitrary<String> name = Arbitraries.of("requests", "Foo_Bar", "zope.interface", "a", "x-1", "torch", "1pkg");
    Arbitrary<String> extras = Arbitraries.of("", "", "[socks]", "[Socks, security]", "[ a ,b ]", "[]", "[a b]", "[a,]");
    Arbitrary<String> spec = Arbitraries.of("", "", ">=2.0", "==1.0.*", " (>=1.0,<2)", "~=1.4.5", "!=1.1.*, >=1",
        "===foo", ">=1.0+local", "<2.0a1", "== 1.0", "(==1.0", ">=1.0.*", "~=1", "<=2.0,");
    Arbitrary<String> url = Arbitraries.of("", "", "", " @ https://example.org/p-1.0.tar.gz", "@ file:///tmp/x.whl",
        " @ git+https://github.com/a/b@v1#egg=b", " @ file:/tmp/x.whl", " @ FILE:///x.whl", " @ file:///x?",
        " @ ./local/dir", " @ https:/nohost", " @ file://localhost/x.whl", " @ file:x.whl");
    Arbitrary<String> marker = Arbitraries.of("", "", "; python_version < '3.11'", " ; extra == 'Foo_Bar'",
        ";sys_platform=='linux' and (os_name=='posix' or platform_machine=='x86_64')", "; python_version <",
        "; 'dev' in extras", "; (extra == 'a')", "; os_name = 'posix'");
    Arbitrary<String> junk = Arbitraries.of("", "", "", "", " ", "\t", ",", ")", "#", "  ", ";");
    return Combinators.combine(name, extras, spec, url, marker, junk, Arbitraries.integers().between(0, 5))
        .as((n, e, s, u, m, j, where) -> {
          String details = u.isEmpty() ? s : u + (m.isEmpty() ? "" : " ");
          String[] parts = {n, e, details, m};
          parts[where % 4] = where == 4 ? parts[where % 4] + j : j.isEmpty() ? parts[where % 4] : j + parts[where % 4];
          return String.join("", parts);
        });
  }

  @ParameterizedTest
  @EnumSource(value = PythonOracle.class, names = {"PACKAGING_26", "PACKAGING_23", "PACKAGING_21"})
  void generatedRequirementsParseTheSame(PythonOracle oracle) {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(oracle.expectedVersion()));
    List<String> cases = requirement().sampleStream().limit(CASES).toList();
    OracleComparison.Result result = OracleComparison.requirements(oracle, profile, cases);
    System.out.println("generated requirements compared with " + oracle + ": " + result.compared() + " "
        + result.outcomes());
    assertThat(result.mismatches()).isEmpty();
  }
}
