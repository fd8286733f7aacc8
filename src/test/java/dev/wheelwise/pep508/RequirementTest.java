package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

  @Test
  void readsEveryPart() throws InvalidRequirement {
    Requirement r = Requirement.parse("Foo_Bar[Socks, security] (>=2.0,<3) ; python_version >= '3.8'");
    assertThat(r.name()).isEqualTo("Foo_Bar");
    assertThat(r.canonicalName()).isEqualTo("foo-bar");
    assertThat(r.extras()).containsExactly("Socks", "security");
    assertThat(r.canonicalExtras()).containsExactly("security", "socks");
    assertThat(r.specifier().toString()).isEqualTo("<3,>=2.0");
    assertThat(r.url()).isEmpty();
    assertThat(r.marker().map(Marker::toString)).contains("python_version >= \"3.8\"");
    assertThat(r.toString()).isEqualTo("Foo_Bar[Socks,security]<3,>=2.0; python_version >= \"3.8\"");
  }

  @Test
  void readsADirectReference() throws InvalidRequirement {
    Requirement r = Requirement.parse("pip @ https://example.org/pip-26.0-py3-none-any.whl ; os_name == 'posix'");
    assertThat(r.url()).contains("https://example.org/pip-26.0-py3-none-any.whl");
    assertThat(r.specifier().isEmpty()).isTrue();
    assertThat(r.toString())
        .isEqualTo("pip @ https://example.org/pip-26.0-py3-none-any.whl ; os_name == \"posix\"");
  }

  @Test
  void specifierClausesAreCheckedPerProfile() throws InvalidRequirement {
    PipProfile p21 = PipProfile.forPackaging(Version.tryParse("21.3"));
    assertThat(Requirement.parse("foo>=1.0,<2", "<requirement>", 1, p21).specifier().toString(p21))
        .isEqualTo("<2,>=1.0");
  }

  @ParameterizedTest(name = "{0} under packaging {1}: {2}")
  @CsvSource({
    "pkg @ file:/tmp/x.whl, 23.0, Invalid URL given (packaging before 23.2 checks direct URLs) at column 7",
    "pkg @ ./local/dir, 23.0, Invalid URL: ./local/dir (packaging before 23.2 checks direct URLs) at column 7",
    "pkg @ file:/tmp/x.whl, 26.2, ",
    "pkg @ file:///tmp/x.whl, 23.0, ",
  })
  void directUrlsWereCheckedBefore232(String text, String packaging, String problem) throws InvalidRequirement {
    PipProfile profile = PipProfile.forPackaging(Version.tryParse(packaging));
    if (problem == null) {
      assertThat(Requirement.parse(text, "<r>", 1, profile)).isNotNull();
      return;
    }
    assertThatThrownBy(() -> Requirement.parse(text, "<r>", 1, profile))
        .isInstanceOfSatisfying(InvalidRequirement.class, e -> assertThat(e.plainMessage()).isEqualTo(problem));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      name (>=1.0 ; python_version<'3'  | 6  | 8  | expected matching ')' for the '(' at column 6, after version specifier at column 13
      foo>=1.0+local                    | 4  | 6  | Local version label can only be used with `==` or `!=` operators at column 9
      foo>=1.0.*                        | 4  | 7  | .* suffix can only be used with `==` or `!=` operators at column 10
      foo[bar baz]                      | 9  | 1  | expected comma between extra names at column 9
      foo bar                           | 5  | 1  | expected semicolon (after name with no version specifier) or end at column 5
      ==1.0                             | 1  | 1  | expected package name at the start of dependency specifier at column 1
      foo @                             | 6  | 1  | expected URL after @ at column 6
      foo ~=1                           | 5  | 1  | expected semicolon (after name with no version specifier) or end at column 5
      """)
  void badRequirementsSayWhereAndWhat(String text, int column, int length, String message) {
    assertThatThrownBy(() -> Requirement.parse(text, "requirements.txt", 7))
        .isInstanceOfSatisfying(InvalidRequirement.class, e -> {
          assertThat(e.plainMessage()).isEqualTo(message);
          assertThat(e.span().line()).isEqualTo(7);
          assertThat(e.span().column()).isEqualTo(column);
          assertThat(e.span().length()).isEqualTo(length);
          assertThat(e.getMessage()).startsWith("requirements.txt:7:" + column + ": ");
        });
  }

  @Test
  void rendersACaretUnderTheProblem() {
    assertThatThrownBy(() -> Requirement.parse("name (>=1.0 ; python_version<'3'", "requirements.txt", 7))
        .isInstanceOfSatisfying(InvalidRequirement.class, e -> assertThat(e.render()).isEqualTo("""
            requirements.txt:7:6: expected matching ')' for the '(' at column 6, after version specifier at column 13
                name (>=1.0 ; python_version<'3'
                     ^^^^^^^^"""));
  }

  @Test
  void environmentForALinuxImage() {
    MarkerEnvironment env = MarkerEnvironment.linuxCPython(3, 13, 1, "aarch64");
    assertThat(env.pythonVersion()).isEqualTo("3.13");
    assertThat(env.pythonFullVersion()).isEqualTo("3.13.1");
    assertThat(env.sysPlatform()).isEqualTo("linux");
    assertThat(env.platformSystem()).isEqualTo("Linux");
    assertThat(env.osName()).isEqualTo("posix");
    assertThat(env.extra()).isEmpty();
    assertThat(env.withExtras(Set.of("a")).extras()).containsExactly("a");
    assertThat(Optional.of(env.platformRelease())).contains("");
  }
}
