package dev.wheelwise.pep508;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelwise.pep440.PipProfile;
import dev.wheelwise.pep440.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The marker rules of research §1.6, by name, per packaging release (26.2 / 21.3 / 23.0). */
class MarkerTest {

  static final PipProfile P26 = PipProfile.forPackaging(Version.tryParse("26.2"));
  static final PipProfile P21 = PipProfile.forPackaging(Version.tryParse("21.3"));
  static final PipProfile P23 = PipProfile.forPackaging(Version.tryParse("23.0"));

  /** CPython 3.12.7 on x86_64 with a Debian kernel string. */
  static final MarkerEnvironment ENV = MarkerEnvironment.linuxCPython(3, 12, 7, "x86_64")
      .withPlatform("6.1.0-18-amd64", "");

  private static String outcome(String marker, MarkerEnvironment env, PipProfile profile) throws InvalidMarker {
    try {
      return String.valueOf(Marker.parse(marker, profile).evaluate(env, profile));
    } catch (MarkerEvaluationError e) {
      return "error";
    }
  }

  private static MarkerEnvironment env(String change) {
    if (change == null) {
      return ENV;
    }
    String[] kv = change.split("=", 2);
    switch (kv[0]) {
      case "machine":
        return MarkerEnvironment.linuxCPython(3, 12, 7, kv[1]);
      case "extra":
        return ENV.withExtra(kv[1]);
      case "full":
        return ENV.withPythonFullVersion(kv[1]);
      default:
        throw new IllegalArgumentException(change);
    }
  }

  @ParameterizedTest(name = "{0}: {1} [{2}] -> 26:{3} 21.3:{4} 23.0:{5}")
  @CsvSource(delimiter = '|', textBlock = """
      26.0 string ordering: < on strings is false          | sys_platform < "win32"              |                 | false | true  | true
      26.0 string ordering: <= on strings means ==         | platform_machine <= "x86_64"        | machine=aarch64 | false | true  | true
      26.0 string ordering: >= on equal strings            | platform_machine >= "x86_64"        |                 | true  | true  | true
      platform_release compared as a version               | platform_release >= "6"             |                 | false | false | error
      version comparison of python_version                 | python_version > "3.8"              |                 | true  | true  | true
      wildcard on python_version                           | python_version == "3.12.*"          |                 | true  | true  | true
      extra normalization (PEP 685)                        | extra == "Foo_Bar"                  | extra=foo-bar   | true  | false | true
      extra normalization not inside parentheses in 26     | (extra == "Foo_Bar")                | extra=foo-bar   | false | false | true
      no extra: extra == "x" is false, not an error        | extra == "x"                        |                 | false | false | false
      python_full_version ending in + gets local (24.1+)   | python_full_version >= "3.13"       | full=3.13.0+    | true  | false | error
      ~= on a string is undefined                          | platform_machine ~= "x86"           |                 | error | error | error
      in is a substring test on strings                    | "86" in platform_machine            |                 | true  | true  | true
      not in                                               | platform_machine not in "arm64 aarch64" |             | true  | true  | true
      quoted values are Python literals from 22         | os_name == 'po\\x73ix'             |                 | true  | false | true
      and binds tighter than or                            | os_name == "nt" and python_version < "3" or sys_platform == "linux" | | true | true | true
      """)
  void evaluatesPerProfile(String name, String marker, String change, String at26, String at21, String at23)
      throws InvalidMarker {
    MarkerEnvironment env = env(change);
    assertThat(outcome(marker, env, P26)).as("26.2").isEqualTo(at26);
    assertThat(outcome(marker, env, P21)).as("21.3").isEqualTo(at21);
    assertThat(outcome(marker, env, P23)).as("23.0").isEqualTo(at23);
  }

  @Test
  void lockFileSetsNeedPackaging25() throws InvalidMarker {
    Marker m = Marker.parse("'Dev_Tools' in dependency_groups");
    assertThat(m.evaluate(ENV.withDependencyGroups(java.util.Set.of("dev-tools")), P26)).isTrue();
    assertThat(m.evaluate(ENV, P26)).isFalse();
    assertThatThrownBy(() -> Marker.parse("'dev' in extras", P21)).isInstanceOf(InvalidMarker.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      python_version>'3.8'                                 | python_version > "3.8"
      ((os_name == 'nt'))                                  | os_name == "nt"
      (a_b) or extra == 'Foo_Bar'                          |
      ((python_version<"3" and os_name=="a")) or extra=="A_b" | python_version < "3" and os_name == "a" or extra == "a-b"
      python_implementation == 'CPython'                   | platform_python_implementation == "CPython"
      os.name == 'posix' and (sys_platform == 'linux' or sys_platform == 'darwin') | os_name == "posix" and (sys_platform == "linux" or sys_platform == "darwin")
      """)
  void printsAsPackagingDoes(String text, String printed) {
    if (printed == null) {
      assertThatThrownBy(() -> Marker.parse(text)).isInstanceOf(InvalidMarker.class);
      return;
    }
    assertThat(assertParses(text).toString()).isEqualTo(printed);
  }

  private static Marker assertParses(String text) {
    try {
      return Marker.parse(text);
    } catch (InvalidMarker e) {
      throw new AssertionError(e.render(), e);
    }
  }

  @Test
  void badMarkerSaysWhatWasExpectedAndWhere() {
    assertThatThrownBy(() -> Marker.parse("python_version >= '3.8' and (os_name == 'nt'"))
        .isInstanceOfSatisfying(InvalidMarker.class, e -> {
          assertThat(e.plainMessage())
              .isEqualTo("expected matching ')' for the '(' at column 29, after marker expression at column 45");
          assertThat(e.render()).isEqualTo("""
              <marker>:1:29: expected matching ')' for the '(' at column 29, after marker expression at column 45
                  python_version >= '3.8' and (os_name == 'nt'
                                              ^^^^^^^^^^^^^^^^^""");
        });
    assertThatThrownBy(() -> Marker.parse("python_version ≥ '3.8'"))
        .hasMessage("<marker>:1:16: expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in at column 16");
    assertThatThrownBy(() -> Marker.parse("os_name == 'po\\x7'"))
        .hasMessage("<marker>:1:15: invalid escape in quoted string: \\x needs 2 hex digits at column 18");
    assertThatThrownBy(() -> Marker.parse("python_versions == '3.8'"))
        .hasMessageContaining("expected a marker variable or quoted string at column 1");
  }
}
