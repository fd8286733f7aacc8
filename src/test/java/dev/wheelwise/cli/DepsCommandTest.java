package dev.wheelwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelwise.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code wheelwise deps} on corpus projects: the chosen input, the install set, the errors. */
class DepsCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void listsTheInstallSetOfAFolder() {
    String dir = Shared.require("corpus/lockfiles/uv/pallets__flask").toString();
    Run r = run("deps", dir, "--python", "3.12", "--libc", "musl-1.2", "--arch", "x86_64");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("(uv.lock): uv.lock is a lock file")
        .contains("\nblinker==1.9.0\nclick==8.3.2\nflask==3.2.0.dev0  (editable+.)\nitsdangerous==2.2.0\n")
        .endsWith("# 7 packages\n");
  }

  @Test
  void jsonNamesInputTargetAndPackages() throws Exception {
    String dir = Shared.require("corpus/lockfiles/uv/pallets__flask").toString();
    Run r = run("deps", dir, "--python", "3.10", "--arch", "aarch64", "--format", "json", "--group", "tests");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("schema").asText()).isEqualTo("wheelwise.deps/1");
    assertThat(json.at("/input/kind").asText()).isEqualTo("uv.lock");
    assertThat(json.at("/target/python").asText()).isEqualTo("3.10.0");
    assertThat(json.get("locked").asBoolean()).isTrue();
    // The tests group brings pytest; on Python 3.10 pytest also needs tomli and exceptiongroup.
    assertThat(json.get("packages").findValuesAsText("name")).contains("flask", "pytest", "tomli", "exceptiongroup", "werkzeug");
  }

  @Test
  void targetOutsideRequiresPythonIsAUsageError() {
    String dir = Shared.require("corpus/lockfiles/uv/pallets__flask").toString();
    Run r = run("deps", dir, "--python", "3.9");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("the lock requires Python >=3.10; the target has Python 3.9.0, outside that range");
  }

  @Test
  void looseRequirementsAreListedWithOrigins() {
    String file = Shared.require("corpus/lockfiles/requirements/jazzband__pip-tools__docs/requirements.in").toString();
    Run r = run("deps", file, "--python", "3.12");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("requirements.in:").contains("loose: versions are chosen at resolution");
  }

  @Test
  void malformedFileFailsWithLocation() {
    String file = Shared.require("corpus/lockfiles/pylock/pypa__pipenv/pylock.toml").toString();
    Run r = run("deps", file, "--python", "3.12");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("pylock.toml:").contains("package name 'jaraco.classes' is not normalized");
  }

  @Test
  void pyprojectOutsideItsRequiresPythonIsAUsageError() {
    String dir = Shared.require("corpus/lockfiles/pyproject/pydantic__pydantic").toString();
    Run r = run("deps", dir, "--python", "3.8");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("pyproject.toml: the project requires Python >=3.10; the target has Python 3.8.0, outside that range");
  }
}
